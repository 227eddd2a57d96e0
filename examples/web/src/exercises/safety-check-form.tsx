import { AttuneEventError, type SafetyCheckExercise } from '@attune/core';
import { useSafety } from '@attune/react';
import { type FormEvent, useId, useState } from 'react';
import { useApp, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { href } from '../use-route.js';

/** Whether the engine refused the answers as a whole, or one of them: a check left unfinished. */
function refusesAnswers(error: unknown): boolean {
  return (
    AttuneEventError.isInstance(error) &&
    (error.field === 'data.answers' || error.field.startsWith('data.answers.'))
  );
}

/**
 * The private safety check. Its answers and its result are only ever shown to the partner who took
 * it, right after taking it; passing the phone clears them from the screen.
 *
 * Every question needs a yes or a no before the check is recorded, since only a check that answers
 * them all can say all is clear; the form says which still lack one, in the partner's language,
 * and that they can stop and come back instead. An answer that already signals risk is the
 * exception, as it is for the engine: a partner in danger may not finish, and still gets the help
 * that answer calls for.
 */
export function SafetyCheckForm({ exercise }: { exercise: SafetyCheckExercise }) {
  const t = useText();
  const words = useAppText();
  const { report } = useApp();
  const id = useId();
  const safety = useSafety();
  const [taken, setTaken] = useState(false);
  const [answers, setAnswers] = useState<Readonly<Record<string, boolean>>>({});
  // Whether the partner tried to finish (so questions still open are marked), whether the engine
  // refused the answers, and how many tries there were, so each try's message is said again.
  const [shown, setShown] = useState<{ readonly tries: number; readonly refused: boolean }>();

  const answered = (question: string) => Object.hasOwn(answers, question);
  const risk = exercise.questions.some(
    (question) => answered(question.id) && answers[question.id] === question.riskWhen,
  );
  const missing = risk ? [] : exercise.questions.filter((question) => !answered(question.id));
  const flagged = shown && missing.length > 0;
  const questionId = (question: string) => `${id}-${question}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const first = missing[0];
    if (first) {
      setShown({ tries: (shown?.tries ?? 0) + 1, refused: false });
      document.getElementById(`${questionId(first.id)}-yes`)?.focus();
      return;
    }
    try {
      safety.takeCheck(exercise.id, answers);
    } catch (error) {
      // A check the engine finds unfinished is said here, in the partner's language, rather than
      // as the engine's English; anything else is reported as every refusal is.
      const refused = refusesAnswers(error);
      report(refused ? undefined : error);
      if (refused) setShown({ tries: (shown?.tries ?? 0) + 1, refused: true });
      return;
    }
    report(undefined);
    setAnswers({});
    setShown(undefined);
    setTaken(true);
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

  const problem = shown?.refused ? 'safety.refused' : flagged ? 'safety.unanswered' : undefined;
  return (
    <form
      className="card safety-check"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <h2 id={`${id}-title`}>{t(exercise.titleKey)}</h2>
      <p className="private">{t('safety:check.intro')}</p>
      <p className="note" id={`${id}-every`}>
        {words.t('safety.every-question')}
      </p>
      {exercise.questions.map((question) => {
        const name = questionId(question.id);
        const unanswered = flagged && missing.includes(question);
        const choose = (value: boolean) => {
          setAnswers({ ...answers, [question.id]: value });
          if (shown?.refused) setShown({ ...shown, refused: false });
        };
        return (
          <fieldset
            key={question.id}
            className="yes-no"
            aria-invalid={unanswered || undefined}
            aria-describedby={unanswered ? `${name}-needs` : undefined}
          >
            <legend>{t(question.key)}</legend>
            <label className="choice">
              <input
                type="radio"
                id={`${name}-yes`}
                name={name}
                value="yes"
                required={!risk}
                checked={answers[question.id] === true}
                onChange={() => choose(true)}
              />
              {t('safety:check.answer-yes')}
            </label>
            <label className="choice">
              <input
                type="radio"
                name={name}
                value="no"
                required={!risk}
                checked={answers[question.id] === false}
                onChange={() => choose(false)}
              />
              {t('safety:check.answer-no')}
            </label>
            {unanswered && (
              <p id={`${name}-needs`} className="error">
                {words.t('safety.needs-answer')}
              </p>
            )}
          </fieldset>
        );
      })}
      {problem && (
        <p key={shown?.tries} id={`${id}-problem`} role="alert" className="error">
          {words.t(problem)}
        </p>
      )}
      <button type="submit" className="primary" aria-describedby={`${id}-every`}>
        {t('action.done')}
      </button>
    </form>
  );
}
