import { getExercise } from '@attune/core';
import { useProgram, useSuggestion } from '@attune/react';
import { useFormatMessage } from '@attune/react/text';
import { useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { href } from './use-route.js';

/** What the engine suggests next for the partner holding the phone, and why. */
export function NextSuggestion() {
  const t = useText();
  const words = useAppText();
  const format = useFormatMessage();
  const program = useProgram();
  const suggestion = useSuggestion();
  const found = suggestion.exercise ? getExercise(program, suggestion.exercise) : undefined;
  return (
    <section className="card suggestion" aria-labelledby="next-title">
      <h2 id="next-title">{words.t('path.next')}</h2>
      <p>{format({ key: suggestion.reasonKey, params: suggestion.params })}</p>
      {found && (
        <p>
          <a className="button primary" href={href({ screen: 'exercise', id: found.exercise.id })}>
            {t(found.exercise.titleKey)}
          </a>
        </p>
      )}
    </section>
  );
}
