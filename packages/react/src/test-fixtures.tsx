import { type Couple, createEngine, type Engine, nineStepProgram } from '@attune/core';
import type { ReactNode } from 'react';
import type { AttuneI18n } from './attune-i18n.js';
import { AttuneProvider } from './context.js';

/** The couple of the React tests: two partners in two time zones, starting Monday 2026-01-05. */
export const testCouple: Couple = {
  id: 'test-couple',
  partners: [
    { id: 'ana', timeZone: 'Europe/Berlin' },
    { id: 'kai', timeZone: 'America/New_York' },
  ],
  startedAt: Date.UTC(2026, 0, 5, 8),
};

/** An engine of the nine-step program whose clock is `Date.now`, so fake timers move it. */
export function testEngine(events: readonly unknown[] = []): Engine {
  return createEngine({
    program: nineStepProgram,
    couple: testCouple,
    device: 'test-phone',
    now: () => Date.now(),
    events,
  });
}

/** A Testing Library wrapper giving the hooks an engine, a partner and, optionally, i18next. */
export function providerFor(
  engine: Engine,
  partner = 'ana',
  i18n?: AttuneI18n,
): (props: { children: ReactNode }) => ReactNode {
  return ({ children }) => (
    <AttuneProvider engine={engine} partner={partner} i18n={i18n}>
      {children}
    </AttuneProvider>
  );
}

/** Completes the two foundation steps for both partners, which opens steps 3, 4, 6 and 7. */
export function completeFoundation(engine: Engine): void {
  for (const partner of ['ana', 'kai']) {
    engine.completeExercise(partner, 'safe-space-basics');
    engine.completeExercise(partner, 'what-feels-safe');
    engine.recordCheckIn(partner, 'weekly-check-in', { 'feeling-heard': 4, closeness: 4 });
  }
  engine.completeExercise('ana', 'ground-rules', { together: true });
  engine.completeExercise('kai', 'dreams-deck', { together: true });
  for (let i = 0; i < 3; i++) engine.completeExercise('ana', 'daily-talk', { together: true });
}
