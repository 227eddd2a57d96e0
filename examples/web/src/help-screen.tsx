import { getHelpResources } from '@attune/content/help';
import { useLanguage } from '@attune/react/text';
import { useId } from 'react';
import { useApp, useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { RegionOptions } from './region-options.js';
import { href } from './use-route.js';

// A `#` starts the fragment of a URL, so a short code such as #8008 is written %23 in a tel: link.
const telHref = (number: string) => `tel:${number.replace(/\s/g, '').replace('#', '%23')}`;

/** Help resources for where the couple lives: a danger line, helplines, a world directory. */
export function HelpScreen() {
  const t = useText();
  const words = useAppText();
  const id = useId();
  const language = useLanguage();
  const { region, setRegion, names } = useApp();
  const help = getHelpResources({ ...(region ? { region } : {}), locale: language });
  const { danger } = help;
  const signedIn = Object.keys(names).length > 0;

  return (
    <section aria-labelledby="help-title" className="help">
      <h1 id="help-title">{t('safety:help.title')}</h1>
      <p className="lead">{t('safety:help.intro')}</p>
      {/* Always there: with no known number, it says to call the local emergency number. */}
      <p className="emergency">
        {danger.number === undefined ? (
          t(danger.key)
        ) : (
          <a href={telHref(danger.number)}>{t(danger.key, { number: danger.number })}</a>
        )}
      </p>
      {signedIn && (
        <div className="field">
          <label htmlFor={`${id}-region`}>{words.t('help.region')}</label>
          <select
            id={`${id}-region`}
            value={region ?? ''}
            onChange={(event) => setRegion(event.target.value || undefined)}
          >
            <option value="">{words.t('help.region-none')}</option>
            <RegionOptions />
          </select>
        </div>
      )}
      {help.helplines.length > 0 && (
        <ul className="helplines">
          {help.helplines.map((line) => (
            <li key={line.name} className="card">
              {/* The name as the service publishes it; what it does, in the partner's language. */}
              <h2>{line.name}</h2>
              <p>{t(line.descriptionKey)}</p>
              <ul>
                {line.phone && (
                  <li>
                    <a href={telHref(line.phone)}>{line.phone}</a>
                  </li>
                )}
                {line.sms && (
                  <li>
                    {words.t('help.sms', { number: line.sms.number })}
                    {line.sms.keyword && ` (${line.sms.keyword})`}
                  </li>
                )}
                {line.url && (
                  <li>
                    <a href={line.url} rel="noreferrer" target="_blank">
                      {line.url.replace(/^https?:\/\//, '')}
                    </a>
                  </li>
                )}
                {line.hours && (
                  <li>{line.hours === '24/7' ? words.t('help.always') : line.hours}</li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <div className="card">
        <p>{t('safety:help.directory')}</p>
        <p>
          <a href={help.directory.url} rel="noreferrer" target="_blank">
            {help.directory.name}
          </a>
        </p>
        <p>{t(help.directory.descriptionKey)}</p>
      </div>
      <p className="note">{t('safety:help.not-therapy')}</p>
      {signedIn && (
        <p>
          <a href={href({ screen: 'step', id: 'professional-help' })}>
            {t('professional-help:step.title')}
          </a>
        </p>
      )}
    </section>
  );
}
