import type { LoggedEvent } from '../events/types.js';
import { AttuneEventError } from '../log/event-error.js';
import { compareEvents } from '../log/order.js';
import type { Couple } from '../program/couple.js';
import type { Program } from '../program/types.js';
import type { Progress } from '../progress/compute.js';
import type { Facts } from '../progress/facts.js';
import type { Diagnostic, EngineSnapshot, ReminderIntent, Suggestion } from '../progress/types.js';
import type { RuleContext } from '../rules/evaluate.js';
import type { RuleExplanation } from '../rules/types.js';
import { formatLocal, localWeek, toLocal } from '../time/zone.js';
import { type AccessContext, mayRead, unobservedTypes } from '../visibility/policy.js';
import { frozenCopy } from './frozen-copy.js';
import { isolate } from './isolate.js';
import { mergeProgram } from './merge-program.js';
import { AttunePluginError } from './plugin-error.js';
import {
  type RecognisedCompletion,
  recogniseCompletions,
  type TrackedExercise,
} from './recognise-completions.js';
import type {
  AttunePlugin,
  PluginViewContext,
  ReminderRequest,
  RuleKindDefinition,
} from './types.js';
import { validatePlugins } from './validate-plugins.js';

/** What the runtime needs from the engine it serves. */
export interface PluginRuntimeOptions {
  readonly program: Program;
  readonly couple: Couple;
  readonly plugins: readonly AttunePlugin[];
  /** The engine's current snapshot, for what plugins see. */
  snapshot(): EngineSnapshot;
  /** Called when a plugin failed outside a progress computation, so the engine shows it. */
  failed(): void;
}

/** The plugins of one engine, validated and wired to the engine's hooks. */
export interface PluginRuntime {
  /** The program with the plugins' steps merged in. */
  readonly program: Program;
  /** Event types the plugins declared. */
  readonly eventTypes: ReadonlySet<string>;
  /**
   * Refuses an event of a plugin's type whose data its plugin's `checkEventData` finds wrong.
   *
   * @throws `AttuneEventError` naming the field at fault.
   */
  check(event: LoggedEvent): void;
  /** Takes note of an event the engine added. */
  fold(event: LoggedEvent): void;
  /** Starts a progress computation: the facts with the completions plugin kinds recognise. */
  begin(facts: Facts): Facts;
  /** Evaluates a plugin's rule kind, isolated. */
  evaluateCustom(rule: { readonly kind: string }, context: RuleContext): RuleExplanation;
  /** Ends a progress computation: plugins' diagnostics in, their own event types not reported. */
  end(progress: Progress): Progress;
  /** Shows newly added events to the plugins' observers; absent when no plugin observes. */
  readonly observe?: (events: readonly LoggedEvent[], origin: 'recorded' | 'received') => void;
  /** The progress diagnostics with the failures of plugins outside progress computations. */
  diagnostics(progress: readonly Diagnostic[]): readonly Diagnostic[];
  /** A partner's reminders with the plugins' ones. */
  reminders(
    partner: string,
    due: readonly ReminderIntent[],
    now: number,
  ): readonly ReminderIntent[];
  /** A partner's suggestion, a plugin's in place of the engine's where one applies. */
  suggest(
    partner: string,
    suggestion: Suggestion,
    due: readonly ReminderIntent[],
    now: number,
  ): Suggestion;
}

/**
 * Validates an engine's plugins and wires them up. `definePlugin` gives it to every plugin, and
 * `createEngine` calls it through them when it is given plugins, so it is bundled only with them.
 *
 * @throws {@link AttunePluginError} with every problem, when the plugins cannot run.
 */
export function createPluginRuntime(options: PluginRuntimeOptions): PluginRuntime {
  const { plugins, couple } = options;
  const problems = validatePlugins(plugins, options.program);
  if (problems.length > 0) throw new AttunePluginError(problems);
  const program = mergeProgram(options.program, plugins);
  const partners = couple.partners.map((partner) => partner.id);
  const having = <K extends keyof AttunePlugin>(key: K) => plugins.filter((plugin) => plugin[key]);

  // Failures outside progress computations stay until the engine goes; each is reported once.
  const failures: Diagnostic[] = [];
  const failed = (failure: Diagnostic) => {
    if (failures.some((known) => known.message === failure.message)) return;
    failures.push(failure);
    options.failed();
  };
  let ruleFailures: Diagnostic[] = [];

  const eventTypes = new Set(plugins.flatMap((plugin) => plugin.eventTypes ?? []));
  // Each type's plugin; validation made sure every type starts with its plugin's name.
  const typeOwners = new Map(
    plugins.flatMap((plugin) => (plugin.eventTypes ?? []).map((type) => [type, plugin] as const)),
  );
  // Plugins read their events in the shape their own version reads; the log keeps them as recorded.
  const upgraded = (event: LoggedEvent): LoggedEvent => {
    const plugin = typeOwners.get(event.type);
    if (!plugin?.upgradeEventData) return event;
    return isolate(
      plugin.name,
      `its upgradeEventData for "${event.type}"`,
      () => ({ ...event, data: plugin.upgradeEventData?.(event.type, event.data) }),
      event,
      failed,
    );
  };
  // Event types whose events count toward a plugin kind's completion.
  const completionTypes = new Set(
    plugins.flatMap((plugin) =>
      (plugin.exerciseKinds ?? []).flatMap((kind) => kind.completionEvents ?? []),
    ),
  );
  const ownEvents = new Map<string, LoggedEvent[]>();
  const sortedEvents = new Map<string, readonly LoggedEvent[]>();
  const eventsOf = (type: string): readonly LoggedEvent[] => {
    let events = sortedEvents.get(type);
    if (!events) {
      events = Object.freeze([...(ownEvents.get(type) ?? [])].sort(compareEvents));
      sortedEvents.set(type, events);
    }
    return events;
  };

  const ruleKinds = new Map<string, { plugin: string; kind: RuleKindDefinition }>();
  for (const plugin of plugins) {
    for (const kind of plugin.ruleKinds ?? [])
      ruleKinds.set(kind.kind, { plugin: plugin.name, kind });
  }

  const tracked = new Map<string, TrackedExercise>();
  const stepOf = new Map<string, string>();
  for (const step of program.steps) {
    for (const exercise of step.exercises) {
      stepOf.set(exercise.id, step.id);
      for (const plugin of plugins) {
        const kind = plugin.exerciseKinds?.find((candidate) => candidate.kind === exercise.kind);
        if (kind?.completedWhen) {
          tracked.set(exercise.id, { exercise, plugin: plugin.name, kind, answers: [] });
        }
      }
    }
  }
  let recognised: Map<string, RecognisedCompletion[]> | undefined;
  const timeZoneOf = new Map(couple.partners.map((partner) => [partner.id, partner.timeZone]));

  // `entry|author` of readable shares, and the authors of plugin events, for the visibility policy.
  const shares = new Set<string>();
  const authors = new Map<string, string>();
  const viewEventsOf = new Map<string, Map<string, readonly LoggedEvent[]>>();
  // What a plugin sees for one partner goes through the visibility policy, as the partner's view does.
  const partnerEventsOf = (partner: string) => {
    const context: AccessContext = {
      shares,
      answered: new Set(),
      authorOf: (id) => authors.get(id),
    };
    let byType = viewEventsOf.get(partner);
    if (!byType) {
      byType = new Map();
      viewEventsOf.set(partner, byType);
    }
    const cache = byType;
    return (type: string): readonly LoggedEvent[] => {
      let events = cache.get(type);
      if (!events) {
        events = Object.freeze(eventsOf(type).filter((event) => mayRead(event, partner, context)));
        cache.set(type, events);
      }
      return events;
    };
  };
  const viewContext = (partner: string, now: number): PluginViewContext => ({
    partner,
    program,
    couple,
    snapshot: options.snapshot(),
    now,
    eventsOf: partnerEventsOf(partner),
  });
  const restingIn = (snapshot: EngineSnapshot) =>
    new Set(snapshot.steps.flatMap((step) => step.resting));

  const observers = having('observe');
  const reminding = having('reminders');
  const suggesting = having('suggest');

  return {
    program,
    eventTypes,
    check(event) {
      const plugin = typeOwners.get(event.type);
      if (!plugin?.checkEventData) return;
      const { data } = upgraded(event);
      const problems = isolate(
        plugin.name,
        `its checkEventData for "${event.type}"`,
        () => plugin.checkEventData?.(event.type, data) ?? [],
        [],
        failed,
      );
      const problem = problems[0];
      if (problem) {
        throw new AttuneEventError(
          'malformed',
          problem.path ? `data.${problem.path}` : 'data',
          `${problem.message} (checked by plugin "${plugin.name}")`,
          problem.fix,
        );
      }
    },
    fold(event) {
      if (event.type === 'entry-shared') {
        shares.add(`${(event.data as { readonly entry: string }).entry}|${event.partner}`);
        viewEventsOf.clear();
      }
      if (event.type === 'answer-recorded') {
        const exercise = tracked.get((event.data as { readonly exercise: string }).exercise);
        if (exercise) {
          exercise.answers.push(event);
          recognised = undefined;
        }
      } else if (eventTypes.has(event.type)) {
        const events = ownEvents.get(event.type) ?? [];
        ownEvents.set(event.type, events);
        events.push(frozenCopy(upgraded(event)));
        authors.set(event.id, event.partner);
        sortedEvents.delete(event.type);
        viewEventsOf.clear();
        if (completionTypes.has(event.type)) recognised = undefined;
      }
    },
    begin(facts) {
      ruleFailures = [];
      if (tracked.size === 0) return facts;
      recognised ??= recogniseCompletions(tracked.values(), partners, eventsOf, failed);
      const together = new Map(facts.together);
      // A recognised completion is practice done together, so its week counts toward the rhythm,
      // in the time zone of the partner whose answer completed it, as the fold counts any other.
      const weeks = new Map(facts.weeks);
      for (const [exercise, completions] of recognised) {
        const walls = completions.map((completion) => completion.wall);
        together.set(exercise, [...(facts.together.get(exercise) ?? []), ...walls]);
        for (const { wall, partner } of completions) {
          const week = localWeek(timeZoneOf.get(partner) ?? 'UTC', wall);
          const practice = weeks.get(week);
          weeks.set(week, {
            partners: new Set([...(practice?.partners ?? []), partner]),
            together: true,
          });
        }
      }
      return { ...facts, together, weeks };
    },
    evaluateCustom(rule, context) {
      const failedRule: RuleExplanation = {
        kind: rule.kind,
        holds: false,
        key: 'common:explain.unknown',
        params: { kind: rule.kind },
      };
      const entry = ruleKinds.get(rule.kind);
      if (!entry) return failedRule;
      return isolate(
        entry.plugin,
        `its rule kind "${rule.kind}"`,
        (): RuleExplanation => {
          const outcome = entry.kind.evaluate(rule as never, { ...context, eventsOf });
          return { params: {}, ...outcome, kind: rule.kind, holds: outcome.holds === true };
        },
        failedRule,
        (failure) => {
          if (!ruleFailures.some((known) => known.message === failure.message)) {
            ruleFailures.push(failure);
          }
        },
      );
    },
    end(progress) {
      const diagnostics = progress.diagnostics.filter(
        (diagnostic) =>
          !(diagnostic.code === 'unknown-event-type' && eventTypes.has(diagnostic.subject)),
      );
      return ruleFailures.length === 0 && diagnostics.length === progress.diagnostics.length
        ? progress
        : { ...progress, diagnostics: [...diagnostics, ...ruleFailures] };
    },
    ...(observers.length > 0 && {
      observe(events: readonly LoggedEvent[], origin: 'recorded' | 'received') {
        for (const event of events) {
          // Whether a partner took a safety check, or rests, is theirs alone; no plugin learns it.
          if (unobservedTypes.has(event.type)) continue;
          const frozen = frozenCopy(upgraded(event));
          for (const plugin of observers) {
            isolate(
              plugin.name,
              'its event observer',
              () => plugin.observe?.(frozen, { origin }),
              undefined,
              failed,
            );
          }
        }
      },
    }),
    diagnostics: (progress) => (failures.length === 0 ? progress : [...progress, ...failures]),
    reminders(partner, due, now) {
      if (reminding.length === 0) return due;
      const context = viewContext(partner, now);
      const { snapshot } = context;
      if (snapshot.paused || snapshot.left.includes(partner)) return due;
      const timeZone =
        couple.partners.find((candidate) => candidate.id === partner)?.timeZone ?? 'UTC';
      const resting = restingIn(snapshot);
      const reminderContext = {
        ...context,
        due,
        reminder: (request: ReminderRequest): ReminderIntent => ({
          id: request.id,
          partner,
          exercise: request.exercise,
          step: stepOf.get(request.exercise) ?? '',
          state: request.at <= now ? 'due' : 'upcoming',
          at: request.at,
          localTime: formatLocal(toLocal(timeZone, request.at)),
          timeZone,
          messageKey: request.messageKey,
          params: request.params ?? {},
        }),
      };
      const added = reminding.flatMap((plugin) =>
        isolate(
          plugin.name,
          'its reminders',
          () => [...(plugin.reminders?.(reminderContext) ?? [])],
          [],
          failed,
        ).filter((intent) => !resting.has(intent.exercise)),
      );
      return [...due, ...added].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    },
    suggest(partner, suggestion, due, now) {
      if (suggesting.length === 0) return suggestion;
      const context = { ...viewContext(partner, now), due, suggestion };
      const resting = restingIn(context.snapshot);
      for (const plugin of suggesting) {
        const own = isolate(
          plugin.name,
          'its suggestion strategy',
          () => plugin.suggest?.(context),
          undefined,
          failed,
        );
        // Safety first: a plugin never sends a partner to an exercise that is resting.
        if (own && !(own.exercise !== null && resting.has(own.exercise))) return own;
      }
      return suggestion;
    },
  };
}
