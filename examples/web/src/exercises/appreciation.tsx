import type { AppreciationExercise } from '@attune/core';
import { type ExerciseStateOf, useAttuneContext } from '@attune/react';
import { type FormEvent, useId } from 'react';
import { useAct, useApp, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { useEntries } from './use-entries.js';

interface Note {
  readonly text: string;
  readonly starter?: string;
}

/** Props of {@link Appreciation}. */
export interface AppreciationProps {
  readonly state: ExerciseStateOf<AppreciationExercise>;
  readonly open: boolean;
}

/**
 * Notes to the partner: pick a starter or write freely, and send. Each note sent counts as doing the
 * exercise once, since "three notes" is how the step counts it.
 */
export function Appreciation({ state, open }: AppreciationProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const id = useId();
  const { engine } = useAttuneContext();
  const { names } = useApp();
  const { me, other } = usePartners();
  const notes = useEntries(state.exercise.id, 'appreciation-sent');

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get('text') ?? '').trim();
    const starter = String(data.get('starter') ?? '');
    if (!text) return;
    const sent = act(() => {
      engine.sendAppreciation(me.id, state.exercise.id, text, starter || undefined);
      return state.complete();
    });
    if (sent) form.reset();
  };

  return (
    <>
      <form className="card" onSubmit={send} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{words.named('appreciation.title', { name: other.name })}</h2>
        <fieldset disabled={!open}>
          <legend>{words.t('appreciation.start-with')}</legend>
          <label className="choice">
            <input type="radio" name="starter" value="" defaultChecked />
            {words.t('appreciation.own-words')}
          </label>
          {state.exercise.starters.map((starter) => (
            <label key={starter} className="choice">
              <input type="radio" name="starter" value={starter} />
              {t(starter)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-text`}>{words.t('appreciation.note')}</label>
        <textarea id={`${id}-text`} name="text" rows={3} disabled={!open} required />
        <button type="submit" className="primary" disabled={!open}>
          {words.named('appreciation.send', { name: other.name })}
        </button>
      </form>
      <section className="card" aria-labelledby={`${id}-notes`}>
        <h2 id={`${id}-notes`}>{words.t('appreciation.notes')}</h2>
        {notes.length === 0 ? (
          <p>{words.t('appreciation.no-notes')}</p>
        ) : (
          <ul className="notes">
            {[...notes].reverse().map((entry) => {
              const note = entry.data as Note;
              const from = entry.partner ?? '';
              return (
                <li
                  key={entry.id}
                  className={from === me.id ? 'note-item own' : 'note-item theirs'}
                >
                  <p className="meta">
                    {from === me.id
                      ? words.named('appreciation.to', { name: other.name })
                      : words.named('appreciation.from', { name: names[from] ?? from })}
                  </p>
                  <p>
                    {note.starter && `${t(note.starter)} `}
                    {note.text}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
