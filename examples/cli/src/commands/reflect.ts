import type { AnswerRecordedEvent, Engine, ReflectionExercise } from '@attune/core';
import { formatStep } from '../format/format-step.js';
import type { CommandContext, CommandOutcome } from './command-context.js';
import { describeError, whyNot } from './explain-refusal.js';

/** The prompts of a reflection this partner has answered. */
function answeredPrompts(engine: Engine, partner: string, exercise: string): Set<string> {
  const answered = new Set<string>();
  for (const event of engine.getEvents()) {
    if (event.type !== 'answer-recorded' || event.partner !== partner) continue;
    const { data } = event as AnswerRecordedEvent;
    if (data.exercise === exercise) answered.add(data.prompt);
  }
  return answered;
}

/** Every reflection of the program, in program order. */
function reflections(engine: Engine): ReflectionExercise[] {
  return engine.program.steps.flatMap((step) =>
    step.exercises.filter(
      (exercise): exercise is ReflectionExercise => exercise.kind === 'reflection',
    ),
  );
}

/**
 * The reflection and prompt to ask: the one named, or else the first open reflection with a prompt
 * this partner has not answered. A named reflection whose prompts are all answered asks its first
 * prompt again, for more to add.
 */
function choose(
  context: CommandContext,
  named: string | undefined,
): { exercise: ReflectionExercise; prompt: string } | CommandOutcome {
  const { engine, partner, t } = context;
  const all = reflections(engine);
  if (named !== undefined) {
    const exercise = all.find((candidate) => candidate.id === named);
    if (!exercise) {
      context.warn(
        t('cli:reflect.unknown', {
          exercise: named,
          list: all.map((candidate) => candidate.id).join(', '),
        }),
      );
      return 'refused';
    }
    const refusal = whyNot(engine, exercise.id, t);
    if (refusal) {
      context.warn(refusal);
      return 'refused';
    }
    const answered = answeredPrompts(engine, partner, exercise.id);
    const prompt = exercise.prompts.find((key) => !answered.has(key)) ?? exercise.prompts[0];
    return prompt === undefined ? 'done' : { exercise, prompt };
  }
  for (const exercise of all) {
    if (whyNot(engine, exercise.id, t)) continue;
    const answered = answeredPrompts(engine, partner, exercise.id);
    const prompt = exercise.prompts.find((key) => !answered.has(key));
    if (prompt !== undefined) return { exercise, prompt };
  }
  context.terminal.say(t('cli:reflect.all-done'));
  return 'done';
}

/**
 * Asks one reflection prompt and records the answer privately. Lines are read until an empty one
 * (or the end of input), so an answer can run over several lines. Answering the last open prompt of
 * a reflection completes it, which is what moves the step on.
 */
export async function reflect(context: CommandContext, named?: string): Promise<CommandOutcome> {
  const { t, terminal, engine, partner, other } = context;
  const chosen = choose(context, named);
  if (typeof chosen === 'string') return chosen;
  const { exercise, prompt } = chosen;

  terminal.say();
  terminal.say(t(exercise.titleKey));
  terminal.say(t('visibility.private'));
  terminal.say();
  terminal.say(t(prompt, { partner: other }));
  terminal.say(t('cli:reflect.intro'));
  const lines: string[] = [];
  for (;;) {
    const line = await terminal.ask('> ');
    if (line === undefined || line.trim() === '') {
      if (line === undefined && lines.length === 0) {
        context.warn(t('cli:stopped'));
        return 'stopped';
      }
      break;
    }
    lines.push(line);
  }
  const text = lines.join('\n').trim();
  if (text === '') {
    terminal.say(t('cli:reflect.nothing'));
    return 'done';
  }

  const before = answeredPrompts(engine, partner, exercise.id);
  let completed = false;
  try {
    if (before.size === 0) engine.startExercise(partner, exercise.id);
    engine.answer(partner, exercise.id, prompt, text, 'private');
    const after = answeredPrompts(engine, partner, exercise.id);
    const allAnswered = exercise.prompts.every((key) => after.has(key));
    if (allAnswered && exercise.prompts.some((key) => !before.has(key))) {
      engine.completeExercise(partner, exercise.id);
      completed = true;
    }
    await context.saved();
  } catch (error) {
    context.warn(describeError(error, t));
    return 'refused';
  }
  terminal.say(`${t('cli:reflect.saved')} ${t('visibility.private')}`);
  if (completed) terminal.say(t('cli:reflect.completed', { exercise: t(exercise.titleKey) }));
  const stepId = engine.program.steps.find((step) => step.exercises.includes(exercise))?.id;
  const step = engine.getSnapshot().steps.find((candidate) => candidate.id === stepId);
  if (step) terminal.say(formatStep(step, engine.program, t, context.locale));
  return 'done';
}
