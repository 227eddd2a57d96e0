import type { ConversationExercise } from '@attune/core';
import type { ExerciseStateOf } from '@attune/react';
import { type FormEvent, useId } from 'react';
import { useAct, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { Depth } from './depth.js';
import { RevealChoice } from './reveal-choice.js';
import { useEntries } from './use-entries.js';

interface Answer {
  readonly prompt: string;
  readonly text: string;
}

/** Props of {@link SealedDeck}. */
export interface SealedDeckProps {
  readonly state: ExerciseStateOf<ConversationExercise>;
  readonly open: boolean;
}

/**
 * Questions both partners answer on their own. An answer stays sealed until the other partner has
 * answered the same question and its author's phone revealed it (at once, or when they choose);
 * until then they see only that it exists.
 */
export function SealedDeck({ state, open }: SealedDeckProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const id = useId();
  const { me, other } = usePartners();
  const entries = useEntries(state.exercise.id, 'answer-recorded');
  const promptOf = (entry: (typeof entries)[number]) =>
    entry.sealed ? entry.prompt : (entry.data as Answer | undefined)?.prompt;

  const seal = (prompt: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
    if (!text) return;
    const first = !entries.some((entry) => entry.partner === me.id);
    act(() => {
      if (first) state.start();
      state.answer(prompt, text);
    });
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{words.t('questions.title')}</h2>
      <ol className="sealed-deck">
        {state.exercise.prompts.map((prompt, index) => {
          const mine = entries.find(
            (entry) => entry.partner === me.id && promptOf(entry) === prompt.id,
          );
          const theirs = entries.find(
            (entry) => entry.partner === other.id && promptOf(entry) === prompt.id,
          );
          return (
            <li key={prompt.id} data-prompt={prompt.id}>
              <Depth depth={prompt.depth} />
              {mine ? (
                <>
                  <p className="question">{t(prompt.key)}</p>
                  <p className="answer own">
                    <span className="meta">
                      <bdi>{me.name}</bdi>:{' '}
                    </span>
                    {(mine.data as Answer).text}
                  </p>
                </>
              ) : (
                <form onSubmit={seal(prompt.id)}>
                  <label htmlFor={`${id}-${index}`}>{t(prompt.key)}</label>
                  <textarea id={`${id}-${index}`} name="text" rows={3} disabled={!open} />
                  <button type="submit" disabled={!open}>
                    {words.t('questions.seal-answer')}
                  </button>
                </form>
              )}
              <p className="answer theirs" data-testid="their-answer">
                {!theirs ? (
                  words.named('questions.not-answered', { name: other.name })
                ) : theirs.sealed ? (
                  t('visibility.sealed-waiting', { partner: other.name })
                ) : (
                  <>
                    <span className="meta">
                      <bdi>{other.name}</bdi>:{' '}
                    </span>
                    {(theirs.data as Answer).text}
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ol>
      <RevealChoice
        exercise={state.exercise.id}
        promptText={(prompt) => {
          const found = state.exercise.prompts.find((candidate) => candidate.id === prompt);
          return found ? t(found.key) : prompt;
        }}
      />
    </section>
  );
}
