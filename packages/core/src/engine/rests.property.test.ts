import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent, SafetyRestEvent } from '../events/types.js';
import { erasePartner } from '../export/erasure.js';
import { compareEvents } from '../log/order.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import { exportEvents } from '../sync/export-events.js';
import { importEvents } from '../sync/import-events.js';
import { eventsFor } from '../sync/privacy-filter.js';
import { createRandom, type Random } from '../testing/random.js';
import { testCouple as couple } from '../testing/test-couple.js';
import { createEngine } from './create-engine.js';
import type { Engine } from './types.js';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const START = couple.startedAt;

const clear = {
  'feel-safe': true,
  'can-disagree': true,
  afraid: false,
  'see-others': true,
  threatened: false,
};
const risky = { ...clear, afraid: true };

// Ana has one phone; Kai a phone and a tablet. Each partner records only on their own devices.
const DEVICES = ['ana-phone', 'kai-phone', 'kai-tablet'] as const;
type Device = (typeof DEVICES)[number];
const partnerOf = (device: string) => (device.startsWith('ana') ? 'ana' : 'kai');

const device = fc.constantFrom(...DEVICES);
const action = fc.oneof(
  // A check: `empty` and `null` are refused and must change nothing.
  fc.record({
    kind: fc.constant('check' as const),
    on: device,
    answers: fc.constantFrom('risk', 'clear', 'empty', 'null'),
  }),
  // A rest or a wake, after a check that signals risk or as a pace chosen for no reason.
  fc.record({
    kind: fc.constant('rest' as const),
    on: device,
    active: fc.boolean(),
    afterRisk: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('erase' as const), on: device }),
  fc.record({
    kind: fc.constant('send' as const),
    from: device,
    to: device,
    parts: fc.integer({ min: 1, max: 3 }),
    duplicate: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('deliver' as const), count: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('work' as const), on: device }),
  // Time moves on, by up to a day; a device's clock may also run up to half a minute off.
  fc.record({
    kind: fc.constant('tick' as const),
    ms: fc.oneof(fc.integer({ min: 1, max: 20 * MINUTE }), fc.integer({ min: 1, max: DAY })),
    skew: fc.option(fc.tuple(device, fc.integer({ min: -30_000, max: 30_000 }))),
  }),
);

/**
 * Events a modified app of Kai's sends in Kai's own name, under a device id of its own: rests with
 * clocks anywhere from the past to the far future, data of the wrong shape, one id twice.
 */
const hostileRest = fc.record({
  seq: fc.integer({ min: 1, max: 6 }),
  wall: fc.oneof(
    fc.integer({ min: START - DAY, max: START + 30 * DAY }),
    fc.constantFrom(0, START + 100 * 365 * DAY, 253_402_300_799_999),
  ),
  counter: fc.integer({ min: 0, max: 3 }),
  data: fc.oneof(
    fc.record({ active: fc.boolean() }),
    fc.constantFrom<unknown>(null, {}, { active: 'yes' }, { active: true, reason: 'risk' }),
  ),
  to: device,
});

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Three devices, a world clock, and the messages between them, in flight in any order. */
function createWorld(seed: number) {
  const random = createRandom(seed);
  let world = START;
  const skews = new Map<string, number>();
  const nowOf = (on: string) => () => world + (skews.get(on) ?? 0);
  const highWater = new Map<string, number>();
  const engineFor = (on: Device, events: readonly LoggedEvent[] = []) =>
    createEngine({
      program: nineStepProgram,
      couple,
      device: on,
      events,
      now: nowOf(on),
      sequenceFloor: highWater.get(on) ?? 0,
      // As the example app with a relay: a phone whose clock runs ahead is still the couple's.
      maxFutureMs: Number.POSITIVE_INFINITY,
    });
  const engines = new Map<Device, Engine>(DEVICES.map((on) => [on, engineFor(on)]));
  const inFlight: { to: Device; events: unknown[] }[] = [];
  const engine = (on: Device) => engines.get(on) as Engine;
  const noteHighWater = (on: Device) => {
    for (const event of engine(on).getEvents()) {
      if (event.device === on && event.seq > (highWater.get(on) ?? 0)) highWater.set(on, event.seq);
    }
  };

  return {
    random,
    engine,
    advance(ms: number) {
      world += ms;
    },
    skew(on: string, ms: number) {
      skews.set(on, ms);
    },
    alignClocks() {
      skews.clear();
    },
    refresh() {
      for (const on of DEVICES) engine(on).refresh();
    },
    /** Replaces a device's engine by one over `events`, as an app does after an erasure. */
    replace(on: Device, events: readonly LoggedEvent[]) {
      noteHighWater(on);
      engines.set(on, engineFor(on, events));
    },
    /** The highest sequence number the device ever used, as its store would keep it. */
    highWater(on: Device) {
      noteHighWater(on);
      return highWater.get(on) ?? 0;
    },
    send(from: Device, to: Device, parts: number, duplicate: boolean) {
      const batch = exportEvents(engine(from).getEvents(), { couple, recipient: partnerOf(to) });
      const events = shuffle(batch.events, random);
      const cuts = [0, ...[...Array(parts - 1)].map(() => random.int(0, events.length))];
      cuts.push(events.length);
      cuts.sort((a, b) => a - b);
      for (let i = 1; i < cuts.length; i++) {
        const part = events.slice(cuts[i - 1], cuts[i]);
        inFlight.push({ to, events: part });
        if (duplicate) inFlight.push({ to, events: shuffle(part, random) });
      }
    },
    post(to: Device, events: unknown[]) {
      inFlight.push({ to, events });
    },
    pending: () => inFlight.length,
    /** Delivers one message in flight, picked at random, as the app's sync does. */
    deliverOne() {
      const [message] = inFlight.splice(random.int(0, inFlight.length - 1), 1);
      if (!message) return;
      const { to } = message;
      const result = importEvents(engine(to).getEvents(), message.events, {
        couple,
        device: to,
        self: partnerOf(to),
      });
      expect(result.deviceIdClash).toBe(false);
      if (result.dropped.length > 0) this.replace(to, result.events);
      else {
        const received = engine(to).receive(result.added);
        expect(received.rejected).toEqual([]);
      }
    },
  };
}

type World = ReturnType<typeof createWorld>;

/** Every device sends everything to every device, until nothing new arrives anywhere. */
function settle(world: World): void {
  while (world.pending() > 0) world.deliverOne();
  for (let round = 0; round < 3; round++) {
    for (const from of DEVICES) for (const to of DEVICES) world.send(from, to, 1, false);
    while (world.pending() > 0) world.deliverOne();
  }
}

describe('rests that are not a signal', () => {
  it('end on every device with each partner’s rest as that partner last set it, whatever the interleaving, delivery order and erasures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(action, { maxLength: 40 }),
        fc.array(hostileRest, { maxLength: 6 }),
        (seed, actions, hostile) => {
          const world = createWorld(seed);
          // What each partner chose, in the order they chose it, and the events that recorded it.
          const lastCall = new Map<string, boolean>();
          const recorded: SafetyRestEvent[] = [];
          for (const step of actions) {
            if (step.kind === 'tick') {
              world.advance(step.ms);
              if (step.skew) world.skew(step.skew[0], step.skew[1]);
              world.refresh();
            } else if (step.kind === 'check') {
              const engine = world.engine(step.on);
              const partner = partnerOf(step.on);
              const before = engine.getEvents().length;
              const ownRest = engine.viewFor(partner).ownRest;
              if (step.answers === 'empty' || step.answers === 'null') {
                const answers = step.answers === 'empty' ? {} : null;
                expect(() =>
                  engine.takeSafetyCheck(partner, 'safety-check', answers as never),
                ).toThrow();
                expect(engine.getEvents().length).toBe(before);
              } else {
                engine.takeSafetyCheck(
                  partner,
                  'safety-check',
                  step.answers === 'risk' ? risky : clear,
                );
                // A check rests nothing and wakes nothing.
                expect(engine.viewFor(partner).ownRest).toEqual(ownRest);
                expect(engine.viewFor(partner).restRecommended).toBe(
                  step.answers === 'risk' && ownRest?.active !== true,
                );
              }
            } else if (step.kind === 'rest') {
              const engine = world.engine(step.on);
              const partner = partnerOf(step.on);
              if (step.afterRisk) engine.takeSafetyCheck(partner, 'safety-check', risky);
              const event = engine.setRest(partner, step.active);
              recorded.push(event);
              lastCall.set(partner, step.active);
              // On its own device, the choice is what it last chose, at once.
              expect(engine.viewFor(partner).ownRest?.active).toBe(step.active);
            } else if (step.kind === 'erase') {
              const partner = partnerOf(step.on);
              const engine = world.engine(step.on);
              const erasure = erasePartner(engine.getEvents(), {
                couple,
                self: partner,
                partner,
                device: step.on,
                now: engine.now,
                sequenceFloor: world.highWater(step.on),
              });
              const own = engine.viewFor(partner).ownRest;
              world.replace(step.on, erasure.events);
              // Erasing one's entries never lifts one's rest.
              expect(world.engine(step.on).viewFor(partner).ownRest).toEqual(own);
            } else if (step.kind === 'send') {
              world.send(step.from, step.to, step.parts, step.duplicate);
            } else if (step.kind === 'deliver') {
              for (let i = 0; i < step.count; i++) world.deliverOne();
            } else {
              const engine = world.engine(step.on);
              const partner = partnerOf(step.on);
              engine.answer(partner, 'what-feels-safe', 'safe', `words of ${partner}`, 'private');
            }
          }
          hostile.forEach((rest, i) => {
            world.post(rest.to, [
              {
                id: `kai-mod:${rest.seq}`,
                partner: 'kai',
                device: 'kai-mod',
                seq: rest.seq,
                clock: { wall: rest.wall, counter: rest.counter + (i % 2) },
                type: 'safety-rest',
                data: rest.data,
                visibility: 'shared',
              },
            ]);
          });
          // Those of the wrong shape are refused one by one by `importEvents`; the rest count as
          // Kai's, and only ever as Kai's.
          settle(world);
          world.alignClocks();
          world.advance(2 * DAY);
          world.refresh();

          const latest = (partner: string) =>
            recorded
              .filter((event) => event.partner === partner)
              .sort(compareEvents)
              .at(-1)?.data.active;
          // What both partners may hold: neither's safety checks or private entries.
          const logs = DEVICES.map((on) =>
            JSON.stringify(eventsFor(eventsFor(world.engine(on).getEvents(), 'ana'), 'kai')),
          );
          for (const on of DEVICES) {
            const engine = world.engine(on);
            const ana = engine.viewFor('ana').ownRest;
            // Ana has one device: her rest is what she last chose, on every device.
            if (partnerOf(on) === 'ana') expect(ana?.active).toBe(lastCall.get('ana'));
            expect(latest('ana')).toBe(lastCall.get('ana'));
            if (hostile.length === 0) {
              // Kai's two devices settle concurrent choices by log order, the same everywhere.
              const kai = latest('kai');
              if (partnerOf(on) === 'kai') expect(engine.viewFor('kai').ownRest?.active).toBe(kai);
              expect(engine.getSnapshot().resting).toBe(
                lastCall.get('ana') === true || kai === true,
              );
            } else if (lastCall.get('ana') === true) {
              expect(engine.getSnapshot().resting).toBe(true);
            }
            // Every device rests alike, and holds the same events both partners may hold.
            expect(engine.getSnapshot().resting).toBe(
              world.engine('ana-phone').getSnapshot().resting,
            );
          }
          expect(new Set(logs).size).toBe(1);
        },
      ),
      { numRuns: 150, seed: 20_261_117 },
    );
  });

  it('send the other partner and the relay the same events whether a rest came from a risk check or a chosen slower pace', () => {
    const kaiAction = fc.oneof(
      fc.constant({ kind: 'complete' as const }),
      fc.constant({ kind: 'private' as const }),
      fc.constant({ kind: 'shared' as const }),
      fc.constant({ kind: 'check' as const }),
      fc.record({ kind: fc.constant('rest' as const), fromRisk: fc.boolean() }),
      fc.constant({ kind: 'wake' as const }),
      fc.constant({ kind: 'from-ana' as const }),
      fc.record({
        kind: fc.constant('tick' as const),
        ms: fc.integer({ min: 1, max: 40 * MINUTE }),
      }),
    );
    fc.assert(
      fc.property(fc.array(kaiAction, { maxLength: 30 }), (actions) => {
        // The same history twice: once as generated, once with every rest a pace chosen for no
        // reason. Where a rest from risk follows a check directly, that check signals the risk;
        // otherwise one that does is taken right before the rest.
        const run = (withRisk: boolean) => {
          let now = START;
          const clock = () => now;
          const kai = createEngine({
            program: nineStepProgram,
            couple,
            device: 'kai-phone',
            now: clock,
          });
          const ana = createEngine({
            program: nineStepProgram,
            couple,
            device: 'ana-phone',
            now: clock,
          });
          actions.forEach((step, i) => {
            now += 1;
            const next = actions[i + 1];
            const riskNext = withRisk && next?.kind === 'rest' && next.fromRisk;
            if (step.kind === 'tick') now += step.ms;
            else if (step.kind === 'complete') kai.completeExercise('kai', 'safe-space-basics');
            else if (step.kind === 'private')
              kai.answer('kai', 'what-feels-safe', 'safe', 'mine', 'private');
            else if (step.kind === 'shared')
              kai.answer('kai', 'unsaid-things', 'unsaid', 'ours', 'shared');
            else if (step.kind === 'check')
              kai.takeSafetyCheck('kai', 'safety-check', riskNext ? risky : clear);
            else if (step.kind === 'wake') kai.setRest('kai', false);
            else if (step.kind === 'from-ana') {
              ana.completeExercise('ana', 'safe-space-basics');
              ana.setRest('ana', i % 2 === 0);
              kai.receive(exportEvents(ana.getEvents(), { couple, recipient: 'kai' }).events);
            } else {
              const previous = actions[i - 1];
              if (withRisk && step.fromRisk && previous?.kind !== 'check') {
                kai.takeSafetyCheck('kai', 'safety-check', risky);
              }
              kai.setRest('kai', true);
            }
          });
          const batch = exportEvents(kai.getEvents(), { couple, recipient: 'ana' });
          ana.receive(batch.events);
          return { kai, ana, batch };
        };
        const risk = run(true);
        const pace = run(false);
        // What leaves for Ana — through a relay, in the clear or as envelopes — is the very same:
        // types, ids and sequence numbers, clocks, data and sizes.
        expect(JSON.stringify(risk.batch)).toBe(JSON.stringify(pace.batch));
        expect(eventsFor(risk.kai.getEvents(), 'ana')).toEqual(
          eventsFor(pace.kai.getEvents(), 'ana'),
        );
        // And Ana's device shows the same: view, banner and progress.
        expect(risk.ana.viewFor('ana')).toEqual(pace.ana.viewFor('ana'));
        expect({ ...risk.ana.getSnapshot(), version: 0 }).toEqual({
          ...pace.ana.getSnapshot(),
          version: 0,
        });
      }),
      { numRuns: 200, seed: 20_261_118 },
    );
  });
});
