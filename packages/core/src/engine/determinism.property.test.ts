import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateCouple } from '../testing/simulate.js';
import { createEngine } from './create-engine.js';

describe('progress', () => {
  it('is the same whatever order the events arrive in, and however often', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom('engaged', 'uneven', 'paused', 'diverging', 'unsafe' as const),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (seed, behaviour, days, shuffleSeed) => {
          const simulated = simulateCouple({ days, seed, behaviour });
          const end = simulated.couple.startedAt + (days + 1) * 86_400_000;
          const make = () =>
            createEngine({
              program: simulated.program,
              couple: simulated.couple,
              device: 'observer',
              now: () => end,
            });
          const inOrder = make();
          inOrder.receive(simulated.events);

          // Shuffle, and deliver some events twice, in several batches.
          const shuffled = [...simulated.events];
          let state = shuffleSeed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
            const j = state % (i + 1);
            [shuffled[i], shuffled[j]] = [
              shuffled[j] as (typeof shuffled)[number],
              shuffled[i] as (typeof shuffled)[number],
            ];
          }
          const scrambled = make();
          const half = Math.floor(shuffled.length / 2);
          scrambled.receive(shuffled.slice(half));
          scrambled.receive([...shuffled.slice(0, half), ...shuffled.slice(0, 3)]);

          const strip = (engine: ReturnType<typeof make>) => ({
            ...engine.getSnapshot(),
            version: 0,
          });
          expect(JSON.stringify(strip(scrambled))).toBe(JSON.stringify(strip(inOrder)));
          for (const partner of ['ana', 'kai']) {
            expect(JSON.stringify(scrambled.viewFor(partner))).toBe(
              JSON.stringify(inOrder.viewFor(partner)),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
