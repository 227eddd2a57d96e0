import { useAttuneContext, usePartnerView } from '@attune/react';
import { useId } from 'react';
import { useAct, useApp, usePartners } from '../app-context.js';
import { useAppText } from '../app-text.js';

/** Props of {@link RevealChoice}. */
export interface RevealChoiceProps {
  /** The exercise whose sealed answers this choice shows. */
  readonly exercise: string;
  /** The words of one prompt of the exercise, by its id. */
  readonly promptText: (prompt: string) => string;
}

/**
 * Whether the partner holding the phone opens their sealed answers at once when both answered (the
 * default) or chooses, and, when they choose, the answers of this exercise that wait for them: reveal
 * one, all, or none for now.
 */
export function RevealChoice({ exercise, promptText }: RevealChoiceProps) {
  const { engine } = useAttuneContext();
  const { revealMode, setRevealMode } = useApp();
  const words = useAppText();
  const act = useAct();
  const id = useId();
  const { me, other } = usePartners();
  const waiting = usePartnerView((view) => view.toReveal).filter(
    (answer) => answer.exercise === exercise,
  );
  const choosing = revealMode(me.id) === 'by-choice';

  const choose = (chosen: boolean) => {
    setRevealMode(me.id, chosen ? 'by-choice' : 'when-both-answered');
    // Back to opening at once: what waited opens now, as it would have.
    if (!chosen && engine.viewFor(me.id).toReveal.length > 0) {
      act(() => engine.revealAnswers(me.id));
    }
  };

  return (
    <div className="reveal-choice" data-testid="reveal-choice">
      <label className="choice">
        <input
          type="checkbox"
          checked={choosing}
          aria-describedby={`${id}-hint`}
          onChange={(event) => choose(event.currentTarget.checked)}
        />
        {words.t('reveal.choose')}
      </label>
      <p id={`${id}-hint`} className="hint">
        {words.named('reveal.hint', { name: other.name })}
      </p>
      {choosing && waiting.length > 0 && (
        <section aria-labelledby={`${id}-waiting`}>
          <p id={`${id}-waiting`}>{words.named('reveal.waiting', { name: other.name })}</p>
          <ul>
            {waiting.map((answer) => (
              <li key={answer.entry} data-prompt={answer.prompt}>
                {promptText(answer.prompt)}{' '}
                <button
                  type="button"
                  onClick={() => act(() => engine.revealAnswers(me.id, [answer.entry]))}
                >
                  {words.t('reveal.one')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => act(() => engine.revealAnswers(me.id))}>
            {words.t('reveal.all')}
          </button>
        </section>
      )}
    </div>
  );
}
