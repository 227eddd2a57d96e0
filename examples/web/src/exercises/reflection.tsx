import type { ReflectionExercise } from '@attune/core';
import { type ExerciseStateOf, useAttuneContext } from '@attune/react';
import { type FormEvent, useId } from 'react';
import { useAct, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { useEntries, useSharedIds } from './use-entries.js';

interface Answer {
  readonly prompt: string;
  readonly text: string;
}

/** Props of {@link Reflection}. */
export interface ReflectionProps {
  readonly state: ExerciseStateOf<ReflectionExercise>;
  readonly open: boolean;
}

/**
 * A private reflection: each prompt answered in writing by the partner holding the phone. Entries
 * stay private; where the exercise allows it, the author can share one. The other partner sees only
 * what was shared.
 */
export function Reflection({ state, open }: ReflectionProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const id = useId();
  const { engine } = useAttuneContext();
  const { me, other } = usePartners();
  const entries = useEntries(state.exercise.id, 'answer-recorded');
  const shared = useSharedIds();

  const save = (prompt: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('text') ?? '').trim();
    if (!text) return;
    const started = entries.some((entry) => entry.partner === me.id);
    act(() => {
      if (!started) state.start();
      state.answer(prompt, text);
    });
    form.reset();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{words.t('reflection.title')}</h2>
      {state.exercise.prompts.map((prompt, index) => {
        const own = entries.filter(
          (entry) => entry.partner === me.id && (entry.data as Answer).prompt === prompt,
        );
        const theirs = entries.filter(
          (entry) =>
            entry.partner === other.id && (entry.data as Answer | undefined)?.prompt === prompt,
        );
        return (
          <div key={prompt} className="prompt">
            <form onSubmit={save(prompt)}>
              <label htmlFor={`${id}-${index}`}>{t(prompt)}</label>
              <textarea id={`${id}-${index}`} name="text" rows={3} disabled={!open} />
              <button type="submit" disabled={!open}>
                {words.t('reflection.save')}
              </button>
            </form>
            {own.length > 0 && (
              <ul className="entries" aria-label={words.t('reflection.own', { name: me.name })}>
                {own.map((entry) => (
                  <li key={entry.id} className="entry own" data-entry={entry.id}>
                    <p>{(entry.data as Answer).text}</p>
                    {shared.has(entry.id) ? (
                      <p className="meta">
                        {words.named('reflection.shared-with', { name: other.name })}
                      </p>
                    ) : state.exercise.shareable ? (
                      <button
                        type="button"
                        onClick={() => act(() => engine.shareEntry(me.id, entry.id))}
                      >
                        {t('action.share')}
                      </button>
                    ) : (
                      <p className="meta">{t('visibility.private')}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {theirs.length > 0 && (
              <ul
                className="entries"
                aria-label={words.t('reflection.shared-by', { name: other.name })}
              >
                {theirs.map((entry) => (
                  <li key={entry.id} className="entry theirs">
                    <p className="meta">
                      <bdi>{other.name}</bdi>:
                    </p>
                    <p>{(entry.data as Answer).text}</p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
