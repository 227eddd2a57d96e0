import { type CheckInExercise, getExercise } from '@attune/core';
import { formatStep } from '../format/format-step.js';
import type { CommandContext, CommandOutcome } from './command-context.js';
import { describeError, whyNot } from './explain-refusal.js';
import { readScore } from './read-score.js';

/** The check-in of the nine-step program that this command asks. */
export const weeklyCheckIn = 'weekly-check-in';

/**
 * Asks each dimension of the weekly check-in on its scale, one line at a time, and records the
 * scores. Any line can be skipped, as the check-in's own words promise; nothing is recorded when
 * every line was skipped or the input ended part-way.
 */
export async function checkIn(context: CommandContext): Promise<CommandOutcome> {
  const { t, terminal, engine, partner, other } = context;
  const located = getExercise(engine.program, weeklyCheckIn);
  if (located?.exercise.kind !== 'check-in') {
    throw new Error(`The program has no check-in "${weeklyCheckIn}" for this command to ask`);
  }
  const exercise: CheckInExercise = located.exercise;
  const refusal = whyNot(engine, exercise.id, t);
  if (refusal) {
    context.warn(refusal);
    return 'refused';
  }
  const { min, max } = exercise.scale;
  terminal.say();
  terminal.say(t(exercise.titleKey));
  terminal.say(t(exercise.whyKey, { partner: other }));
  terminal.say();
  terminal.say(
    t('cli:check-in.intro', {
      min,
      max,
      minLabel: t(exercise.scale.minLabelKey),
      maxLabel: t(exercise.scale.maxLabelKey),
    }),
  );

  const scores: Record<string, number> = {};
  for (const dimension of exercise.dimensions) {
    const question = t('cli:check-in.ask', { dimension: t(dimension.key), min, max });
    for (;;) {
      const answer = await terminal.ask(question);
      if (answer === undefined) {
        context.warn(t('cli:stopped'));
        return 'stopped';
      }
      const score = readScore(answer, min, max);
      if (score === undefined) {
        terminal.say(t('cli:check-in.invalid', { min, max }));
        continue;
      }
      if (score !== 'skip') scores[dimension.id] = score;
      break;
    }
  }
  if (Object.keys(scores).length === 0) {
    terminal.say(t('cli:check-in.nothing'));
    return 'done';
  }
  try {
    engine.recordCheckIn(partner, exercise.id, scores);
    await context.saved();
  } catch (error) {
    context.warn(describeError(error, t));
    return 'refused';
  }
  terminal.say(`${t('cli:check-in.saved')} ${t(`visibility.${exercise.visibility}`)}`);
  const step = engine.getSnapshot().steps.find((candidate) => candidate.id === located.step.id);
  if (step) terminal.say(formatStep(step, engine.program, t, context.locale));
  return 'done';
}
