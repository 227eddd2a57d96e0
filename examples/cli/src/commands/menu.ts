import { checkIn } from './check-in.js';
import type { CommandContext, CommandOutcome } from './command-context.js';
import { progress } from './progress.js';
import { readScore } from './read-score.js';
import { reflect } from './reflect.js';

const choices = [
  { key: 'cli:menu.check-in', run: checkIn },
  { key: 'cli:menu.reflect', run: (context: CommandContext) => reflect(context) },
  { key: 'cli:menu.progress', run: progress },
] as const;

/** Offers the commands by number until the person leaves or the input ends. */
export async function menu(context: CommandContext): Promise<CommandOutcome> {
  const { t, terminal } = context;
  for (;;) {
    terminal.say();
    terminal.say(t('cli:menu.title'));
    for (const [index, choice] of choices.entries()) {
      terminal.say(`  ${index + 1}  ${t(choice.key)}`);
    }
    terminal.say(`  0  ${t('cli:menu.quit')}`);
    const answer = await terminal.ask(t('cli:menu.choose'));
    if (answer === undefined) return 'done';
    const number = readScore(answer, 0, choices.length);
    if (number === 0) return 'done';
    const choice = typeof number === 'number' ? choices[number - 1] : undefined;
    if (!choice) {
      terminal.say(t('cli:menu.invalid'));
      continue;
    }
    if ((await choice.run(context)) === 'stopped') return 'stopped';
  }
}
