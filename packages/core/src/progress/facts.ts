import type { AttuneEvent, UnknownEvent } from '../events/types.js';
import { isKnownEventType } from '../log/check-event.js';
import { compareEvents } from '../log/order.js';
import { localWeek } from '../time/zone.js';

type AnyEvent = AttuneEvent | UnknownEvent;

/** One partner's check-in, kept for trends. */
export interface CheckInFact {
  readonly event: AttuneEvent & { type: 'check-in-recorded' };
}

/**
 * What the fold keeps from the log: counts and latest states, updated event by event. Everything here
 * gives the same result whatever order events arrive in: counts are sums, and "latest" compares
 * events by the log's total order, not by arrival.
 */
export interface Facts {
  /** Exercise id → partner id → wall times of that partner's own completions. */
  readonly completions: Map<string, Map<string, number[]>>;
  /** Exercise id → wall times of completions done together. */
  readonly together: Map<string, number[]>;
  /** Exercise id → partners who started it. */
  readonly started: Map<string, Set<string>>;
  /** Exercise id → check-ins, in arrival order (sorted when read). */
  readonly checkIns: Map<string, CheckInFact[]>;
  /** Partner id → their latest safety check. Only a partner's own device holds it. */
  readonly safetyChecks: Map<string, AttuneEvent & { type: 'safety-check-taken' }>;
  /** The latest safety-rest event. */
  latestRest: (AttuneEvent & { type: 'safety-rest' }) | undefined;
  /** Pause and resume events (few), sorted when read. */
  readonly pauses: (AttuneEvent & { type: 'program-paused' | 'program-resumed' })[];
  readonly left: Set<string>;
  /** Week index → which partners practised that week, and whether they did something together. */
  readonly weeks: Map<number, { partners: Set<string>; together: boolean }>;
  /** Sealed answers: `exercise|prompt` → partners who answered. */
  readonly sealedAnswers: Map<string, Set<string>>;
  /** Unknown event types and how often they occurred. */
  readonly unknownTypes: Map<string, number>;
  /** Exercise ids referenced by events that the program does not have. */
  readonly unknownExercises: Set<string>;
  count: number;
}

/** An empty set of facts. */
export function createFacts(): Facts {
  return {
    completions: new Map(),
    together: new Map(),
    started: new Map(),
    checkIns: new Map(),
    safetyChecks: new Map(),
    latestRest: undefined,
    pauses: [],
    left: new Set(),
    weeks: new Map(),
    sealedAnswers: new Map(),
    unknownTypes: new Map(),
    unknownExercises: new Set(),
    count: 0,
  };
}

/** What folding needs to know besides the event. */
export interface FoldContext {
  /** Partner id → time zone, to count weeks in each partner's calendar. */
  readonly timeZones: ReadonlyMap<string, string>;
  /** Exercise ids of the program. */
  readonly exercises: ReadonlySet<string>;
}

/** The value for a key, created on first use. */
function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function practised(facts: Facts, event: AnyEvent, together: boolean, context: FoldContext): void {
  const week = localWeek(context.timeZones.get(event.partner) ?? 'UTC', event.clock.wall);
  const practice = entry(facts.weeks, week, () => ({
    partners: new Set<string>(),
    together: false,
  }));
  practice.partners.add(event.partner);
  if (together) practice.together = true;
}

function noteExercise(facts: Facts, exercise: string, context: FoldContext): void {
  if (!context.exercises.has(exercise)) facts.unknownExercises.add(exercise);
}

/** Folds one event into the facts. Call once per event; duplicates are filtered by the log. */
export function foldEvent(facts: Facts, event: AnyEvent, context: FoldContext): void {
  facts.count++;
  if (!isKnownEventType(event.type)) {
    facts.unknownTypes.set(event.type, (facts.unknownTypes.get(event.type) ?? 0) + 1);
    return;
  }
  const known = event as AttuneEvent;
  switch (known.type) {
    case 'exercise-completed': {
      const { exercise, together } = known.data;
      noteExercise(facts, exercise, context);
      if (together) {
        entry(facts.together, exercise, () => []).push(known.clock.wall);
      } else {
        const byPartner = entry(facts.completions, exercise, () => new Map<string, number[]>());
        entry(byPartner, known.partner, () => []).push(known.clock.wall);
      }
      practised(facts, known, together, context);
      return;
    }
    case 'exercise-started': {
      noteExercise(facts, known.data.exercise, context);
      entry(facts.started, known.data.exercise, () => new Set<string>()).add(known.partner);
      return;
    }
    case 'check-in-recorded': {
      noteExercise(facts, known.data.exercise, context);
      entry(facts.checkIns, known.data.exercise, (): CheckInFact[] => []).push({ event: known });
      // Answering a check-in is doing it: it counts as that partner's completion.
      const byPartner = entry(
        facts.completions,
        known.data.exercise,
        () => new Map<string, number[]>(),
      );
      entry(byPartner, known.partner, () => []).push(known.clock.wall);
      practised(facts, known, false, context);
      return;
    }
    case 'answer-recorded': {
      if (known.visibility === 'sealed') {
        const key = `${known.data.exercise}|${known.data.prompt}`;
        entry(facts.sealedAnswers, key, () => new Set<string>()).add(known.partner);
      }
      return;
    }
    case 'quiz-answered': {
      const key = `${known.data.exercise}|${known.data.question}`;
      entry(facts.sealedAnswers, key, () => new Set<string>()).add(known.partner);
      return;
    }
    case 'safety-check-taken': {
      const previous = facts.safetyChecks.get(known.partner);
      if (!previous || compareEvents(previous, known) < 0)
        facts.safetyChecks.set(known.partner, known);
      return;
    }
    case 'safety-rest': {
      if (!facts.latestRest || compareEvents(facts.latestRest, known) < 0) facts.latestRest = known;
      return;
    }
    case 'program-paused':
    case 'program-resumed':
      facts.pauses.push(known);
      return;
    case 'partner-left':
      facts.left.add(known.partner);
      return;
    default:
      return;
  }
}
