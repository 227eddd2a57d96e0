import type { ExerciseState } from '@attune/react';
import { useAct, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { useCompletions } from '../use-completions.js';

/** Props of {@link Completion}. */
export interface CompletionProps {
  readonly state: ExerciseState;
  /** False while the exercise cannot be worked on (locked step, resting, paused). */
  readonly open: boolean;
}

/**
 * Records that the exercise was done: once for both when it is done side by side, otherwise for the
 * partner holding the phone; and shows who has done it so far.
 */
export function Completion({ state, open }: CompletionProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const { me, other } = usePartners();
  const completions = useCompletions(state.exercise.id);
  const together = state.exercise.mode === 'together';
  const mine = completions.byPartner[me.id] ?? 0;
  const theirs = completions.byPartner[other.id] ?? 0;
  return (
    <section className="card completion" aria-labelledby="completion-heading">
      <h2 id="completion-heading">{words.t('completion.title')}</h2>
      {together ? (
        <p data-testid="done-count">
          {completions.together > 0
            ? words.t('completion.together', { count: completions.together })
            : words.t('completion.not-together')}
        </p>
      ) : (
        <ul data-testid="done-count">
          <li>
            <bdi>{me.name}</bdi>:{' '}
            {mine > 0
              ? words.t('completion.times', { count: mine })
              : words.t('completion.not-yet')}
          </li>
          <li>
            <bdi>{other.name}</bdi>:{' '}
            {theirs > 0
              ? words.t('completion.times', { count: theirs })
              : words.t('completion.not-yet')}
          </li>
        </ul>
      )}
      <button
        type="button"
        className="primary"
        disabled={!open}
        onClick={() => act(() => state.complete(together ? { together: true } : {}))}
      >
        {together ? (
          words.t('completion.we-did-it')
        ) : (
          <>
            {t('action.done')} (<bdi>{me.name}</bdi>)
          </>
        )}
      </button>
    </section>
  );
}
