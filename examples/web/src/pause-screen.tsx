import { useSafety } from '@attune/react';
import { useAct, useText } from './app-context.js';
import { PaceChoice } from './pace-choice.js';

/**
 * Pausing the program for both partners, and resuming it; and a slower pace, which rests the deeper
 * exercises. Either partner can do each, at any time.
 */
export function PauseScreen() {
  const t = useText();
  const act = useAct();
  const safety = useSafety();
  return (
    <section aria-labelledby="pause-title">
      <h1 id="pause-title">{t('safety:pause.title')}</h1>
      <p className="lead">{t('safety:pause.body')}</p>
      {safety.paused ? (
        <>
          <p className="notice" role="status">
            {t('safety:paused.banner')}
          </p>
          <button type="button" className="primary" onClick={() => act(safety.resume)}>
            {t('safety:resume.confirm')}
          </button>
        </>
      ) : (
        <button type="button" className="primary" onClick={() => act(safety.pause)}>
          {t('safety:pause.confirm')}
        </button>
      )}
      <PaceChoice />
    </section>
  );
}
