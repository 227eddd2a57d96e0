import type { Couple } from '@attune/core';
import { useAttuneText, useLanguage } from '@attune/react/text';
import { type FormEvent, lazy, Suspense, useId, useState } from 'react';
import { useApp } from './app-context.js';
import { useAppText } from './app-text.js';
import { browserTimeZone } from './browser-time-zones.js';
import { LanguageOptions } from './language-options.js';
import { PartnerFields } from './partner-fields.js';
import type { Setup } from './persistence.js';
import { randomId } from './random-id.js';

const PARTNER_IDS = ['partner-1', 'partner-2'] as const;

// Where the couple lives: the regions with help resources are data the first paint can do without.
const OnboardingRegion = lazy(() =>
  import('./onboarding-region.js').then((module) => ({ default: module.OnboardingRegion })),
);

// Only couples who sync through the server need its client and the pairing screens.
const OwnPhoneOnboarding = lazy(() =>
  import('./sync/own-phone-onboarding.js').then((module) => ({
    default: module.OwnPhoneOnboarding,
  })),
);

/** Props of {@link Onboarding}. */
export interface OnboardingProps {
  readonly onDone: (setup: Setup) => void;
}

/** The first screen: both partners' names and time zones, the language, and where help is. */
export function Onboarding({ onDone }: OnboardingProps) {
  // No couple yet, so no names to fill in: the program's words as they are.
  const { t } = useAttuneText('common');
  const words = useAppText();
  const language = useLanguage();
  const { setLanguage, report } = useApp();
  const [error, setError] = useState<'names-missing' | 'names-same' | undefined>();
  const [devices, setDevices] = useState<'one' | 'own'>('one');
  const id = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = (index: number) => String(form.get(`name-${index}`) ?? '').trim();
    const zone = (index: number) => String(form.get(`zone-${index}`) ?? browserTimeZone());
    const region = String(form.get('region') ?? '');
    if (!name(0) || !name(1)) {
      setError('names-missing');
      return;
    }
    if (name(0).toLocaleLowerCase() === name(1).toLocaleLowerCase()) {
      setError('names-same');
      return;
    }
    const couple: Couple = {
      id: randomId('couple'),
      partners: [
        { id: PARTNER_IDS[0], timeZone: zone(0) },
        { id: PARTNER_IDS[1], timeZone: zone(1) },
      ],
      startedAt: Date.now(),
    };
    // The device id's code is the sync entry's, which the welcome screen does not load.
    import('@attune/core/sync').then(({ createDeviceId }) => {
      onDone({
        couple,
        names: { [PARTNER_IDS[0]]: name(0), [PARTNER_IDS[1]]: name(1) },
        locale: language,
        region: region || undefined,
        device: createDeviceId(),
        activePartner: PARTNER_IDS[0],
      });
    }, report);
  };

  return (
    <section aria-labelledby="welcome-title" className="onboarding">
      <h1 id="welcome-title">{t('program.title')}</h1>
      <p className="note">{t('program.not-therapy')}</p>
      <fieldset className="choice">
        <legend>{words.t('onboarding.devices')}</legend>
        <label>
          <input
            type="radio"
            name="devices"
            checked={devices === 'one'}
            onChange={() => setDevices('one')}
          />{' '}
          {words.t('onboarding.one-phone')}
        </label>
        <label>
          <input
            type="radio"
            name="devices"
            checked={devices === 'own'}
            onChange={() => setDevices('own')}
          />{' '}
          {words.t('onboarding.own-phones')}
        </label>
      </fieldset>
      {devices === 'own' ? (
        <Suspense
          fallback={
            <p className="loading" aria-busy="true">
              {words.t('loading')}
            </p>
          }
        >
          <OwnPhoneOnboarding onDone={onDone} />
        </Suspense>
      ) : (
        <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
          <h2>{words.t('onboarding.title')}</h2>
          <p>{words.t('onboarding.intro')}</p>
          <div className="partners">
            {PARTNER_IDS.map((partner, index) => (
              <PartnerFields key={partner} index={index} />
            ))}
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>{words.t('language')}</label>
            <select
              id={`${id}-language`}
              value={language}
              onChange={(event) => setLanguage(event.target.value)}
            >
              <LanguageOptions />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-region`}>{words.t('onboarding.region')}</label>
            <Suspense
              fallback={
                <select id={`${id}-region`} name="region" defaultValue="">
                  <option value="">{words.t('onboarding.region-none')}</option>
                </select>
              }
            >
              <OnboardingRegion id={`${id}-region`} />
            </Suspense>
          </div>
          <p className="note">{t('safety:device.warning')}</p>
          {error && (
            <p id={`${id}-error`} role="alert" className="error">
              {words.t(`onboarding.${error}`)}
            </p>
          )}
          <button type="submit" className="primary">
            {words.t('onboarding.start')}
          </button>
        </form>
      )}
    </section>
  );
}
