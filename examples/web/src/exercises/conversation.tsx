import type { ConversationExercise } from '@attune/core';
import { type ExerciseStateOf, useAttuneContext } from '@attune/react';
import { useState } from 'react';
import { useAct, useApp, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { Depth } from './depth.js';
import { useEntries } from './use-entries.js';

/**
 * A deck the couple talks through together, one card at a time, light to deep. Partners take turns
 * going first, so neither always has to open.
 */
export function Conversation({ state }: { state: ExerciseStateOf<ConversationExercise> }) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const { engine } = useAttuneContext();
  const { names } = useApp();
  const started = useEntries(state.exercise.id, 'exercise-started');
  const [index, setIndex] = useState(0);
  const prompts = state.exercise.prompts;
  const prompt = prompts[index];
  const done = index >= prompts.length;
  const [a, b] = engine.couple.partners;
  const first = index % 2 === 0 ? a : b;
  const second = first === a ? b : a;

  const move = (by: number) => {
    // The first turn of the card marks the deck as started, for both of them.
    if (started.length === 0 && state.status !== 'locked') {
      act(() => state.start({ together: true }));
    }
    setIndex((current) => Math.max(0, Math.min(prompts.length, current + by)));
  };

  return (
    <section className="card deck" aria-labelledby="deck-title">
      <h2 id="deck-title">
        {done
          ? words.t('deck.end')
          : words.t('deck.card', { number: index + 1, total: prompts.length })}
      </h2>
      {prompt && !done ? (
        <>
          <Depth depth={prompt.depth} />
          <blockquote className="prompt-card" aria-live="polite" data-prompt={prompt.id}>
            {t(prompt.key)}
          </blockquote>
          <p className="turn" data-testid="turn">
            {words.named('deck.turn', {
              first: names[first.id] ?? first.id,
              second: names[second.id] ?? second.id,
            })}
          </p>
        </>
      ) : (
        <p>{words.t('deck.last')}</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => move(-1)} disabled={index === 0}>
          {t('action.back')}
        </button>
        {!done && (
          <>
            <button type="button" onClick={() => move(1)}>
              {t('action.pass')}
            </button>
            <button type="button" className="primary" onClick={() => move(1)}>
              {t('action.next')}
            </button>
          </>
        )}
        {done && (
          <button type="button" onClick={() => setIndex(0)}>
            {words.t('deck.again')}
          </button>
        )}
      </div>
    </section>
  );
}
