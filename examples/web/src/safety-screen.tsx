import { getExercise, type PartnerView } from '@attune/core';
import { usePartnerView, useProgram } from '@attune/react';
import { useState } from 'react';
import { useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { SafetyCheckForm } from './exercises/safety-check-form.js';
import { HowTo } from './how-to.js';
import { RestOffer } from './pace-choice.js';
import { href } from './use-route.js';

/** The id of this partner's latest safety check, which only their own view holds. */
const latestCheck = (view: PartnerView): string | undefined =>
  view.entries.findLast(
    (entry) => entry.type === 'safety-check-taken' && entry.partner === view.partner,
  )?.id;

/**
 * The private safety check, reachable from every screen, whatever the couple's progress. After a
 * check taken here that signals risk, the partner chooses whether the deeper exercises rest: it is
 * offered, recommended, and never done for them.
 */
export function SafetyScreen() {
  const t = useText();
  const words = useAppText();
  const program = useProgram();
  const found = getExercise(program, 'safety-check');
  const check = found?.exercise.kind === 'safety-check' ? found.exercise : undefined;
  // The check this partner had taken when the screen opened: only one taken since is answered here,
  // so an earlier result never shows again on a later visit.
  const latest = usePartnerView(latestCheck);
  const [opened] = useState(latest);
  return (
    <section aria-labelledby="safety-title">
      <h1 id="safety-title">{t('safe-space:safety-check.title')}</h1>
      {check && (
        <>
          <p className="lead">{t(check.whyKey)}</p>
          <section className="card how-to" aria-labelledby="how-title">
            <h2 id="how-title">{words.t('what-to-do')}</h2>
            <HowTo text={t(check.howKey)} />
          </section>
          <details className="if-hard">
            <summary>{words.t('if-hard')}</summary>
            <p>{t(check.ifHardKey)}</p>
          </details>
          <SafetyCheckForm exercise={check} />
          {latest !== opened && <RestOffer />}
        </>
      )}
      <p className="note">{t('safety:device.warning')}</p>
      <ul className="links">
        <li>
          <a href={href({ screen: 'pause' })}>{t('safety:pause.title')}</a>
        </li>
        <li>
          <a href={href({ screen: 'leave' })}>{t('safety:leave.title')}</a>
        </li>
        <li>
          <a href={href({ screen: 'help' })}>{t('safety:help.title')}</a>
        </li>
      </ul>
    </section>
  );
}
