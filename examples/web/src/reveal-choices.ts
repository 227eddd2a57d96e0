import type { RevealMode } from '@attune/core';
import type { Setup } from './persistence.js';

// The engine asks whenever a sealed answer could open, so a partner who changes their mind does
// not need a new engine: it reads the choices the app last kept here.
let choices: Readonly<Record<string, RevealMode>> = {};

/** Keeps the reveal choices of a setup for the engine to read from now on. */
export function keepRevealChoices(setup: Pick<Setup, 'reveal'> | undefined): void {
  choices = setup?.reveal ?? {};
}

/** When a partner's sealed answers open: the engine's `reveal` option. */
export function revealModeOf(partner: string): RevealMode {
  return choices[partner] ?? 'when-both-answered';
}
