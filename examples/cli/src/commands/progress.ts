import { formatMessage, getExercise } from '@attune/core';
import { formatExplanation } from '../format/format-explanation.js';
import { formatStep } from '../format/format-step.js';
import type { CommandContext, CommandOutcome } from './command-context.js';

/**
 * Shows where the couple is: every step with its status and percent, what opens each locked step
 * (the engine's explanation, condition by condition), the rhythm, and what to do next.
 */
export async function progress(context: CommandContext): Promise<CommandOutcome> {
  const { t, terminal, engine, partner, locale } = context;
  const snapshot = engine.getSnapshot();
  terminal.say();
  terminal.say(t('program.title'));
  terminal.say(t('program.not-therapy'));
  terminal.say();
  snapshot.steps.forEach((step, index) => {
    terminal.say(`${index + 1}. ${formatStep(step, engine.program, t, locale)}`);
    if (step.status !== 'locked') return;
    terminal.say(`     ${t('cli:progress.opens-when')}`);
    for (const line of formatExplanation(step.unlock, { t, partner })) terminal.say(`     ${line}`);
  });
  terminal.say();
  const rhythm = snapshot.rhythm.paused
    ? t('rhythm.paused')
    : t('rhythm.weeks', { count: snapshot.rhythm.weeks });
  terminal.say(t('cli:progress.rhythm', { rhythm }));
  // The same neutral words for both partners, whoever's check rested the exercises.
  if (snapshot.resting) terminal.say(t('safety:resting.neutral'));

  const { suggestion } = engine.viewFor(partner);
  const next = suggestion.exercise ? getExercise(engine.program, suggestion.exercise) : undefined;
  if (next) terminal.say(t('cli:progress.next', { exercise: t(next.exercise.titleKey) }));
  terminal.say(formatMessage(t, { key: suggestion.reasonKey, params: suggestion.params }));
  return 'done';
}
