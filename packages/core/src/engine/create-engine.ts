import type { AttuneEvent, LoggedEvent } from '../events/types.js';
import { checkEvent, checkPartner } from '../log/check-event.js';
import { createHybridClock } from '../log/clock.js';
import { AttuneEventError } from '../log/event-error.js';
import { EventLog } from '../log/event-log.js';
import { compareEvents } from '../log/order.js';
import { AttunePluginError } from '../plugins/plugin-error.js';
import { notDefinedProblem } from '../plugins/plugin-mark.js';
import { installerOf } from '../plugins/plugin-support.js';
import { createProgressChanges, noteChange } from '../progress/changes.js';
import { createProgressTracker, type Progress } from '../progress/compute.js';
import { createFacts, type Facts, type FoldContext, foldEvent } from '../progress/facts.js';
import type { EngineSnapshot } from '../progress/types.js';
import { createCommands } from './commands.js';
import type { EngineContext, PlacedExercise } from './engine-context.js';
import { createPartnerViews } from './partner-view.js';
import { revealAnswers, revealDue, sealedPromptsOf } from './sealing.js';
import { attachSequenceFloor, checkSequenceFloor } from './sequence-floor.js';
import { checkStartedAt, describeId } from './start-checks.js';
import { sameSnapshot, shareUnchanged } from './structural-sharing.js';
import type { Engine, EngineOptions } from './types.js';

const DAY = 86_400_000;

/**
 * Creates the engine for one couple on one device.
 *
 * @example
 * ```ts
 * const engine = createEngine({ program: nineStepProgram, couple, device: 'phone-a' });
 * engine.completeExercise('ana', 'safe-space-basics');
 * engine.getSnapshot().steps[0]?.status; // 'in-progress'
 * ```
 */
export function createEngine(options: EngineOptions): Engine {
  const { couple, device } = options;
  const plugins = options.plugins ?? [];
  let notifying = false;
  // Plugins are wired in only when given, so an engine without them runs exactly as before. The code
  // that validates and runs them comes with them, from `definePlugin`, so it is not bundled here.
  const install = plugins.map(installerOf).find(Boolean);
  if (plugins.length > 0 && !install) {
    throw new AttunePluginError(plugins.flatMap((plugin, i) => notDefinedProblem(plugin, i) ?? []));
  }
  checkStartedAt(couple.startedAt);
  const runtime = install?.({
    program: options.program,
    couple,
    plugins,
    snapshot: () => engine.getSnapshot(),
    failed: () => {
      snapshot = undefined;
      version++;
      // A plugin may fail while a view renders: listeners hear of it once, after the render.
      if (!notifying) {
        notifying = true;
        void Promise.resolve().then(() => {
          notifying = false;
          notify();
        });
      }
    },
  });
  const program = runtime?.program ?? options.program;
  const now = options.now ?? Date.now;
  const partners = couple.partners.map((partner) => partner.id);
  const maxClockSkewMs = options.maxClockSkewMs ?? 60_000;
  const clock = createHybridClock({ now, maxSkewMs: maxClockSkewMs });
  const log = new EventLog();
  const facts: Facts = createFacts();
  const exercises = new Map<string, PlacedExercise>();
  for (const step of program.steps) {
    for (const exercise of step.exercises) exercises.set(exercise.id, { exercise, step: step.id });
  }
  const foldContext: FoldContext = {
    timeZones: new Map(couple.partners.map((partner) => [partner.id, partner.timeZone])),
    exercises: new Set(exercises.keys()),
  };
  const listeners = new Set<() => void>();
  // The last sequence number this device used: at least the floor the storage kept (so an erasure or
  // an emptied log never hands out an id again), and at least every event of this device seen, here
  // or received — which keeps an engine without storage safe too.
  let seq = options.sequenceFloor === undefined ? 0 : checkSequenceFloor(options.sequenceFloor);
  // With a floor from storage, the engine knows every sequence number this device ever used: an
  // event of this device's id beyond it was written by another device that uses the same id.
  let floorKnown = options.sequenceFloor !== undefined;
  let version = 0;
  let progress: Progress | undefined;
  // The facts the last progress was computed from, with the completions plugin kinds recognise.
  let progressFacts: Facts = facts;
  // The previous progress, kept across changes so unchanged parts keep their identity.
  let lastProgress: Progress | undefined;
  // What the events folded since then changed, so the next progress computes only that.
  let progressChanges = createProgressChanges(true);
  const tracker = createProgressTracker({
    program,
    couple,
    divergenceThreshold: options.divergenceThreshold ?? 2,
    ...(runtime && { evaluateCustom: runtime.evaluateCustom }),
  });
  let snapshot: EngineSnapshot | undefined;
  let computedAt = 0;

  const checkContext = () => ({ partners, latestWall: now() + (options.maxFutureMs ?? DAY) });

  // Within `batch`, subscribers hear once, at its end.
  let batching = 0;
  let heldBack = false;
  const notify = () => {
    if (batching > 0) {
      heldBack = true;
      return;
    }
    for (const listener of [...listeners]) listener();
  };
  // Partners who record on this device: only theirs are sealed answers the engine reveals itself.
  const recordingHere = new Set<string>();

  const changed = (added?: readonly LoggedEvent[], origin?: 'recorded' | 'received') => {
    progress = undefined;
    snapshot = undefined;
    views.clear();
    version++;
    if (added && origin) runtime?.observe?.(added, origin);
    notify();
  };

  const fold = (event: LoggedEvent) => {
    foldEvent(facts, event, foldContext);
    noteChange(progressChanges, event, foldContext);
    runtime?.fold(event);
    if (event.device === device) {
      if (event.seq > seq) seq = event.seq;
      recordingHere.add(event.partner);
    }
  };

  const add = (event: LoggedEvent): boolean => {
    if (log.append(event) === 'duplicate') return false;
    fold(event);
    clock.observe(event.clock);
    return true;
  };

  const currentProgress = (): Progress => {
    if (!progress) {
      computedAt = now();
      progressFacts = runtime ? runtime.begin(facts) : facts;
      // Plugins' facts are made anew for every progress, so with plugins it is computed whole.
      let next = tracker.update(
        progressFacts,
        computedAt,
        runtime ? undefined : progressChanges,
        lastProgress,
      );
      progressChanges = createProgressChanges(false);
      if (runtime) next = runtime.end(next);
      progress = lastProgress ? shareUnchanged(next, lastProgress) : next;
      lastProgress = progress;
    }
    return progress;
  };

  const context: EngineContext = {
    program,
    couple,
    log,
    facts,
    exercises,
    runtime,
    device,
    now: () => now(),
    clockReading: () => clock.peek(),
    lastSequence: () => seq,
    latestWall: () => checkContext().latestWall,
    knownPartner: (partner) => checkPartner(partner, partners),
    revealsByItself: (partner) =>
      (typeof options.reveal === 'function' ? options.reveal(partner) : options.reveal) !==
      'by-choice',
    recordsHere: (partner) => recordingHere.has(partner),
    batch(change) {
      batching++;
      try {
        return change();
      } finally {
        batching--;
        if (batching === 0 && heldBack) {
          heldBack = false;
          notify();
        }
      }
    },
    progress: currentProgress,
    progressFacts: () => {
      currentProgress();
      return progressFacts;
    },
    computedAt: () => {
      currentProgress();
      return computedAt;
    },
    record(partner, type, data, visibility, recordOptions) {
      checkPartner(partner, partners);
      // A skipped number is used by nothing; the event after it takes the next (see `fold`).
      const next = seq + (recordOptions?.skipSequence ? 2 : 1);
      const event = checkEvent(
        {
          id: `${device}:${next}`,
          partner,
          device,
          seq: next,
          clock: recordOptions?.clock ?? clock.tick(),
          type,
          data,
          visibility,
        },
        checkContext(),
      ) as Extract<AttuneEvent, { type: typeof type }>;
      runtime?.check(event);
      add(event);
      changed([event], 'recorded');
      return event;
    },
  };
  const views = createPartnerViews(context);

  const initial = options.events ?? [];
  const startContext = checkContext();
  // Trusted events are not checked, but one that is not even shaped like an event would throw while
  // ordering the log: the log leaves it out, and it is reported, never a start that fails every time.
  const loaded = options.trusted
    ? (initial as readonly LoggedEvent[])
    : initial.map((input) => {
        const event = checkEvent(input, startContext);
        runtime?.check(event);
        return event;
      });
  // Folded as the log takes them: a long log is read from memory once at start-up, not twice.
  const added = log.load(loaded, {
    added: fold,
    unshaped: (value) =>
      facts.skipped.push({ id: describeId(value), reason: 'it is not shaped like an event' }),
  });
  // The events are in log order, so observing the last one within the clock's reach and those past
  // it leaves the clock where observing every event would.
  let latest = added.length - 1;
  while (latest > 0 && (added[latest] as LoggedEvent).clock.wall > now() + maxClockSkewMs) latest--;
  for (let i = Math.max(latest, 0); i < added.length; i++) {
    clock.observe((added[i] as LoggedEvent).clock);
  }

  const engine: Engine = {
    program,
    plugins,
    couple,
    device,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      if (!snapshot) {
        const state = currentProgress();
        snapshot = Object.freeze({
          version,
          events: log.size,
          paused: state.paused,
          left: [...facts.left].sort(),
          steps: state.steps,
          rhythm: state.rhythm,
          checkIns: state.checkIns,
          resting: state.resting,
          diagnostics: runtime ? runtime.diagnostics(state.diagnostics) : state.diagnostics,
        });
      }
      return snapshot;
    },
    viewFor: (partner) => views.viewFor(partner),
    getEvents: () => log.events,
    now: () => now(),
    receive(events) {
      let added = 0;
      let duplicates = 0;
      const rejected: { index: number; error: AttuneEventError }[] = [];
      const checks = checkContext();
      const checked: { event: LoggedEvent; index: number }[] = [];
      const addedEvents: LoggedEvent[] = [];
      events.forEach((input, index) => {
        try {
          const event = checkEvent(input, checks);
          // An event of this device's id that it never recorded: another device uses the same id.
          // Taking it would move this device's sequence past it, or block recording altogether.
          if (floorKnown && event.device === device && event.seq > seq && !log.get(event.id)) {
            throw new AttuneEventError(
              'not-allowed',
              'device',
              `Event "${event.id}" has this device's id, but this device never recorded it`,
              'Another device uses the same device id: give one of them a new id (createDeviceId).',
            );
          }
          runtime?.check(event);
          checked.push({ event, index });
        } catch (error) {
          if (!AttuneEventError.isInstance(error)) throw error;
          rejected.push({ index, error });
        }
      });
      // In log order, most events land at the end of the log instead of being inserted.
      checked.sort((a, b) => compareEvents(a.event, b.event));
      for (const { event, index } of checked) {
        try {
          if (add(event)) {
            added++;
            addedEvents.push(event);
          } else duplicates++;
        } catch (error) {
          if (!AttuneEventError.isInstance(error)) throw error;
          rejected.push({ index, error });
        }
      }
      rejected.sort((a, b) => a.index - b.index);
      // A batch of a quarter of the log or more, as a restore brings, leaves it held at its length.
      if (added > 1024 && 4 * added >= log.size) log.compact();
      if (added > 0) {
        // The other partner's answer may be what a sealed answer written here waited for.
        context.batch(() => {
          changed(addedEvents, 'received');
          for (const key of sealedPromptsOf(addedEvents)) revealDue(context, key);
        });
      }
      return { added, duplicates, rejected };
    },
    refresh() {
      const previous = engine.getSnapshot();
      progress = undefined;
      snapshot = undefined;
      views.clear();
      if (sameSnapshot(engine.getSnapshot(), previous)) snapshot = previous;
      else changed();
    },
    ...createCommands(context),
    revealAnswers: (partner, entries) => revealAnswers(context, partner, entries),
  };
  attachSequenceFloor(engine, (floor) => {
    floorKnown = true;
    if (floor > seq) seq = floor;
  });
  return engine;
}
