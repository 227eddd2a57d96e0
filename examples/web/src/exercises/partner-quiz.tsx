import type { PartnerQuizExercise } from '@attune/core';
import { type ExerciseStateOf, useAttuneContext } from '@attune/react';
import { type FormEvent, useId } from 'react';
import { useAct, usePartners, useText } from '../app-context.js';
import { useAppText } from '../app-text.js';
import { type QuizAnswer, QuizComparison } from './quiz-comparison.js';
import { RevealChoice } from './reveal-choice.js';
import { useEntries } from './use-entries.js';

/** Props of {@link PartnerQuiz}. */
export interface PartnerQuizProps {
  readonly state: ExerciseStateOf<PartnerQuizExercise>;
  readonly open: boolean;
}

/**
 * Each partner answers about themselves and guesses the other's answer. Answers are sealed until
 * both have answered the question; then both see the comparison.
 */
export function PartnerQuiz({ state, open }: PartnerQuizProps) {
  const t = useText();
  const words = useAppText();
  const act = useAct();
  const id = useId();
  const { engine } = useAttuneContext();
  const { me, other } = usePartners();
  const entries = useEntries(state.exercise.id, 'quiz-answered');
  const questionOf = (entry: (typeof entries)[number]) =>
    entry.sealed ? entry.prompt : (entry.data as QuizAnswer | undefined)?.question;

  const submit = (question: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const self = form.get('self');
    const guess = form.get('guess');
    if (typeof self !== 'string' || typeof guess !== 'string') return;
    const first = !entries.some((entry) => entry.partner === me.id);
    act(() => {
      if (first) state.start();
      engine.answerQuiz(me.id, state.exercise.id, question, self, guess);
    });
  };

  return (
    <section className="card quiz" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{words.t('questions.title')}</h2>
      {state.exercise.questions.map((question) => {
        const mine = entries.find(
          (entry) => entry.partner === me.id && questionOf(entry) === question.id,
        );
        const theirs = entries.find(
          (entry) => entry.partner === other.id && questionOf(entry) === question.id,
        );
        return (
          <div key={question.id} className="question" data-question={question.id}>
            <h3>{t(question.key)}</h3>
            {!mine ? (
              <form onSubmit={submit(question.id)}>
                <fieldset disabled={!open}>
                  <legend>{words.named('quiz.self', { name: me.name })}</legend>
                  {question.options.map((option) => (
                    <label key={option.id} className="choice">
                      <input type="radio" name="self" value={option.id} required />
                      {t(option.key)}
                    </label>
                  ))}
                </fieldset>
                <fieldset disabled={!open}>
                  <legend>{words.named('quiz.guess', { name: other.name })}</legend>
                  {question.options.map((option) => (
                    <label key={option.id} className="choice">
                      <input type="radio" name="guess" value={option.id} required />
                      {t(option.key)}
                    </label>
                  ))}
                </fieldset>
                <button type="submit" disabled={!open}>
                  {words.t('quiz.seal')}
                </button>
              </form>
            ) : theirs?.data ? (
              <QuizComparison
                question={question}
                mine={mine.data as QuizAnswer}
                theirs={theirs.data as QuizAnswer}
              />
            ) : (
              <p className="answer">
                {words.t('quiz.sealed')}
                {!theirs && <> {words.named('questions.not-answered', { name: other.name })}</>}
              </p>
            )}
            {!mine && theirs?.sealed && (
              <p className="answer theirs">
                {t('visibility.sealed-waiting', { partner: other.name })}
              </p>
            )}
          </div>
        );
      })}
      <RevealChoice
        exercise={state.exercise.id}
        promptText={(prompt) => {
          const found = state.exercise.questions.find((candidate) => candidate.id === prompt);
          return found ? t(found.key) : prompt;
        }}
      />
    </section>
  );
}
