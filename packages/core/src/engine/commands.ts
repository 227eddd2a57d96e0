import type { AttuneEventType, UnknownEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import type { Exercise } from '../program/types.js';
import type { EngineContext } from './engine-context.js';
import { notAllowed, usableExercise } from './guards.js';
import { recordSafetyCheck } from './safety-rest.js';
import type { Engine } from './types.js';

/** The engine's typed recorders: one per thing a partner does. */
export type EngineCommands = Pick<
  Engine,
  | 'startExercise'
  | 'completeExercise'
  | 'answer'
  | 'shareEntry'
  | 'recordCheckIn'
  | 'answerQuiz'
  | 'sendAppreciation'
  | 'proposeAgreement'
  | 'confirmAgreement'
  | 'takeSafetyCheck'
  | 'pause'
  | 'resume'
  | 'leave'
  | 'recordPluginEvent'
>;

/**
 * The typed recorders over one engine's context. Each checks what the program allows now (see
 * `usableExercise`) and what the partner passed, then records one event; a refusal leaves the log
 * unchanged.
 */
export function createCommands(context: EngineContext): EngineCommands {
  const { log, record, runtime } = context;
  const usable = (partner: string, id: string, kind?: Exercise['kind']) =>
    usableExercise(context, partner, id, kind);

  return {
    startExercise(partner, exercise, opts = {}) {
      usable(partner, exercise);
      return record(
        partner,
        'exercise-started',
        { exercise, together: opts.together ?? false },
        'shared',
      );
    },
    completeExercise(partner, exercise, opts = {}) {
      const found = usable(partner, exercise);
      if (opts.together && found.mode === 'solo') {
        notAllowed('data.together', `"${exercise}" is done alone`, 'Record it without `together`.');
      }
      return record(
        partner,
        'exercise-completed',
        { exercise, together: opts.together ?? false },
        'shared',
      );
    },
    answer(partner, exercise, prompt, text, visibility) {
      const found = usable(partner, exercise);
      return record(
        partner,
        'answer-recorded',
        { exercise, prompt, text },
        visibility ?? found.visibility,
      );
    },
    shareEntry(partner, entry) {
      context.knownPartner(partner);
      const target = log.get(entry);
      if (!target || target.partner !== partner || target.type === 'safety-check-taken') {
        notAllowed(
          'data.entry',
          'Only an entry of your own can be shared',
          'Pass the id of an entry you wrote.',
        );
      }
      return record(partner, 'entry-shared', { entry }, 'shared');
    },
    recordCheckIn(partner, exercise, scores) {
      const found = usable(partner, exercise, 'check-in') as Extract<
        Exercise,
        { kind: 'check-in' }
      >;
      for (const [dimension, score] of Object.entries(scores)) {
        if (!found.dimensions.some((candidate) => candidate.id === dimension)) {
          throw new AttuneEventError(
            'malformed',
            `data.scores.${dimension}`,
            `"${exercise}" has no dimension "${dimension}"`,
            `Use: ${found.dimensions.map((d) => d.id).join(', ')}.`,
          );
        }
        if (!Number.isFinite(score) || score < found.scale.min || score > found.scale.max) {
          throw new AttuneEventError(
            'malformed',
            `data.scores.${dimension}`,
            `The score ${score} is outside the scale ${found.scale.min}–${found.scale.max}`,
            'Pass a number within the scale.',
          );
        }
      }
      return record(
        partner,
        'check-in-recorded',
        { exercise, scores: { ...scores } },
        found.visibility,
      );
    },
    answerQuiz(partner, exercise, question, self, guess) {
      usable(partner, exercise, 'partner-quiz');
      return record(partner, 'quiz-answered', { exercise, question, self, guess }, 'sealed');
    },
    sendAppreciation(partner, exercise, text, starter) {
      usable(partner, exercise, 'appreciation');
      return record(
        partner,
        'appreciation-sent',
        { exercise, text, ...(starter === undefined ? {} : { starter }) },
        'shared',
      );
    },
    proposeAgreement(partner, exercise, fields) {
      usable(partner, exercise, 'agreement');
      return record(partner, 'agreement-proposed', { exercise, fields }, 'shared');
    },
    confirmAgreement(partner, exercise, proposal) {
      usable(partner, exercise, 'agreement');
      if (log.get(proposal)?.type !== 'agreement-proposed') {
        notAllowed(
          'data.proposal',
          `"${proposal}" is not a proposal`,
          'Pass the id of an agreement-proposed event.',
        );
      }
      return record(partner, 'agreement-confirmed', { exercise, proposal }, 'shared');
    },
    takeSafetyCheck(partner, exercise, answers) {
      usable(partner, exercise, 'safety-check');
      return recordSafetyCheck(context, partner, exercise, answers);
    },
    pause: (partner) => record(partner, 'program-paused', {}, 'shared'),
    resume: (partner) => record(partner, 'program-resumed', {}, 'shared'),
    leave: (partner) => record(partner, 'partner-left', {}, 'shared'),
    recordPluginEvent(partner, type, data, visibility = 'shared') {
      if (!runtime?.eventTypes.has(type)) {
        notAllowed(
          'type',
          `No plugin of this engine declares the event type "${type}"`,
          "Declare it in the plugin's eventTypes, or record built-in events through their methods.",
        );
      }
      return record(partner, type as AttuneEventType, data as never, visibility) as UnknownEvent;
    },
  };
}
