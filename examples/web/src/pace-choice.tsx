import type { OwnRest } from '@attune/core';
import { useAttuneContext, usePartnerView } from '@attune/react';
import { useLanguage } from '@attune/react/text';
import { useId, useState } from 'react';
import { useAct, useText } from './app-context.js';
import { formatMoment } from './format-time.js';
import { href } from './use-route.js';

const HOUR = 3_600_000;

/**
 * When a rest takes effect, as the partner reads it: the time of day in their own time zone, with
 * the date as well should it be further off than a few hours (another device's clock ran ahead).
 */
function useRestTime(): (rest: OwnRest) => string {
  const { engine, partner } = useAttuneContext();
  const language = useLanguage();
  const timeZone = engine.couple.partners.find((each) => each.id === partner)?.timeZone ?? 'UTC';
  return (rest) =>
    rest.from - engine.now() > 12 * HOUR
      ? formatMoment(rest.from, language, timeZone)
      : new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone }).format(
          rest.from,
        );
}

/** The partner's own rest, as they last set it, and how to set it: the same for both partners. */
function useOwnRest() {
  const { engine, partner } = useAttuneContext();
  const act = useAct();
  return {
    rest: usePartnerView((view) => view.ownRest),
    recommended: usePartnerView((view) => view.restRecommended),
    set: (active: boolean) => act(() => engine.setRest(partner, active)),
  };
}

/**
 * Right after a safety check that signals risk, the choice to rest the deeper exercises for both
 * partners — recommended, never made for them — with what the other partner would see and could
 * still infer. Like the check's result, it is shown only to the partner who took it, while this
 * screen is open; passing the phone clears it. Choosing records the very rest a slower pace records.
 */
export function RestOffer() {
  const t = useText();
  const id = useId();
  const own = useOwnRest();
  const time = useRestTime();
  const [choice, setChoice] = useState<'rested' | 'declined'>();
  if (choice === 'rested' && own.rest?.active) {
    return (
      <>
        <p className="notice" role="status">
          {t('safety:rest.chosen', { time: time(own.rest) })}
        </p>
        <p>
          <a href={href({ screen: 'pause' })}>{t('safety:pace.title')}</a>
        </p>
      </>
    );
  }
  if (choice === 'declined') {
    return (
      <p className="note" role="status">
        {t('safety:rest.declined')}
      </p>
    );
  }
  if (!own.recommended) return null;
  return (
    <section className="card rest-offer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('safety:rest.offer')}</h2>
      <p>{t('safety:rest.others-see')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            if (own.set(true)) setChoice('rested');
          }}
        >
          {t('safety:rest.choose')}
        </button>
        <button type="button" onClick={() => setChoice('declined')}>
          {t('safety:rest.not-now')}
        </button>
      </div>
    </section>
  );
}

/**
 * "A slower pace", for either partner at any time and for no stated reason: it rests the same
 * exercises in the same way as a rest after a safety check, and the other partner cannot tell the
 * two apart. Only the partner who chose it can end it.
 */
export function PaceChoice() {
  const t = useText();
  const own = useOwnRest();
  const time = useRestTime();
  const rest = own.rest;
  return (
    <section className="card pace" aria-labelledby="pace-title">
      <h2 id="pace-title">{t('safety:pace.title')}</h2>
      <p>{t('safety:pace.body')}</p>
      <p className="note">{t('safety:pace.others-see')}</p>
      {rest?.active && (
        <p className="notice" role="status">
          {t('safety:pace.on', { time: time(rest) })}
        </p>
      )}
      {rest && !rest.active && !rest.inEffect && (
        <p className="notice" role="status">
          {t('safety:pace.off', { time: time(rest) })}
        </p>
      )}
      <button type="button" onClick={() => own.set(!rest?.active)}>
        {t(rest?.active ? 'safety:pace.usual' : 'safety:pace.slower')}
      </button>
    </section>
  );
}
