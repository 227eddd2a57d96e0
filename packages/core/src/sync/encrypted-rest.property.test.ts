import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAesGcmCipher, importAesGcmKey } from '../crypto/aes-gcm-cipher.js';
import { fromBase64 } from '../crypto/base64.js';
import { type EncryptedEvent, encryptEvents, isEncryptedEvent } from '../crypto/encrypted-event.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/types.js';
import type { LoggedEvent } from '../events/types.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { testCouple as couple } from '../testing/test-couple.js';
import { relayReadableEventTypes } from './check-encrypted-event.js';
import { exportEvents } from './export-events.js';

const MINUTE = 60_000;
const START = couple.startedAt;

const clear = {
  'feel-safe': true,
  'can-disagree': true,
  afraid: false,
  'see-others': true,
  threatened: false,
};
const risky = { ...clear, afraid: true };

// One key for every run, so that two runs differ only by what each partner chose.
const cipher = createAesGcmCipher({
  keys: { couple: await importAesGcmKey(new Uint8Array(32).fill(9)) },
});

/**
 * What a relay, or a device that only carries events, sees of one event: which fields it shows,
 * what kind of value each holds, the readable values themselves and the payload's sizes. Never the
 * iv's or the ciphertext's bytes, which are random per encryption.
 */
function relayView(event: EncryptedEvent | LoggedEvent) {
  const fields = Object.fromEntries(
    Object.entries(event).map(([key, value]) => [
      key,
      Array.isArray(value) ? 'array' : typeof value,
    ]),
  );
  if (!isEncryptedEvent(event)) return { plain: event, fields };
  const { encrypted, ...readable } = event;
  return {
    fields,
    readable,
    payload: {
      fields: Object.keys(encrypted),
      cipher: encrypted.cipher,
      key: encrypted.key,
      ivBytes: fromBase64(encrypted.iv)?.length,
      ciphertextBytes: fromBase64(encrypted.ciphertext)?.length,
    },
  };
}

/** The same, without the values that tell one event from the next: its id, sequence and clock. */
function shapeOf(event: EncryptedEvent | LoggedEvent) {
  const { readable: _values, ...shape } = relayView(event) as ReturnType<typeof relayView> & {
    readable?: unknown;
  };
  return { ...shape, partner: event.partner, device: event.device };
}

// Texts a partner might write, from nothing to a few kilobytes of any script, emoji, quotes and
// escapes: every size bucket a written answer reaches, and characters JSON escapes to six bytes.
const words = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: 100, maxLength: 1_500 }),
    fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0001', 'é', '😀'), maxLength: 600 }),
  )
  .filter((text) => !text.includes('\u0000'));

// What either partner does between the two stories' last choice, in any order.
const step = fc.oneof(
  fc.record({ kind: fc.constant('complete' as const) }),
  fc.record({ kind: fc.constant('private' as const), text: words }),
  fc.record({ kind: fc.constant('shared' as const), text: words }),
  fc.record({ kind: fc.constant('start' as const) }),
  fc.record({ kind: fc.constant('check' as const), risk: fc.boolean() }),
  fc.record({ kind: fc.constant('wake' as const) }),
  fc.record({ kind: fc.constant('from-ana' as const), text: words, rest: fc.boolean() }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 50 * MINUTE }) }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Runs Kai's history, then his rest: after a check that signalled risk, or as a slower pace. */
async function story(
  steps: readonly Step[],
  last: { readonly afterRisk: boolean; readonly delay: number },
) {
  // Where the last thing Kai's phone recorded is a check of his, the rest follows it directly
  // either way; in the story of a risk, that check is the one that signalled it.
  const lastRecorded = steps.findLast(
    (action) => action.kind !== 'tick' && action.kind !== 'from-ana',
  );
  const riskyAlready = last.afterRisk && lastRecorded?.kind === 'check';
  let now = START;
  const clock = () => now;
  const kai: Engine = createEngine({
    program: nineStepProgram,
    couple,
    device: 'kai-phone',
    now: clock,
  });
  const ana: Engine = createEngine({
    program: nineStepProgram,
    couple,
    device: 'ana-phone',
    now: clock,
  });
  for (const action of steps) {
    now += 1;
    if (action.kind === 'tick') now += action.ms;
    else if (action.kind === 'complete') kai.completeExercise('kai', 'safe-space-basics');
    else if (action.kind === 'private')
      kai.answer('kai', 'what-feels-safe', 'safe', action.text, 'private');
    else if (action.kind === 'shared')
      kai.answer('kai', 'unsaid-things', 'unsaid', action.text, 'shared');
    else if (action.kind === 'start') kai.startExercise('kai', 'safe-space-basics');
    else if (action.kind === 'check') {
      const signals = action.risk || (riskyAlready && action === lastRecorded);
      kai.takeSafetyCheck('kai', 'safety-check', signals ? risky : clear);
    } else if (action.kind === 'wake') kai.setRest('kai', false);
    else {
      ana.answer('ana', 'unsaid-things', 'unsaid', action.text, 'shared');
      if (action.rest) ana.setRest('ana', true);
      kai.receive(exportEvents(ana.getEvents(), { couple, recipient: 'kai' }).events);
    }
  }
  now += last.delay;
  if (last.afterRisk && !riskyAlready) kai.takeSafetyCheck('kai', 'safety-check', risky);
  const rest = kai.setRest('kai', true);
  const own = kai.getEvents().filter((event) => event.partner === 'kai');
  const batch = exportEvents(own, { couple, recipient: 'ana' });
  const sent = await encryptEvents(batch.events, cipher, { plainTypes: relayReadableEventTypes });
  return { rest, sent, batch };
}

describe('what a relay and the other partner’s device receive of a rest', () => {
  it('is the same whether the rest followed a check that signalled risk or a slower pace chosen for no reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 0, max: 20 * MINUTE }),
        async (steps, delay) => {
          const risk = await story(steps, { afterRisk: true, delay });
          const pace = await story(steps, { afterRisk: false, delay });
          // The two histories differ: one holds a safety check the other does not.
          expect(risk.rest.seq).toBe(pace.rest.seq);
          expect(risk.sent.map(relayView)).toEqual(pace.sent.map(relayView));
          // Nothing travels readable (the stories hold no erasure), nor names a type or visibility.
          for (const event of risk.sent) {
            expect(isEncryptedEvent(event)).toBe(true);
            expect(event).not.toHaveProperty('type');
            expect(event).not.toHaveProperty('visibility');
          }
          expect(JSON.stringify(risk.sent)).not.toMatch(/"(type|visibility|data)"|safety/);
        },
      ),
      { numRuns: 60, seed: 20_261_201 },
    );
  });

  it('looks like any other encrypted event of its size: no type, no visibility, the same length', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (steps, afterRisk) => {
          // A completed exercise first, so there is always another small event to compare with.
          const history = [{ kind: 'complete' as const }, ...steps];
          const { rest, sent, batch } = await story(history, { afterRisk, delay: 0 });
          const sealedRest = sent.find((event) => event.id === rest.id) as EncryptedEvent;
          expect(isEncryptedEvent(sealedRest)).toBe(true);
          expect(sealedRest).not.toHaveProperty('type');
          expect(sealedRest).not.toHaveProperty('visibility');
          // Every other event of Kai's that fits the smallest bucket, whatever its type or
          // visibility, shows the relay exactly what the rest shows.
          const small = sent.filter((event, i) => {
            const plain = batch.events[i] as LoggedEvent;
            const json = JSON.stringify({
              type: plain.type,
              visibility: plain.visibility,
              data: plain.data,
            });
            return event !== sealedRest && new TextEncoder().encode(json).length <= 256;
          });
          for (const event of small) expect(shapeOf(event)).toEqual(shapeOf(sealedRest));
        },
      ),
      { numRuns: 60, seed: 20_261_202 },
    );
  });
});
