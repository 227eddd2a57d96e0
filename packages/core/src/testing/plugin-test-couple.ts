import { createEngine } from '../engine/create-engine.js';
import type { Engine, ReceiveResult } from '../engine/types.js';
import type { AttuneEvent, LoggedEvent } from '../events/types.js';
import { compareEvents } from '../log/order.js';
import type { AttunePlugin, ObservedEvent } from '../plugins/types.js';
import type { Couple } from '../program/couple.js';
import { nineStepProgram } from '../program/nine-step-program.js';
import type { Program, Visibility } from '../program/types.js';
import type { Diagnostic } from '../progress/types.js';
import { eventsFor } from '../sync/privacy-filter.js';
import { createManualClock, type ManualClock } from './manual-clock.js';
import { createRandom, type Random } from './random.js';
import { type SimulateCoupleOptions, simulateCouple } from './simulate.js';
import { testCouple } from './test-couple.js';

const DAY = 86_400_000;

/** One day of one partner in a simulated history, for {@link PluginHistoryOptions.pluginEvents}. */
export interface SimulatedDay {
  /** The day, from 0. */
  readonly day: number;
  readonly partner: string;
  /** Noon of that day, UTC, in ms since the epoch: when the events are recorded. */
  readonly at: number;
  /** A generator seeded from the history's seed, the same for the same history. */
  readonly random: Random;
}

/** An event of a plugin's type to put into a simulated history. */
export interface SimulatedPluginEvent {
  readonly type: string;
  readonly data: unknown;
  /** `shared` unless given. */
  readonly visibility?: Visibility;
}

/** A simulated history both phones start from: {@link simulateCouple}'s, with the plugin's events. */
export interface PluginHistoryOptions extends Omit<SimulateCoupleOptions, 'program' | 'startedAt'> {
  /**
   * The plugin's events of one day for one partner, recorded on that partner's phone at noon, UTC.
   * Each is checked as any received event is, so a history the plugin refuses throws.
   */
  pluginEvents?(day: SimulatedDay): readonly SimulatedPluginEvent[];
}

/** Options of {@link createPluginTestCouple}. */
export interface PluginTestCoupleOptions {
  /** The app's program (default the nine-step program). */
  readonly program?: Program;
  /** Plugins the phones run before the tested one, such as one whose step it follows. */
  readonly plugins?: readonly AttunePlugin[];
  /** The couple (default {@link testCouple}); with `history`, the simulated couple instead. */
  readonly couple?: Couple;
  /** A simulated history to start from, the plugin's own events included. */
  readonly history?: PluginHistoryOptions;
  /** When the clock starts (default when the couple started, or the day after the history). */
  readonly start?: number;
}

/** An event a plugin's observer was shown on one phone. */
export interface ObservedPluginEvent extends ObservedEvent {
  readonly event: LoggedEvent;
}

/** A couple with a phone each, running a plugin, made by {@link createPluginTestCouple}. */
export interface PluginTestCouple {
  readonly couple: Couple;
  /** The clock both phones read; move it with `advance`. */
  readonly clock: ManualClock;
  /** The partners' ids, in the couple's order. */
  readonly partners: readonly [string, string];
  /**
   * A partner's phone: an engine of its own, device `<partner>-phone`, with the plugins. What it
   * records stays there until {@link PluginTestCouple.sync}.
   *
   * @throws `Error` for someone not in the couple.
   */
  phone(partner: string): Engine;
  /**
   * Hands each phone what the other holds and it may hold (`eventsFor`: never the other's safety
   * check or private entries), as a relay would, and returns what each phone did with it, by partner.
   */
  sync(): Readonly<Record<string, ReceiveResult>>;
  /** What the tested plugin's observer was shown on a partner's phone, in order. */
  observed(partner: string): readonly ObservedPluginEvent[];
  /** The events of a type on a partner's phone (the first partner's by default), in log order. */
  eventsOf(type: string, partner?: string): readonly LoggedEvent[];
  /** Every `plugin-failed` diagnostic of either phone: a test of a healthy plugin expects none. */
  failures(): readonly Diagnostic[];
}

/** The simulated log with the plugin's events of each day added on each partner's phone. */
function historyOf(history: PluginHistoryOptions): {
  couple: Couple;
  events: readonly AttuneEvent[];
} {
  const { pluginEvents, ...simulate } = history;
  const simulated = simulateCouple(simulate);
  if (!pluginEvents) return simulated;
  const random = createRandom(history.seed ^ 0x5bd1e995);
  const seq = new Map<string, number>();
  for (const event of simulated.events) {
    seq.set(event.device, Math.max(seq.get(event.device) ?? 0, event.seq));
  }
  const added: AttuneEvent[] = [];
  for (let day = 0; day < history.days; day++) {
    const at =
      simulated.couple.startedAt - (simulated.couple.startedAt % DAY) + day * DAY + DAY / 2;
    for (const { id: partner } of simulated.couple.partners) {
      const device = `${partner}-phone`;
      pluginEvents({ day, partner, at, random }).forEach((event, counter) => {
        const next = (seq.get(device) ?? 0) + 1;
        seq.set(device, next);
        added.push({
          id: `${device}:${next}`,
          partner,
          device,
          seq: next,
          clock: { wall: at, counter },
          type: event.type,
          data: event.data,
          visibility: event.visibility ?? 'shared',
        } as AttuneEvent);
      });
    }
  }
  return { couple: simulated.couple, events: [...simulated.events, ...added] };
}

/**
 * Creates a couple for a plugin's tests: a phone per partner, each an engine with the plugin (after
 * `options.plugins`), on one manual clock, optionally with a simulated history that holds the
 * plugin's own events. The phones record the plugin's events where they happen and exchange them on
 * `sync()`, so a test sees what each partner's phone shows, and what the plugin's `checkEventData`,
 * observer and rules make of events from the other phone. The phones run a copy of the plugin whose
 * observer is recorded; throws `AttunePluginError` when the plugins cannot run.
 *
 * @example
 * ```ts
 * const couple = createPluginTestCouple(floodingBreakPlugin);
 * callBreak(couple.phone('ana'), 'ana', 'soft-start-talk');
 * couple.sync();
 * expect(couple.observed('kai').map(({ event, origin }) => [event.type, origin])).toEqual([
 *   ['flooding-break/called', 'received'],
 * ]);
 * expect(couple.failures()).toEqual([]);
 * ```
 */
export function createPluginTestCouple(
  plugin: AttunePlugin,
  options: PluginTestCoupleOptions = {},
): PluginTestCouple {
  const program = options.program ?? nineStepProgram;
  const history = options.history && historyOf(options.history);
  const couple = history?.couple ?? options.couple ?? testCouple;
  const [first, second] = couple.partners.map((partner) => partner.id) as [string, string];
  const clock = createManualClock(
    options.start ??
      (history && options.history
        ? couple.startedAt + options.history.days * DAY
        : couple.startedAt),
  );
  const observed = new Map<string, ObservedPluginEvent[]>();
  const phones = new Map<string, Engine>();
  for (const partner of [first, second]) {
    const seen: ObservedPluginEvent[] = [];
    observed.set(partner, seen);
    // A spread copy keeps what definePlugin attached, so the phone runs it as it runs the plugin.
    const watched: AttunePlugin = {
      ...plugin,
      observe(event, as) {
        seen.push({ event, origin: as.origin });
        plugin.observe?.(event, as);
      },
    };
    phones.set(
      partner,
      createEngine({
        program,
        couple,
        device: `${partner}-phone`,
        now: clock.now,
        plugins: [...(options.plugins ?? []), watched],
        ...(history && { events: history.events }),
      }),
    );
  }
  const phone = (partner: string): Engine => {
    const found = phones.get(partner);
    if (!found) throw new Error(`"${partner}" is not in the couple; use ${first} or ${second}.`);
    return found;
  };
  return {
    couple,
    clock,
    partners: [first, second],
    phone,
    sync() {
      const a = phone(first);
      const b = phone(second);
      // Both read before either receives, as two phones meeting at a relay would.
      const toB = eventsFor(a.getEvents(), second);
      const toA = eventsFor(b.getEvents(), first);
      return { [first]: a.receive(toA), [second]: b.receive(toB) };
    },
    observed: (partner) => {
      phone(partner);
      return [...(observed.get(partner) ?? [])];
    },
    eventsOf: (type, partner = first) =>
      phone(partner)
        .getEvents()
        .filter((event) => event.type === type)
        .sort(compareEvents),
    failures: () =>
      [first, second].flatMap((partner) =>
        phone(partner)
          .getSnapshot()
          .diagnostics.filter((diagnostic) => diagnostic.code === 'plugin-failed'),
      ),
  };
}
