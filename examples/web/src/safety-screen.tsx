import { getExercise } from '@attune/core';
import { useProgram } from '@attune/react';
import { useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { SafetyCheckForm } from './exercises/safety-check-form.js';
import { HowTo } from './how-to.js';
import { href } from './use-route.js';

/** The private safety check, reachable from every screen, whatever the couple's progress. */
export function SafetyScreen() {
  const t = useText();
  const words = useAppText();
  const program = useProgram();
  const found = getExercise(program, 'safety-check');
  const check = found?.exercise.kind === 'safety-check' ? found.exercise : undefined;
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
