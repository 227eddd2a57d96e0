import type { Cadence, RitualExercise } from '@attune/core';
import { type ExerciseStateOf, useDue } from '@attune/react';
import { useFormatMessage, useLanguage } from '@attune/react/text';
import { useText } from '../app-context.js';
import { formatMoment } from '../format-time.js';

// 2023-01-01 was a Sunday: adding a weekday's number of days gives a date of that weekday.
const SUNDAY = Date.UTC(2023, 0, 1, 12);

/** A cadence in words: the program has none for it, so weekday and time come from `Intl`. */
function describeCadence(cadence: Cadence, locale: string): string {
  const every =
    cadence.interval > 1 ? `Every ${cadence.interval} ${cadence.every}s` : `Every ${cadence.every}`;
  const day =
    cadence.weekday === undefined
      ? ''
      : `, ${new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
          SUNDAY + cadence.weekday * 86_400_000,
        )}`;
  return `${every}${day}${cadence.time ? `, ${cadence.time}` : ''}`;
}

/** A ritual: how often, when it is next due for the partner holding the phone, and ideas. */
export function Ritual({ state }: { state: ExerciseStateOf<RitualExercise> }) {
  const t = useText();
  const format = useFormatMessage();
  const language = useLanguage();
  const due = useDue().filter((item) => item.exercise === state.exercise.id);
  return (
    <section className="card ritual" aria-labelledby="ritual-title">
      <h2 id="ritual-title">When</h2>
      <p>{describeCadence(state.exercise.cadence, language)}</p>
      {due.length > 0 && (
        <ul className="due">
          {due.map((item) => (
            <li key={item.id} data-state={item.state}>
              {format({ key: item.messageKey, params: item.params })}:{' '}
              <time dateTime={new Date(item.at).toISOString()}>
                {item.state === 'due' ? 'due now' : formatMoment(item.at, language, item.timeZone)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <h3>Ideas</h3>
      <ul className="ideas">
        {state.exercise.ideas.map((idea) => (
          <li key={idea}>{t(idea)}</li>
        ))}
      </ul>
    </section>
  );
}
