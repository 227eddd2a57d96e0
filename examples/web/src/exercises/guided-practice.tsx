import type { GuidedPracticeExercise } from '@attune/core';
import type { ExerciseStateOf } from '@attune/react';
import { usePracticeTimer } from '@attune/react/practice';
import { useAct, useApp, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { useEntries } from './use-entries.js';

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Props of {@link GuidedPractice}. */
export interface GuidedPracticeProps {
  readonly state: ExerciseStateOf<GuidedPracticeExercise>;
  readonly open: boolean;
}

/**
 * A timed practice: the phase, each partner's role and cue, and the time left. Roles swap between
 * rounds, so each partner has a turn in each role.
 */
export function GuidedPractice({ state, open }: GuidedPracticeProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const { names } = useApp();
  const { me } = usePartners();
  const timer = usePracticeTimer(state.exercise.id);
  const started = useEntries(state.exercise.id, 'exercise-started');
  if (!timer) return null;
  const { exercise, phase, round, roles } = timer;
  const phaseIndex = exercise.phases.indexOf(phase);

  const start = () => {
    if (started.length === 0) act(() => state.start({ together: true }));
    timer.start();
  };

  return (
    <section className="card practice" aria-labelledby="practice-title" data-state={timer.state}>
      <h2 id="practice-title">
        {t('practice.round', { round: round + 1, rounds: exercise.rounds })}
      </h2>
      {round > 0 && phaseIndex === 0 && timer.state !== 'idle' && (
        <p className="swap" role="status">
          {t('practice.swap')}
        </p>
      )}
      <ul className="roles">
        {Object.entries(roles).map(([partner, role]) => (
          <li key={partner} className={partner === me.id ? 'mine' : undefined}>
            <strong>
              <bdi>{names[partner] ?? partner}</bdi>
            </strong>
            : {t(role.labelKey)}
          </li>
        ))}
      </ul>
      <ol className="phases">
        {exercise.phases.map((each, index) => (
          <li key={each.id} aria-current={index === phaseIndex ? 'step' : undefined}>
            {t(each.key)}
          </li>
        ))}
      </ol>
      <div className="cues">
        {exercise.roles.map((role) => {
          const cue = phase.cues?.[role.id];
          return (
            cue && (
              <p key={role.id} className={timer.role.id === role.id ? 'cue mine' : 'cue'}>
                <strong>{t(role.labelKey)}:</strong> {t(cue)}
              </p>
            )
          );
        })}
      </div>
      <p className="time" role="timer" data-testid="time-left">
        {t('practice.time-left', { time: clock(timer.secondsLeft) })}
      </p>
      <progress
        max={phase.seconds}
        value={phase.seconds - timer.secondsLeft}
        aria-label={words.t('practice.phase-time')}
      />
      <div className="actions">
        {timer.state === 'idle' && (
          <button type="button" className="primary" onClick={start} disabled={!open}>
            {t('action.start')}
          </button>
        )}
        {timer.state === 'running' && (
          <button type="button" onClick={timer.pause}>
            {t('action.pause')}
          </button>
        )}
        {timer.state === 'paused' && (
          <button type="button" className="primary" onClick={timer.resume}>
            {t('action.resume')}
          </button>
        )}
        {timer.state !== 'idle' && (
          <button type="button" onClick={timer.reset}>
            {t('action.stop')}
          </button>
        )}
      </div>
    </section>
  );
}
