import type {
  AnswerRecordedEvent,
  AttuneEventType,
  CheckInRecordedEvent,
  QuizAnsweredEvent,
  ToggleData,
  UnknownEvent,
} from '../events/types.js';
import { shown } from '../log/event-error.js';
import type { Exercise } from '../program/types.js';
import type { EngineContext } from './engine-context.js';
import { malformed, notAllowed, objectOf, own, usableExercise } from './guards.js';
import { recordRest, recordSafetyCheck } from './safety-rest.js';
import { checkReveal, nextCheckInRound, recordSealed, sealedEntryOf } from './sealing.js';
import type { Engine, TogetherOptions } from './types.js';

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
  | 'setRest'
  | 'pause'
  | 'resume'
  | 'leave'
  | 'recordPluginEvent'
>;

type Kind<K extends Exercise['kind']> = Extract<Exercise, { kind: K }>;

/** `{ together }` from the options of starting or completing, refusing options that are not. */
function togetherOf(options: TogetherOptions | undefined): boolean {
  if (options === undefined) return false;
  // Whether it is a boolean, the event check says, naming `data.together`.
  return (own(objectOf(options, 'options', ['together']), 'together') ?? false) as boolean;
}

/** Refuses an id that is not one of those the exercise offers. */
function oneOf(value: unknown, offered: readonly string[], field: string, what: string): string {
  if (typeof value !== 'string' || !offered.includes(value)) {
    malformed(
      field,
      `${what} "${shown(value)}" is not one the exercise offers`,
      `Use: ${offered.join(', ')}.`,
    );
  }
  return value;
}

/**
 * The typed recorders over one engine's context. Each checks what the program allows now (see
 * `usableExercise`) and what the partner passed — objects where objects belong, with only the keys
 * the exercise knows — then records one event; a refusal leaves the log unchanged.
 */
export function createCommands(context: EngineContext): EngineCommands {
  const { log, record, runtime } = context;
  const usable = <K extends Exercise['kind']>(partner: string, id: string, kind: K) =>
    usableExercise(context, partner, id, kind) as Kind<K>;

  // A pause or resume names the latest one here, so it takes effect after it on every device even
  // when that one was stamped by a clock far ahead (see `Facts.pauses`).
  const toggleData = (): ToggleData => {
    const latest = context.facts.pauses[context.facts.pauses.length - 1];
    return latest ? { follows: latest.id } : {};
  };

  return {
    startExercise(partner, exercise, options) {
      usableExercise(context, partner, exercise);
      const together = togetherOf(options);
      return record(partner, 'exercise-started', { exercise, together }, 'shared');
    },
    completeExercise(partner, exercise, options) {
      const found = usableExercise(context, partner, exercise);
      const together = togetherOf(options);
      if (together && found.mode === 'solo') {
        notAllowed('data.together', `"${exercise}" is done alone`, 'Record it without `together`.');
      }
      return record(partner, 'exercise-completed', { exercise, together }, 'shared');
    },
    answer(partner, exercise, prompt, text, visibility) {
      const found = usableExercise(context, partner, exercise);
      const chosen = visibility ?? found.visibility;
      if (chosen === 'sealed') {
        return recordSealed<AnswerRecordedEvent>(
          context,
          partner,
          'answer-recorded',
          { exercise, prompt, text },
          { exercise, prompt },
        );
      }
      return record(partner, 'answer-recorded', { exercise, prompt, text }, chosen);
    },
    shareEntry(partner, entry) {
      context.knownPartner(partner);
      if (typeof entry !== 'string') {
        malformed('data.entry', 'The entry should be given by its id', 'Pass the id of the entry.');
      }
      const target = log.get(entry);
      if (!target || target.partner !== partner || target.type === 'safety-check-taken') {
        notAllowed(
          'data.entry',
          'Only an entry of your own can be shared',
          'Pass the id of an entry you wrote.',
        );
      }
      // Sharing a sealed answer reveals it, which waits for the other partner's answer.
      const sealed = sealedEntryOf(context, partner, entry);
      if (sealed) checkReveal(context, sealed);
      return record(partner, 'entry-shared', { entry }, 'shared');
    },
    recordCheckIn(partner, exercise, scores) {
      const found = usable(partner, exercise, 'check-in');
      const dimensions = found.dimensions.map((dimension) => dimension.id);
      const given = objectOf(scores, 'data.scores');
      if (Object.keys(given).length === 0) {
        malformed(
          'data.scores',
          'A check-in scores at least one dimension',
          `Score one of: ${dimensions.join(', ')}.`,
        );
      }
      for (const [dimension, score] of Object.entries(given)) {
        if (!dimensions.includes(dimension)) {
          malformed(
            `data.scores.${dimension}`,
            `"${exercise}" has no dimension "${dimension}"`,
            `Use: ${dimensions.join(', ')}.`,
          );
        }
        if (
          typeof score !== 'number' ||
          !Number.isFinite(score) ||
          score < found.scale.min ||
          score > found.scale.max
        ) {
          malformed(
            `data.scores.${dimension}`,
            `The score ${shown(score)} is outside the scale ${found.scale.min}–${found.scale.max}`,
            'Pass a number within the scale.',
          );
        }
      }
      const data = { exercise, scores: { ...scores } };
      if (found.visibility === 'sealed') {
        const round = nextCheckInRound(context, partner, exercise);
        return recordSealed<CheckInRecordedEvent>(context, partner, 'check-in-recorded', data, {
          exercise,
          prompt: round,
        });
      }
      return record(partner, 'check-in-recorded', data, found.visibility);
    },
    answerQuiz(partner, exercise, question, self, guess) {
      const found = usable(partner, exercise, 'partner-quiz');
      const asked = found.questions.find((candidate) => candidate.id === question);
      if (!asked) {
        oneOf(
          question,
          found.questions.map((candidate) => candidate.id),
          'data.question',
          'The question',
        );
      } else {
        const options = asked.options.map((option) => option.id);
        oneOf(self, options, 'data.self', 'The answer');
        oneOf(guess, options, 'data.guess', 'The guess');
      }
      return recordSealed<QuizAnsweredEvent>(
        context,
        partner,
        'quiz-answered',
        { exercise, question, self, guess },
        { exercise, prompt: question },
      );
    },
    sendAppreciation(partner, exercise, text, starter) {
      const found = usable(partner, exercise, 'appreciation');
      if (starter !== undefined) oneOf(starter, found.starters, 'data.starter', 'The starter');
      return record(
        partner,
        'appreciation-sent',
        { exercise, text, ...(starter === undefined ? {} : { starter }) },
        'shared',
      );
    },
    proposeAgreement(partner, exercise, fields) {
      const found = usable(partner, exercise, 'agreement');
      const given = objectOf(
        fields,
        'data.fields',
        found.fields.map((field) => field.id),
      );
      if (Object.keys(given).length === 0) {
        malformed('data.fields', 'A proposal fills at least one field', 'Fill in a field.');
      }
      for (const field of found.fields) {
        const value = own(given, field.id);
        if (value === undefined) continue;
        // The event check refuses what is not text inside a list.
        if (field.input === 'list' ? !Array.isArray(value) : typeof value !== 'string') {
          malformed(
            `data.fields.${field.id}`,
            `The field "${field.id}" takes ${field.input === 'list' ? 'a list of lines' : 'text'}`,
            field.input === 'list' ? 'Pass an array of strings.' : 'Pass a string.',
          );
        }
      }
      return record(partner, 'agreement-proposed', { exercise, fields }, 'shared');
    },
    confirmAgreement(partner, exercise, proposal) {
      usable(partner, exercise, 'agreement');
      if (typeof proposal !== 'string') {
        malformed(
          'data.proposal',
          'The proposal should be given by its id',
          'Pass the id of an agreement-proposed event.',
        );
      }
      const target = log.get(proposal);
      if (
        target?.type !== 'agreement-proposed' ||
        (target.data as { exercise?: unknown }).exercise !== exercise
      ) {
        notAllowed(
          'data.proposal',
          `"${proposal}" is not a proposal for "${exercise}"`,
          'Pass the id of an agreement-proposed event of this exercise.',
        );
      }
      return record(partner, 'agreement-confirmed', { exercise, proposal }, 'shared');
    },
    takeSafetyCheck(partner, exercise, answers) {
      return recordSafetyCheck(
        context,
        partner,
        usable(partner, exercise, 'safety-check'),
        answers,
      );
    },
    setRest: (partner, active) => recordRest(context, partner, active),
    pause: (partner) => record(partner, 'program-paused', toggleData(), 'shared'),
    resume: (partner) => record(partner, 'program-resumed', toggleData(), 'shared'),
    leave: (partner) => record(partner, 'partner-left', {}, 'shared'),
    recordPluginEvent(partner, type, data, visibility = 'shared') {
      if (!runtime?.eventTypes.has(type)) {
        notAllowed(
          'type',
          `No plugin of this engine declares the event type "${shown(type)}"`,
          "Declare it in the plugin's eventTypes, or record built-in events through their methods.",
        );
      }
      return record(partner, type as AttuneEventType, data as never, visibility) as UnknownEvent;
    },
  };
}
