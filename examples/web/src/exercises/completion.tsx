import type { ExerciseState } from '@attune/react';
import { useAct, usePartners, useText } from '../app-context.js';
import { ChromeText } from '../chrome-text.js';
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
  const act = useAct();
  const { me, other } = usePartners();
  const completions = useCompletions(state.exercise.id);
  const together = state.exercise.mode === 'together';
  const mine = completions.byPartner[me.id] ?? 0;
  const theirs = completions.byPartner[other.id] ?? 0;
  return (
    <section className="card completion" aria-labelledby="completion-heading">
      <h2 id="completion-heading">When you are done</h2>
      {together ? (
        <p data-testid="done-count">
          <ChromeText>
            {completions.together > 0
              ? `Done together ${completions.together} ${completions.together === 1 ? 'time' : 'times'}.`
              : 'Not done together yet.'}
          </ChromeText>
        </p>
      ) : (
        <ul data-testid="done-count">
          <li>
            {me.name}: {mine > 0 ? `done ${mine}×` : 'not yet'}
          </li>
          <li>
            {other.name}: {theirs > 0 ? `done ${theirs}×` : 'not yet'}
          </li>
        </ul>
      )}
      <button
        type="button"
        className="primary"
        disabled={!open}
        onClick={() => act(() => state.complete(together ? { together: true } : {}))}
      >
        {together ? 'We did this together' : `${t('action.done')} (${me.name})`}
      </button>
    </section>
  );
}
