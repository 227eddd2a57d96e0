import type { Cadence, RitualExercise } from '@attune/core';
import { type ExerciseStateOf, useDue } from '@attune/react';
import { useFormatMessage, useLanguage } from '@attune/react/text';
import { useText } from '../app-context.js';
import { type AppText, useAppText } from '../app-text.js';
import { formatMoment } from '../format-time.js';

// 2023-01-01 was a Sunday: adding a weekday's number of days gives a date of that weekday.
const SUNDAY = Date.UTC(2023, 0, 1, 12);

/** A cadence in words: the app's own for how often, and weekday and time from `Intl`. */
function describeCadence(cadence: Cadence, locale: string, words: AppText): string {
  const every =
    cadence.interval > 1
      ? words.t(`ritual.every.${cadence.every}s`, { count: cadence.interval })
      : words.t(`ritual.every.${cadence.every}`);
  const day =
    cadence.weekday === undefined
      ? undefined
      : new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
          SUNDAY + cadence.weekday * 86_400_000,
        );
  return [every, day, cadence.time].filter((part) => part).join(words.t('ritual.separator'));
}

/** A ritual: how often, when it is next due for the partner holding the phone, and ideas. */
export function Ritual({ state }: { state: ExerciseStateOf<RitualExercise> }) {
  const t = useText();
  const format = useFormatMessage();
  const language = useLanguage();
  const words = useAppText();
  const due = useDue().filter((item) => item.exercise === state.exercise.id);
  return (
    <section className="card ritual" aria-labelledby="ritual-title">
      <h2 id="ritual-title">{words.t('ritual.when')}</h2>
      <p>{describeCadence(state.exercise.cadence, language, words)}</p>
      {due.length > 0 && (
        <ul className="due">
          {due.map((item) => (
            <li key={item.id} data-state={item.state}>
              {format({ key: item.messageKey, params: item.params })}:{' '}
              <time dateTime={new Date(item.at).toISOString()}>
                {item.state === 'due'
                  ? words.t('due-now')
                  : formatMoment(item.at, language, item.timeZone)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <h3>{words.t('ritual.ideas')}</h3>
      <ul className="ideas">
        {state.exercise.ideas.map((idea) => (
          <li key={idea}>{t(idea)}</li>
        ))}
      </ul>
    </section>
  );
}
