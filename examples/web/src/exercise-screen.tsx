import { useAttuneSelector, useExercise, useProgram } from '@attune/react';
import type { ReactNode } from 'react';
import { useText } from './app-context.js';
import { useAppText } from './app-text.js';
import { Agreement } from './exercises/agreement.js';
import { Appreciation } from './exercises/appreciation.js';
import { CheckIn } from './exercises/check-in.js';
import { Completion } from './exercises/completion.js';
import { Conversation } from './exercises/conversation.js';
import { GuidedPractice } from './exercises/guided-practice.js';
import { Learn } from './exercises/learn.js';
import { PartnerQuiz } from './exercises/partner-quiz.js';
import { Reflection } from './exercises/reflection.js';
import { Ritual } from './exercises/ritual.js';
import { SafetyCheckForm } from './exercises/safety-check-form.js';
import { SealedDeck } from './exercises/sealed-deck.js';
import { HowTo } from './how-to.js';
import { kindLabel } from './kind-label.js';
import { href } from './use-route.js';

/** One exercise: why, who and how long, what to do, if it gets hard, and the exercise itself. */
export function ExerciseScreen({ id }: { id: string }) {
  const t = useText();
  const words = useAppText();
  const state = useExercise(id);
  const program = useProgram();
  const paused = useAttuneSelector((snapshot) => snapshot.paused);
  if (!state) {
    return (
      <section>
        <h1>{words.t('not-found')}</h1>
        <p>
          {words.t('exercise.missing', { id })}{' '}
          <a href={href({ screen: 'path' })}>{words.t('back-to-path')}</a>
        </p>
      </section>
    );
  }
  const { exercise, step } = state;
  const held = paused && !program.alwaysOpen.includes(step.id);
  // A safety check can always be taken: it is how a partner asks for help, whatever the progress.
  const open =
    exercise.kind === 'safety-check' || (state.status !== 'locked' && !state.resting && !held);

  let body: ReactNode;
  // Completing is part of the body where the kind decides it: a check-in counts once scores are in,
  // an agreement once both confirm, a note each time one is sent; a safety check never shows.
  let completion = true;
  switch (state.kind) {
    case 'reflection':
      body = <Reflection state={state} open={open} />;
      break;
    case 'conversation':
      body =
        state.exercise.turns === 'both-answer' ? (
          <SealedDeck state={state} open={open} />
        ) : (
          <Conversation state={state} />
        );
      break;
    case 'guided-practice':
      body = <GuidedPractice state={state} open={open} />;
      break;
    case 'ritual':
      body = <Ritual state={state} />;
      break;
    case 'check-in':
      body = <CheckIn state={state} open={open} />;
      completion = false;
      break;
    case 'partner-quiz':
      body = <PartnerQuiz state={state} open={open} />;
      break;
    case 'appreciation':
      body = <Appreciation state={state} open={open} />;
      completion = false;
      break;
    case 'agreement':
      body = <Agreement state={state} open={open} />;
      completion = false;
      break;
    case 'learn':
      body = <Learn state={state} />;
      break;
    case 'safety-check':
      body = <SafetyCheckForm exercise={state.exercise} />;
      completion = false;
      break;
  }

  return (
    <article aria-labelledby="exercise-title" className="exercise" data-kind={exercise.kind}>
      <p className="crumbs">
        <a href={href({ screen: 'path' })}>{t('program.title')}</a> ›{' '}
        <a href={href({ screen: 'step', id: step.id })}>{t(step.titleKey)}</a>
      </p>
      <h1 id="exercise-title">{t(exercise.titleKey)}</h1>
      <p className="lead">{t(exercise.whyKey)}</p>
      <p className="meta">
        {kindLabel(words, exercise.kind)} · {t(`mode.${exercise.mode}`)} ·{' '}
        {t('minutes', { count: exercise.minutes })}
      </p>
      {exercise.kind !== 'safety-check' && (
        <p className={`visibility visibility-${exercise.visibility}`}>
          {t(`visibility.${exercise.visibility}`)}
        </p>
      )}
      {state.status === 'locked' && exercise.kind !== 'safety-check' && (
        <p className="notice">
          {t('status.locked')}.{' '}
          <a href={href({ screen: 'step', id: step.id })}>{words.t('why-locked')}</a>
        </p>
      )}
      {state.resting && <p className="notice">{t('safety:resting.neutral')}</p>}
      {held && <p className="notice">{t('safety:paused.banner')}</p>}
      <section className="card how-to" aria-labelledby="how-title">
        <h2 id="how-title">{words.t('what-to-do')}</h2>
        <HowTo text={t(exercise.howKey)} />
      </section>
      <details className="if-hard">
        <summary>{words.t('if-hard')}</summary>
        <p>{t(exercise.ifHardKey)}</p>
      </details>
      {body}
      {completion && <Completion state={state} open={open} />}
    </article>
  );
}
