import { type Engine, getExercise } from '@attune/core';
import type { LadderQuestion, LadderSet } from './question-ladder-exercise.js';

/** Whose turn it is on a ladder, and with which question. */
export interface LadderTurn {
  readonly set: LadderSet;
  readonly question: LadderQuestion;
  /** The question's place in the whole ladder, from 0. */
  readonly index: number;
  /** The partner who reads the question out loud and answers first; partners take turns. */
  readonly reader: string;
  /** The partners who have not answered the question yet. */
  readonly waitingFor: readonly string[];
}

/**
 * The question a couple is on in a ladder: the first one not yet answered by both partners, in the
 * current run (a run starts over once both answered every question). Reads only who answered what,
 * never the answers.
 *
 * @returns the turn, or `undefined` when the program has no ladder with that id (or it has no
 *   questions).
 */
export function nextLadderTurn(engine: Engine, exerciseId: string): LadderTurn | undefined {
  const found = getExercise(engine.program, exerciseId);
  if (found?.exercise.kind !== 'question-ladder') return undefined;
  const partners = engine.couple.partners.map((partner) => partner.id);
  const questions = found.exercise.sets.flatMap((set) =>
    set.questions.map((question) => ({ set, question })),
  );
  let answered = new Map<string, Set<string>>();
  const waitingFor = (question: LadderQuestion) =>
    partners.filter((partner) => !answered.get(question.id)?.has(partner));
  for (const event of engine.getEvents()) {
    if (event.type !== 'answer-recorded') continue;
    const { exercise, prompt } = event.data as {
      readonly exercise: string;
      readonly prompt: string;
    };
    if (exercise !== exerciseId) continue;
    answered.set(prompt, (answered.get(prompt) ?? new Set()).add(event.partner));
    if (questions.every(({ question }) => waitingFor(question).length === 0)) answered = new Map();
  }
  const index = questions.findIndex(({ question }) => waitingFor(question).length > 0);
  const current = questions[index];
  // A run starts over once it is complete, so only a ladder without questions has no turn.
  if (!current) return undefined;
  const { set, question } = current;
  return {
    set,
    question,
    index,
    reader: partners[index % partners.length] as string,
    waitingFor: waitingFor(question),
  };
}
