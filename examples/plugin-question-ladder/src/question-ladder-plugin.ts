import { type AttunePlugin, definePlugin } from '@attune/core';
import en from '../locales/en/question-ladder.json' with { type: 'json' };
import es from '../locales/es/question-ladder.json' with { type: 'json' };
import { defaultLadder, type LadderParts, ladderStep } from './ladder-step.js';
import type { LadderSet } from './question-ladder-exercise.js';
import { questionLadderKind } from './question-ladder-kind.js';

/** Options of {@link questionLadder}; each one left out takes its default. */
export interface QuestionLadderOptions {
  /**
   * The step the ladder follows on the path and waits for: it opens once that step is completed
   * (default `open-communication`). Name one of the program's steps, or of a plugin listed before.
   */
  readonly after?: string;
  /** About how long climbing the whole ladder takes, in minutes (default 45). */
  readonly minutes?: number;
  /**
   * Three sets of questions, light to deep, in place of the shipped ones. Keys in the
   * `question-ladder` namespace must have English text in the plugin's files; keys of your own
   * namespace are yours to translate.
   */
  readonly sets?: readonly [LadderSet, LadderSet, LadderSet];
}

/**
 * Creates the question-ladder plugin: the `question-ladder` exercise kind, a step with one ladder,
 * and its words in English and Spanish. Each call returns a plugin of its own, validated like any
 * other when an engine is created with it (a step named in `after` that does not exist is reported
 * there). An engine runs one ladder: the plugin's name is the same for every call.
 *
 * @example
 * ```ts
 * const engine = createEngine({
 *   program: nineStepProgram,
 *   couple,
 *   device,
 *   plugins: [questionLadder({ after: 'empathy', minutes: 30 })],
 * });
 * ```
 */
export function questionLadder(options: QuestionLadderOptions = {}): AttunePlugin {
  const parts: LadderParts = {
    after: options.after ?? defaultLadder.after,
    sets: options.sets ?? defaultLadder.sets,
    ...(options.minutes !== undefined && { minutes: options.minutes }),
  };
  return definePlugin({
    contract: 1,
    name: 'question-ladder',
    version: '0.0.0',
    exerciseKinds: [questionLadderKind],
    steps: [ladderStep(parts)],
    // It opens once the couple completed that step, so on the path it comes right after it.
    stepsAfter: parts.after,
    resources: { en: { 'question-ladder': en }, es: { 'question-ladder': es } },
    // Keys for the app's turn-taking screen, checked at registration like the step's own.
    messageKeys: [
      'question-ladder:turn.reads',
      'question-ladder:turn.both-answer',
      'question-ladder:turn.set-done',
      'question-ladder:turn.all-done',
    ],
  });
}

/** The question-ladder plugin with its defaults: after `open-communication`, 45 minutes. */
export const questionLadderPlugin: AttunePlugin = questionLadder();
