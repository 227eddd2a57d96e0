import type { SafetyCheckExercise } from '@attune/core';
import { useSafety } from '@attune/react';
import { type FormEvent, useId, useState } from 'react';
import { useAct, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { href } from '../use-route.js';

/**
 * The private safety check. Its answers and its result are only ever shown to the partner who took
 * it, right after taking it; passing the phone clears them from the screen.
 */
export function SafetyCheckForm({ exercise }: { exercise: SafetyCheckExercise }) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const id = useId();
  const safety = useSafety();
  const [taken, setTaken] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const answers: Record<string, boolean> = {};
    for (const question of exercise.questions) {
      const value = form.get(question.id);
      if (value === 'yes' || value === 'no') answers[question.id] = value === 'yes';
    }
    if (act(() => safety.takeCheck(exercise.id, answers))) setTaken(true);
  };

  if (taken) {
    const result = safety.ownSafetyConcern ? 'risk' : 'clear';
    return (
      <section className="card result" aria-labelledby={`${id}-result`} data-result={result}>
        <h2 id={`${id}-result`}>{t(`safety:result.${result}.title`)}</h2>
        <p>{t(`safety:result.${result}.body`)}</p>
        {result === 'risk' && (
          <>
            <p>{t('safety:result.risk.resting')}</p>
            <p>{t('safety:result.risk.help')}</p>
          </>
        )}
        <p>
          <a className="button primary" href={href({ screen: 'help' })}>
            {t('safety:help.title')}
          </a>
        </p>
        <button type="button" onClick={() => setTaken(false)}>
          {words.t('safety.again')}
        </button>
      </section>
    );
  }

  return (
    <form className="card safety-check" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(exercise.titleKey)}</h2>
      <p className="private">{t('safety:check.intro')}</p>
      {exercise.questions.map((question) => (
        <fieldset key={question.id} className="yes-no">
          <legend>{t(question.key)}</legend>
          <label className="choice">
            <input type="radio" name={question.id} value="yes" />
            {t('safety:check.answer-yes')}
          </label>
          <label className="choice">
            <input type="radio" name={question.id} value="no" />
            {t('safety:check.answer-no')}
          </label>
          <label className="choice">
            <input type="radio" name={question.id} value="skip" />
            {t('safety:check.skip')}
          </label>
        </fieldset>
      ))}
      <button type="submit" className="primary">
        {t('action.done')}
      </button>
    </form>
  );
}
