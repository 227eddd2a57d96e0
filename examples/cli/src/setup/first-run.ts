import type { Couple } from '@attune/core';
import { createDeviceId } from '@attune/core/sync';
import type { Terminal } from '../terminal/terminal.js';
import type { Text } from '../text/text.js';
import type { Setup } from './setup-file.js';

/** What a first run needs: names given as flags are not asked for. */
export interface FirstRunOptions {
  readonly t: Text;
  readonly terminal: Terminal;
  readonly me?: string | undefined;
  readonly partner?: string | undefined;
  readonly now: number;
  /** The time zone of this computer, used for both partners until the app learns better. */
  readonly timeZone: string;
}

/** Asks until a non-empty answer, or `undefined` when the input ends. */
async function askName(terminal: Terminal, question: string): Promise<string | undefined> {
  for (;;) {
    const answer = await terminal.ask(question);
    if (answer === undefined) return undefined;
    const name = answer.trim();
    // Names become partner ids in every event; 128 characters is what an event accepts.
    if (name !== '') return name.slice(0, 128);
  }
}

/**
 * Sets up a new history: the two names (which are the partner ids, so they show in explanations as
 * written), a random device id (never one made from a name), and the couple. `undefined` when the
 * input ended first.
 */
export async function firstRun(options: FirstRunOptions): Promise<Setup | undefined> {
  const { t, terminal } = options;
  terminal.say(t('cli:setup.welcome'));
  let me = options.me?.trim() || (await askName(terminal, t('cli:setup.me')));
  let partner = options.partner?.trim() || (await askName(terminal, t('cli:setup.partner')));
  while (me !== undefined && partner !== undefined && me === partner) {
    terminal.say(t('cli:setup.different'));
    me = await askName(terminal, t('cli:setup.me'));
    partner = me === undefined ? undefined : await askName(terminal, t('cli:setup.partner'));
  }
  if (me === undefined || partner === undefined) return undefined;
  const couple: Couple = {
    id: `couple-${createDeviceId().slice(2)}`,
    partners: [
      { id: me, timeZone: options.timeZone },
      { id: partner, timeZone: options.timeZone },
    ],
    startedAt: options.now,
  };
  return {
    format: 'attune-cli-setup',
    version: 1,
    couple,
    device: createDeviceId(),
    self: me,
  };
}
