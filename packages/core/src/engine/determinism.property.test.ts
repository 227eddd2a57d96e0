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
          const make = (events?: readonly unknown[], trusted?: boolean) =>
            createEngine({
              program: simulated.program,
              couple: simulated.couple,
              device: 'observer',
              now: () => end,
              ...(events && { events }),
              ...(trusted && { trusted }),
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

          // Started from the same events: scrambled with repeats, or from storage in log order.
          const started = make([...shuffled, ...shuffled.slice(0, 3)]);
          const restored = make(inOrder.getEvents(), true);
          expect(restored.receive(shuffled.slice(0, 5)).added).toBe(0);

          const strip = (engine: ReturnType<typeof make>) => ({
            ...engine.getSnapshot(),
            version: 0,
          });
          for (const engine of [scrambled, started, restored]) {
            expect(JSON.stringify(strip(engine))).toBe(JSON.stringify(strip(inOrder)));
            expect(engine.getEvents()).toEqual(inOrder.getEvents());
            for (const partner of ['ana', 'kai']) {
              expect(JSON.stringify(engine.viewFor(partner))).toBe(
                JSON.stringify(inOrder.viewFor(partner)),
              );
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
