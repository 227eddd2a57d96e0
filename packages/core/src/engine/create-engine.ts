import type { AttuneEvent, AttuneEventType, UnknownEvent } from '../events/types.js';
import { checkEvent, checkPartner } from '../log/check-event.js';
import { createHybridClock } from '../log/clock.js';
import { AttuneEventError } from '../log/event-error.js';
import { EventLog, type LoggedEvent } from '../log/event-log.js';
import { compareEvents } from '../log/order.js';
import { AttunePluginError } from '../plugins/plugin-error.js';
import { installerOf } from '../plugins/plugin-support.js';
import type { AttunePlugin } from '../plugins/types.js';
import type { Exercise, Program, Visibility } from '../program/types.js';
import { computeProgress, type Progress, safetyConcernOf } from '../progress/compute.js';
import { computeDue } from '../progress/due.js';
import { createFacts, type Facts, type FoldContext, foldEvent } from '../progress/facts.js';
import { suggestNext } from '../progress/suggest.js';
import { viewEvents } from '../visibility/view.js';
import type { Couple, EngineSnapshot, PartnerView, ViewEntry } from './types.js';

const DAY = 86_400_000;

/** Options of {@link createEngine}. */
export interface EngineOptions {
  readonly program: Program;
  readonly couple: Couple;
  /** This device's id; unique per device, it makes event ids unique. */
  readonly device: string;
  /** The clock, in ms since the epoch (default `Date.now`). Every time calculation reads it. */
  readonly now?: () => number;
  /** Events to start from, such as those loaded from storage. */
  readonly events?: readonly unknown[];
  /**
   * Set when `events` come from this device's own storage, which only ever holds events this engine
   * checked on the way in: they are then folded without being checked again, which makes start-up
   * several times faster. Never set it for events from a network or another device.
   */
  readonly trusted?: boolean;
  /** Check-in scores this far apart count as diverging (default 2). */
  readonly divergenceThreshold?: number;
  /** How far past now a remote clock may move this device's clock (default one minute). */
  readonly maxClockSkewMs?: number;
  /** Events with clocks further ahead of now than this are refused (default one day). */
  readonly maxFutureMs?: number;
  /**
   * Plugins for this engine only, made with `definePlugin`, validated together when the engine is
   * created; an `AttunePluginError` lists every problem. Their steps are merged into `program`. The
   * code that validates and runs them comes with them, so an engine without plugins does not ship it.
   */
  readonly plugins?: readonly AttunePlugin[];
}

/** The outcome of {@link Engine.receive}: what was added, what was already here, what was refused. */
export interface ReceiveResult {
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: readonly { readonly index: number; readonly error: AttuneEventError }[];
}

/** Options for recording that an exercise was started or done. */
export interface TogetherOptions {
  /** Done side by side: one record for both partners. */
  readonly together?: boolean;
}

/**
 * A couple's program in motion: records events through typed methods, folds them into progress,
 * and hands out immutable snapshots and per-partner views.
 */
export interface Engine {
  /** The program the engine runs: the one it was given, with its plugins' steps merged in. */
  readonly program: Program;
  /** The plugins the engine was created with. */
  readonly plugins: readonly AttunePlugin[];
  readonly couple: Couple;
  readonly device: string;
  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): EngineSnapshot;
  /** What one partner may see, with their suggestion and due items. */
  viewFor(partner: string): PartnerView;
  /** Every event, in the log's order. */
  getEvents(): readonly LoggedEvent[];
  /** Adds events from elsewhere (storage, another device). Bad ones are refused one by one. */
  receive(events: readonly unknown[]): ReceiveResult;
  /** Re-reads the clock, so due items and day counts move on; notifies only if something changed. */
  refresh(): void;
  /**
   * The engine's clock: the `now` option it was created with (`Date.now` by default), in ms since the
   * epoch. Read-only; timers in the UI read it so that tests and replays control time in one place.
   */
  now(): number;
  /** Records that a partner started an exercise; `{ together: true }` for both side by side. */
  startExercise(partner: string, exercise: string, options?: TogetherOptions): AttuneEvent;
  /** Records that a partner finished an exercise; `{ together: true }` records one for both. */
  completeExercise(partner: string, exercise: string, options?: TogetherOptions): AttuneEvent;
  /** Records a partner's written answer to a prompt, with the exercise's visibility by default. */
  answer(
    partner: string,
    exercise: string,
    prompt: string,
    text: string,
    visibility?: Visibility,
  ): AttuneEvent;
  /** Shares an entry its author had kept private. Only the author can share it. */
  shareEntry(partner: string, entry: string): AttuneEvent;
  /** Records a partner's check-in: a score per dimension, within the check-in's scale. */
  recordCheckIn(
    partner: string,
    exercise: string,
    scores: Readonly<Record<string, number>>,
  ): AttuneEvent;
  /** Records a partner-quiz answer: the partner's own pick and their guess for the other. */
  answerQuiz(
    partner: string,
    exercise: string,
    question: string,
    self: string,
    guess: string,
  ): AttuneEvent;
  /** Records a note of appreciation to the partner, optionally from a sentence starter. */
  sendAppreciation(partner: string, exercise: string, text: string, starter?: string): AttuneEvent;
  /** Records a proposed text for an agreement, field by field. */
  proposeAgreement(
    partner: string,
    exercise: string,
    fields: Readonly<Record<string, string | readonly string[]>>,
  ): AttuneEvent;
  /** Records that a partner confirms a proposal; an agreement holds once both confirmed it. */
  confirmAgreement(partner: string, exercise: string, proposal: string): AttuneEvent;
  /** Records a private safety check; when it signals risk, exercises that need safety rest for both. */
  takeSafetyCheck(
    partner: string,
    exercise: string,
    answers: Readonly<Record<string, boolean>>,
  ): AttuneEvent;
  /** Pauses the program for both partners; nothing is lost and rhythm is frozen. */
  pause(partner: string): AttuneEvent;
  /** Resumes a paused program. Either partner can. */
  resume(partner: string): AttuneEvent;
  /** Records that a partner leaves the program alone; their data stays theirs to export. */
  leave(partner: string): AttuneEvent;
  /**
   * Records an event of a type one of the engine's plugins declared in `eventTypes`, with JSON data
   * (`shared` unless another visibility is given). Plugins call it from their own functions.
   */
  recordPluginEvent(
    partner: string,
    type: string,
    data: unknown,
    visibility?: Visibility,
  ): UnknownEvent;
}

/** The previous value when it is equal to the next one, so selectors see the same object. */
function same<T>(next: T, previous: T | undefined): T {
  return previous !== undefined && JSON.stringify(next) === JSON.stringify(previous)
    ? previous
    : next;
}

/** Keeps the identity of every part of the progress that did not change. */
function shareUnchanged(next: Progress, previous: Progress): Progress {
  const steps = next.steps.map((step, i) => same(step, previous.steps[i]));
  return {
    ...next,
    steps: steps.every((step, i) => step === previous.steps[i]) ? previous.steps : steps,
    rhythm: same(next.rhythm, previous.rhythm),
    checkIns: same(next.checkIns, previous.checkIns),
    diagnostics: same(next.diagnostics, previous.diagnostics),
  };
}

function notAllowed(field: string, message: string, fix: string): never {
  throw new AttuneEventError('not-allowed', field, message, fix);
}

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
    throw new AttunePluginError(
      plugins.map((plugin, i) => ({
        plugin: typeof plugin?.name === 'string' ? plugin.name : `plugins[${i}]`,
        code: 'invalid-plugin',
        path: '',
        message: 'This plugin was not made with definePlugin.',
        fix: 'Pass what definePlugin of the @attune/core the engine comes from returns.',
      })),
    );
  }
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
  const exercises = new Map<string, { exercise: Exercise; step: string }>();
  for (const step of program.steps) {
    for (const exercise of step.exercises) exercises.set(exercise.id, { exercise, step: step.id });
  }
  const foldContext: FoldContext = {
    timeZones: new Map(couple.partners.map((partner) => [partner.id, partner.timeZone])),
    exercises: new Set(exercises.keys()),
  };
  const listeners = new Set<() => void>();
  let seq = 0;
  let version = 0;
  let progress: Progress | undefined;
  // The facts the last progress was computed from, with the completions plugin kinds recognise.
  let progressFacts: Facts = facts;
  // The previous results, kept across changes so unchanged parts keep their identity.
  let lastProgress: Progress | undefined;
  const lastViews = new Map<string, PartnerView>();
  let snapshot: EngineSnapshot | undefined;
  let computedAt = 0;
  const views = new Map<string, PartnerView>();
  // Each partner's view entries, with the length of the log they were built from.
  const viewEntries = new Map<string, { events: number; entries: readonly ViewEntry[] }>();

  const checkContext = () => ({ partners, latestWall: now() + (options.maxFutureMs ?? DAY) });

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

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
    runtime?.fold(event);
    if (event.device === device && event.seq > seq) seq = event.seq;
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
      let next = computeProgress(progressFacts, {
        program,
        couple,
        now: computedAt,
        divergenceThreshold: options.divergenceThreshold ?? 2,
        ...(runtime && { evaluateCustom: runtime.evaluateCustom }),
      });
      if (runtime) next = runtime.end(next);
      progress = lastProgress ? shareUnchanged(next, lastProgress) : next;
      lastProgress = progress;
    }
    return progress;
  };

  const knownPartner = (partner: string) => checkPartner(partner, partners);

  /** Finds an exercise a partner may work on now, or explains why not. */
  const usable = (partner: string, id: string, kind?: Exercise['kind']): Exercise => {
    knownPartner(partner);
    const found = exercises.get(id);
    if (!found) {
      throw new AttuneEventError(
        'malformed',
        'data.exercise',
        `The program has no exercise "${id}"`,
        'Use the id of an exercise in the program.',
      );
    }
    if (kind && found.exercise.kind !== kind) {
      throw new AttuneEventError(
        'malformed',
        'data.exercise',
        `"${id}" is a ${found.exercise.kind} exercise, not a ${kind}`,
        `Record ${found.exercise.kind} events for it.`,
      );
    }
    if (found.exercise.kind === 'safety-check') return found.exercise;
    const state = currentProgress();
    if (state.paused && !program.alwaysOpen.includes(found.step)) {
      notAllowed('data.exercise', 'The program is paused', 'Resume the program first.');
    }
    const step = state.steps.find((candidate) => candidate.id === found.step);
    if (step?.status === 'locked') {
      notAllowed(
        'data.exercise',
        `Step "${found.step}" is not open yet`,
        "Read the step's unlock explanation to see what opens it.",
      );
    }
    if (step?.resting.includes(id)) {
      notAllowed('data.exercise', `"${id}" is resting for now`, 'Try another exercise.');
    }
    return found.exercise;
  };

  const record = <T extends AttuneEventType>(
    partner: string,
    type: T,
    data: Extract<AttuneEvent, { type: T }>['data'],
    visibility: Visibility,
  ): Extract<AttuneEvent, { type: T }> => {
    knownPartner(partner);
    const event = checkEvent(
      {
        id: `${device}:${seq + 1}`,
        partner,
        device,
        seq: seq + 1,
        clock: clock.tick(),
        type,
        data,
        visibility,
      },
      checkContext(),
    ) as Extract<AttuneEvent, { type: T }>;
    runtime?.check(event);
    add(event);
    changed([event], 'recorded');
    return event;
  };

  const initial = options.events ?? [];
  const context = checkContext();
  const loaded = options.trusted
    ? (initial as readonly (AttuneEvent | UnknownEvent)[])
    : initial.map((input) => {
        const event = checkEvent(input, context);
        runtime?.check(event);
        return event;
      });
  // A plain loop: start-up folds every event once, and an iterator or a callback per event would
  // cost more than folding it.
  const added = log.load(loaded);
  for (let i = 0; i < added.length; i++) fold(added[i] as LoggedEvent);
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
    viewFor(partner) {
      knownPartner(partner);
      const cached = views.get(partner);
      if (cached) return cached;
      const state = currentProgress();
      const builtInDue = computeDue(
        progressFacts,
        program,
        couple,
        state.steps,
        partner,
        computedAt,
        state.paused,
      );
      const due = runtime ? runtime.reminders(partner, builtInDue, computedAt) : builtInDue;
      const ownSafetyConcern = safetyConcernOf(progressFacts, program, partner);
      const previous = lastViews.get(partner);
      // The log only grows, so a view of as many events as before has the same entries: the clock
      // moving on (`refresh`) rebuilds due items and the suggestion, not the entries.
      // The count stays out of the view itself: it would tell a partner how many events they
      // cannot see.
      const built = viewEntries.get(partner);
      const entries =
        built && built.events === log.events.length
          ? built.entries
          : viewEvents(log.events, partner);
      viewEntries.set(partner, { events: log.events.length, entries });
      let suggestion = suggestNext({
        program,
        facts: progressFacts,
        progress: state,
        partner,
        due,
        ownSafetyConcern,
      });
      // A plugin never overrides help for a partner at risk, nor rest while the program is paused.
      if (runtime && !ownSafetyConcern && !state.paused) {
        suggestion = runtime.suggest(partner, suggestion, due, computedAt);
      }
      const view: PartnerView = Object.freeze({
        partner,
        entries,
        suggestion: same(suggestion, previous?.suggestion),
        due: same(due, previous?.due),
        ownSafetyConcern,
      });
      views.set(partner, view);
      lastViews.set(partner, view);
      return view;
    },
    getEvents: () => log.events,
    now: () => now(),
    receive(events) {
      let added = 0;
      let duplicates = 0;
      const rejected: { index: number; error: AttuneEventError }[] = [];
      const context = checkContext();
      const checked: { event: AttuneEvent | UnknownEvent; index: number }[] = [];
      const addedEvents: LoggedEvent[] = [];
      events.forEach((input, index) => {
        try {
          const event = checkEvent(input, context);
          runtime?.check(event);
          checked.push({ event, index });
        } catch (error) {
          if (!(error instanceof AttuneEventError)) throw error;
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
          if (!(error instanceof AttuneEventError)) throw error;
          rejected.push({ index, error });
        }
      }
      rejected.sort((a, b) => a.index - b.index);
      if (added > 0) changed(addedEvents, 'received');
      return { added, duplicates, rejected };
    },
    refresh() {
      const before = JSON.stringify(engine.getSnapshot());
      const previous = snapshot;
      progress = undefined;
      snapshot = undefined;
      views.clear();
      const after = engine.getSnapshot();
      if (JSON.stringify({ ...after, version: previous?.version }) === before) snapshot = previous;
      else changed();
    },
    startExercise(partner, exercise, opts = {}) {
      usable(partner, exercise);
      return record(
        partner,
        'exercise-started',
        { exercise, together: opts.together ?? false },
        'shared',
      );
    },
    completeExercise(partner, exercise, opts = {}) {
      const found = usable(partner, exercise);
      if (opts.together && found.mode === 'solo') {
        notAllowed('data.together', `"${exercise}" is done alone`, 'Record it without `together`.');
      }
      return record(
        partner,
        'exercise-completed',
        { exercise, together: opts.together ?? false },
        'shared',
      );
    },
    answer(partner, exercise, prompt, text, visibility) {
      const found = usable(partner, exercise);
      return record(
        partner,
        'answer-recorded',
        { exercise, prompt, text },
        visibility ?? found.visibility,
      );
    },
    shareEntry(partner, entry) {
      knownPartner(partner);
      const target = log.get(entry);
      if (!target || target.partner !== partner || target.type === 'safety-check-taken') {
        notAllowed(
          'data.entry',
          'Only an entry of your own can be shared',
          'Pass the id of an entry you wrote.',
        );
      }
      return record(partner, 'entry-shared', { entry }, 'shared');
    },
    recordCheckIn(partner, exercise, scores) {
      const found = usable(partner, exercise, 'check-in') as Extract<
        Exercise,
        { kind: 'check-in' }
      >;
      for (const [dimension, score] of Object.entries(scores)) {
        if (!found.dimensions.some((candidate) => candidate.id === dimension)) {
          throw new AttuneEventError(
            'malformed',
            `data.scores.${dimension}`,
            `"${exercise}" has no dimension "${dimension}"`,
            `Use: ${found.dimensions.map((d) => d.id).join(', ')}.`,
          );
        }
        if (!Number.isFinite(score) || score < found.scale.min || score > found.scale.max) {
          throw new AttuneEventError(
            'malformed',
            `data.scores.${dimension}`,
            `The score ${score} is outside the scale ${found.scale.min}–${found.scale.max}`,
            'Pass a number within the scale.',
          );
        }
      }
      return record(
        partner,
        'check-in-recorded',
        { exercise, scores: { ...scores } },
        found.visibility,
      );
    },
    answerQuiz(partner, exercise, question, self, guess) {
      usable(partner, exercise, 'partner-quiz');
      return record(partner, 'quiz-answered', { exercise, question, self, guess }, 'sealed');
    },
    sendAppreciation(partner, exercise, text, starter) {
      usable(partner, exercise, 'appreciation');
      return record(
        partner,
        'appreciation-sent',
        { exercise, text, ...(starter === undefined ? {} : { starter }) },
        'shared',
      );
    },
    proposeAgreement(partner, exercise, fields) {
      usable(partner, exercise, 'agreement');
      return record(partner, 'agreement-proposed', { exercise, fields }, 'shared');
    },
    confirmAgreement(partner, exercise, proposal) {
      usable(partner, exercise, 'agreement');
      if (log.get(proposal)?.type !== 'agreement-proposed') {
        notAllowed(
          'data.proposal',
          `"${proposal}" is not a proposal`,
          'Pass the id of an agreement-proposed event.',
        );
      }
      return record(partner, 'agreement-confirmed', { exercise, proposal }, 'shared');
    },
    takeSafetyCheck(partner, exercise, answers) {
      usable(partner, exercise, 'safety-check');
      const event = record(
        partner,
        'safety-check-taken',
        { exercise, answers: { ...answers } },
        'private',
      );
      const concern = safetyConcernOf(facts, program, partner);
      const rest = facts.latestRest;
      if (concern && !rest?.data.active) record(partner, 'safety-rest', { active: true }, 'shared');
      // Only the partner whose check rested the exercises can wake them: the other never knew why.
      if (!concern && rest?.data.active && rest.partner === partner) {
        record(partner, 'safety-rest', { active: false }, 'shared');
      }
      return event;
    },
    pause: (partner) => record(partner, 'program-paused', {}, 'shared'),
    resume: (partner) => record(partner, 'program-resumed', {}, 'shared'),
    leave: (partner) => record(partner, 'partner-left', {}, 'shared'),
    recordPluginEvent(partner, type, data, visibility = 'shared') {
      if (!runtime?.eventTypes.has(type)) {
        notAllowed(
          'type',
          `No plugin of this engine declares the event type "${type}"`,
          "Declare it in the plugin's eventTypes, or record built-in events through their methods.",
        );
      }
      return record(partner, type as AttuneEventType, data as never, visibility) as UnknownEvent;
    },
  };
  return engine;
}
