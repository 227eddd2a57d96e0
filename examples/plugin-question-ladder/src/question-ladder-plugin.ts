import { type AttunePlugin, definePlugin } from '@attune/core';
import en from '../locales/en/question-ladder.json' with { type: 'json' };
import es from '../locales/es/question-ladder.json' with { type: 'json' };
import { questionLadderStep } from './ladder-step.js';
import { questionLadderKind } from './question-ladder-kind.js';

/**
 * The question-ladder plugin: the `question-ladder` exercise kind, a step with one ladder, and its
 * words in English and Spanish.
 *
 * @example
 * ```ts
 * const engine = createEngine({ program: nineStepProgram, couple, device, plugins: [questionLadderPlugin] });
 * ```
 */
export const questionLadderPlugin: AttunePlugin = definePlugin({
  contract: 1,
  name: 'question-ladder',
  version: '0.0.0',
  exerciseKinds: [questionLadderKind],
  steps: [questionLadderStep],
  // It opens once the couple talks openly, so on the path it comes right after that step.
  stepsAfter: 'open-communication',
  resources: { en: { 'question-ladder': en }, es: { 'question-ladder': es } },
  // Keys for the app's turn-taking screen, checked at registration like the step's own.
  messageKeys: [
    'question-ladder:turn.reads',
    'question-ladder:turn.both-answer',
    'question-ladder:turn.set-done',
    'question-ladder:turn.all-done',
  ],
});
