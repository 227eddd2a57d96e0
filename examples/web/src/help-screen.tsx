import { getHelpResources } from '@attune/content/help';
import { useLanguage } from '@attune/react/text';
import { useId } from 'react';
import { useApp, useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { RegionOptions } from './region-options.js';
import { href } from './use-route.js';

/** Help resources for where the couple lives: emergency numbers, helplines, a world directory. */
export function HelpScreen() {
  const t = useText();
  const words = useAppText();
  const id = useId();
  const language = useLanguage();
  const { region, setRegion, names } = useApp();
  const help = getHelpResources({ ...(region ? { region } : {}), locale: language });
  const emergency = help.emergency[0];
  const signedIn = Object.keys(names).length > 0;

  return (
    <section aria-labelledby="help-title" className="help">
      <h1 id="help-title">{t('safety:help.title')}</h1>
      <p className="lead">{t('safety:help.intro')}</p>
      {emergency && (
        <p className="emergency">
          <a href={`tel:${emergency.number}`}>
            {t('safety:help.emergency', { number: emergency.number })}
          </a>
        </p>
      )}
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
              <h2>{line.name}</h2>
              <p lang="en">{line.description}</p>
              <ul>
                {line.phone && (
                  <li>
                    <a href={`tel:${line.phone.replaceAll(' ', '')}`}>{line.phone}</a>
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
                {line.hours && <li>{line.hours}</li>}
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
