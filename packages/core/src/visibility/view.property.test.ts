import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.js';
import { simulateCouple } from '../testing/simulate.js';

const PRIVATE = 'PRIVATE-MARKER-7f3a';
const SEALED = 'SEALED-MARKER-91c2';

const behaviours = ['engaged', 'uneven', 'paused', 'diverging', 'unsafe'] as const;

describe('a partner view', () => {
  it("never contains the other partner's private entries, safety answers, or sealed answers before they answer too", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...behaviours),
        fc.integer({ min: 1, max: 60 }),
        (seed, behaviour, days) => {
          const simulated = simulateCouple({
            days,
            seed,
            behaviour,
            privateMarker: PRIVATE,
            sealedMarker: SEALED,
          });
          const end = simulated.couple.startedAt + (days + 1) * 86_400_000;
          const engine = createEngine({
            program: simulated.program,
            couple: simulated.couple,
            device: 'observer',
            events: simulated.events,
            now: () => end,
          });
          for (const viewer of ['ana', 'kai']) {
            const other = viewer === 'ana' ? 'kai' : 'ana';
            const view = engine.viewFor(viewer);
            const text = JSON.stringify(view);
            const othersPrivate = simulated.events.filter(
              (event) => event.partner === other && event.visibility === 'private',
            );
            for (const event of othersPrivate) expect(text).not.toContain(`"${event.id}"`);
            if (othersPrivate.some((event) => JSON.stringify(event).includes(PRIVATE))) {
              expect(text.split(PRIVATE).length - 1).toBe(
                simulated.events.filter(
                  (event) =>
                    event.partner === viewer && JSON.stringify(event.data).includes(PRIVATE),
                ).length,
              );
            }
            // Safety checks are private events, covered above; the rest they cause names nobody.
            for (const entry of view.entries) {
              if (entry.type === 'safety-rest') expect(entry.partner).toBeUndefined();
              if (entry.type === 'safety-check-taken') expect(entry.partner).toBe(viewer);
            }
            // A sealed answer of the other partner is readable only where the viewer answered the same prompt.
            for (const entry of view.entries) {
              if (
                entry.partner === other &&
                entry.visibility === 'sealed' &&
                entry.data !== undefined
              ) {
                const prompt = entry.data as { prompt?: string; question?: string };
                const key = prompt.prompt ?? prompt.question;
                const answeredByViewer = simulated.events.some(
                  (event) =>
                    event.partner === viewer &&
                    event.visibility === 'sealed' &&
                    ((event.data as { prompt?: string }).prompt === key ||
                      (event.data as { question?: string }).question === key),
                );
                expect(answeredByViewer).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('keeps a sealed answer hidden until both partners answered the same prompt', () => {
    const simulated = simulateCouple({ days: 1, seed: 1, behaviour: 'engaged' });
    const engine = createEngine({
      program: simulated.program,
      couple: simulated.couple,
      device: 'phone',
      now: () => simulated.couple.startedAt,
    });
    const sealed = {
      partner: 'ana',
      device: 'ana-phone',
      type: 'answer-recorded',
      visibility: 'sealed',
      clock: { wall: simulated.couple.startedAt, counter: 0 },
    };
    engine.receive([
      {
        ...sealed,
        id: 'ana-phone:1',
        seq: 1,
        data: { exercise: 'sealed-answers', prompt: 'fear', text: SEALED },
      },
    ]);
    const before = engine.viewFor('kai').entries.find((entry) => entry.id === 'ana-phone:1');
    expect(before).toEqual(
      expect.objectContaining({ sealed: true, exercise: 'sealed-answers', prompt: 'fear' }),
    );
    expect(JSON.stringify(engine.viewFor('kai'))).not.toContain(SEALED);

    engine.receive([
      {
        ...sealed,
        id: 'kai-phone:1',
        seq: 1,
        partner: 'kai',
        device: 'kai-phone',
        data: { exercise: 'sealed-answers', prompt: 'joy', text: 'other prompt' },
      },
    ]);
    expect(JSON.stringify(engine.viewFor('kai'))).not.toContain(SEALED);

    engine.receive([
      {
        ...sealed,
        id: 'kai-phone:2',
        seq: 2,
        partner: 'kai',
        device: 'kai-phone',
        data: { exercise: 'sealed-answers', prompt: 'fear', text: 'mine' },
      },
    ]);
    // Both answered, but only the author reveals: until then it stays sealed.
    expect(JSON.stringify(engine.viewFor('kai'))).not.toContain(SEALED);
    engine.receive([
      {
        ...sealed,
        id: 'ana-phone:2',
        seq: 2,
        type: 'entry-shared',
        visibility: 'shared',
        data: { entry: 'ana-phone:1' },
      },
      {
        ...sealed,
        id: 'kai-phone:3',
        seq: 3,
        partner: 'kai',
        device: 'kai-phone',
        type: 'entry-shared',
        visibility: 'shared',
        data: { entry: 'kai-phone:2' },
      },
    ]);
    expect(JSON.stringify(engine.viewFor('kai'))).toContain(SEALED);
    expect(JSON.stringify(engine.viewFor('ana'))).toContain('"mine"');
  });

  it('shows a private entry only after its own author shares it', () => {
    const simulated = simulateCouple({ days: 1, seed: 2, behaviour: 'engaged' });
    const at = simulated.couple.startedAt;
    const engine = createEngine({
      program: simulated.program,
      couple: simulated.couple,
      device: 'phone',
      now: () => at,
    });
    const base = { device: 'd', clock: { wall: at, counter: 0 } };
    engine.receive([
      {
        ...base,
        id: 'd:1',
        seq: 1,
        partner: 'ana',
        type: 'answer-recorded',
        visibility: 'private',
        data: { exercise: 'what-feels-safe', prompt: 'safe', text: PRIVATE },
      },
      {
        ...base,
        id: 'd:2',
        seq: 2,
        partner: 'kai',
        type: 'entry-shared',
        visibility: 'shared',
        data: { entry: 'd:1' },
      },
    ]);
    expect(JSON.stringify(engine.viewFor('kai'))).not.toContain(PRIVATE);
    engine.receive([
      {
        ...base,
        id: 'd:3',
        seq: 3,
        partner: 'ana',
        type: 'entry-shared',
        visibility: 'shared',
        data: { entry: 'd:1' },
      },
    ]);
    expect(JSON.stringify(engine.viewFor('kai'))).toContain(PRIVATE);
  });
});
