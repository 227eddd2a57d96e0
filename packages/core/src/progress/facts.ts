import type { AttuneEvent, UnknownEvent } from '../events/types.js';
import { MAX_WALL, MIN_WALL } from '../log/bounds.js';
import { isKnownEventType } from '../log/check-event.js';
import { shown } from '../log/event-error.js';
import { compareEvents } from '../log/order.js';
import { localWeek } from '../time/zone.js';

type AnyEvent = AttuneEvent | UnknownEvent;
type Toggle = AttuneEvent & { type: 'program-paused' | 'program-resumed' };
type Rest = AttuneEvent & { type: 'safety-rest' };

/** An event the fold left out, because it could not be folded, and why. */
export interface SkippedEvent {
  readonly id: string;
  readonly reason: string;
}

/** A sealed answer held whole, that its author may reveal. */
export interface SealedEntry {
  /** The answer's id. */
  readonly id: string;
  readonly partner: string;
  readonly type: 'answer-recorded' | 'quiz-answered' | 'check-in-recorded';
  readonly exercise: string;
  readonly prompt: string;
}

/** One sealed prompt of an exercise: who answered it, and which answers held here wait. */
export interface SealedPrompt {
  /** Partners who answered it. */
  readonly answered: Set<string>;
  /**
   * Sealed answers this device holds whole and their authors have not revealed, while no other
   * partner answered the prompt yet: by author. Only their author's devices hold such answers; most
   * leave soon, as they open once both answered.
   */
  readonly awaiting: Map<string, SealedEntry[]>;
}

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
  /**
   * Partner id → that partner's own rest events (each rests or wakes the exercises that need
   * safety), in log order. A rest event only ever counts for the partner who recorded it: one
   * partner's wake never ends the other's rest. See {@link latestRestOf} and {@link restInEffect}.
   */
  readonly rests: Map<string, Rest[]>;
  /**
   * Pause and resume events (few), each where it takes effect: a pause or resume that names the one
   * it follows (`data.follows`) is placed right after it — as a copy with a later clock — when its own
   * clock would put it before, so a partner can always resume a pause stamped by a clock far in the
   * future. Sorted when read.
   */
  readonly pauses: readonly Toggle[];
  /** The same pauses and resumes as they arrived, each as it was recorded. */
  readonly toggles: Toggle[];
  /**
   * Events the fold left out: those whose clock lies outside the bounds every check holds events to,
   * or whose data it could not read. Only events started from as `trusted` can be such.
   */
  readonly skipped: SkippedEvent[];
  readonly left: Set<string>;
  /** Week index → which partners practised that week, and whether they did something together. */
  readonly weeks: Map<number, { partners: Set<string>; together: boolean }>;
  /**
   * Sealed prompts, by exercise, then prompt: who answered each, from each answer's mark or from the
   * answer itself, whichever a device holds (the other partner's devices hold only marks until an
   * answer is revealed), and the answers held here that wait. A check-in's prompt is its round
   * (`round-2`). Read with {@link heldPrompt}.
   */
  readonly sealedPrompts: Map<string, Map<string, SealedPrompt>>;
  /** The prompt of each answer that waits in a {@link SealedPrompt.awaiting}, by the answer's id. */
  readonly awaitingIds: Map<string, SealedPrompt>;
  /** The unrevealed ones the other partner answered too, by id: what waits to be revealed. */
  readonly revealable: Map<string, SealedEntry>;
  /**
   * Every share, by its author: the ids of the entries each partner shared (a share opens only an
   * entry of its own author's). Read with {@link isSharedBy}.
   */
  readonly shares: Map<string, Set<string>>;
  /**
   * The shares, by author, that came when this device held no sealed answer of that id waiting:
   * shares of private entries, and shares folded before the answer they open. A sealed answer
   * folded later looks here, not through every share, to learn whether it is open already.
   */
  readonly sharesAhead: Map<string, Set<string>>;
  /** Ids of the sealed check-ins held whole, for their marks to find. */
  readonly sealedCheckIns: Set<string>;
  /** `id|author` of the sealed check-ins counted as done, from their mark or the check-in. */
  readonly countedSealed: Set<string>;
  /** Unknown event types and how often they occurred. */
  readonly unknownTypes: Map<string, number>;
  /** Exercise ids referenced by events that the program does not have. */
  readonly unknownExercises: Set<string>;
  count: number;
}

/** An empty set of facts. */
export function createFacts(): Facts {
  const toggles: Toggle[] = [];
  let placed: readonly Toggle[] = [];
  return {
    completions: new Map(),
    together: new Map(),
    started: new Map(),
    checkIns: new Map(),
    safetyChecks: new Map(),
    rests: new Map(),
    // Placed when first read after one arrived (they only ever arrive): once per progress, however
    // many arrived meanwhile.
    get pauses() {
      if (placed.length !== toggles.length) placed = placeToggles(toggles);
      return placed;
    },
    toggles,
    skipped: [],
    left: new Set(),
    weeks: new Map(),
    sealedPrompts: new Map(),
    awaitingIds: new Map(),
    revealable: new Map(),
    shares: new Map(),
    sharesAhead: new Map(),
    sealedCheckIns: new Set(),
    countedSealed: new Set(),
    unknownTypes: new Map(),
    unknownExercises: new Set(),
    count: 0,
  };
}

/**
 * Places pauses and resumes in the order they take effect: by the log's order, except that one naming
 * another it follows goes right after that one when its own clock would put it before. Depends only
 * on which events are held, so every device places them alike. A device can only name one it already
 * held, so names never loop; should some, walking from the earliest of them in log order, the name
 * that would close the loop is ignored.
 */
function placeToggles(arrived: readonly Toggle[]): readonly Toggle[] {
  const inOrder = [...arrived].sort(compareEvents);
  const byId = new Map(inOrder.map((toggle) => [toggle.id, toggle]));
  const placed = new Map<Toggle, Toggle>();
  for (const start of inOrder) {
    // Walk back along the names to one already placed, or one that names nothing held.
    const chain: Toggle[] = [];
    const onChain = new Set<Toggle>();
    let at: Toggle | undefined = start;
    while (at && !placed.has(at) && !onChain.has(at)) {
      chain.push(at);
      onChain.add(at);
      // Trusted stored data is unchecked: it may be missing, and what is not a string names nothing.
      const follows: unknown = at.data?.follows;
      at = typeof follows === 'string' ? byId.get(follows) : undefined;
    }
    let before = at && placed.get(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const own = chain[i] as Toggle;
      const where: Toggle =
        before && compareEvents(before, own) >= 0
          ? { ...own, clock: { wall: before.clock.wall, counter: before.clock.counter + 1 } }
          : own;
      placed.set(own, where);
      before = where;
    }
  }
  return inOrder.map((toggle) => placed.get(toggle) as Toggle).sort(compareEvents);
}

/**
 * A partner's latest rest event by log order, whether it has taken effect yet or not: what they last
 * chose, resting or waking.
 */
export function latestRestOf(facts: Facts, partner: string): Rest | undefined {
  const rests = facts.rests.get(partner);
  return rests?.[rests.length - 1];
}

/**
 * The rest event of a partner in effect at `now`: their latest by log order among those whose clock
 * has come (`clock.wall <= now`). A rest is recorded for the next quarter hour (see
 * `engine/safety-rest.ts`), so the latest one may not have taken effect yet.
 */
export function restInEffect(facts: Facts, partner: string, now: number): Rest | undefined {
  const rests = facts.rests.get(partner);
  if (!rests) return undefined;
  // Log order sorts by wall time first: the first rest past `now`, found by halving.
  let low = 0;
  let high = rests.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((rests[middle] as Rest).clock.wall <= now) low = middle + 1;
    else high = middle;
  }
  return rests[low - 1];
}

/** Adds a rest event to its partner's list, keeping it in log order (usually at the end). */
function addRest(facts: Facts, rest: Rest): void {
  const rests = facts.rests.get(rest.partner);
  if (!rests) {
    facts.rests.set(rest.partner, [rest]);
    return;
  }
  let low = 0;
  let high = rests.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareEvents(rests[middle] as Rest, rest) < 0) low = middle + 1;
    else high = middle;
  }
  if (low === rests.length) rests.push(rest);
  else rests.splice(low, 0, rest);
}

/** What folding needs to know besides the event. */
export interface FoldContext {
  /** Partner id → time zone, to count weeks in each partner's calendar. */
  readonly timeZones: ReadonlyMap<string, string>;
  /** Exercise ids of the program. */
  readonly exercises: ReadonlySet<string>;
}

// The fold runs once per event at start-up, a million times for a long log: it creates no closures
// and no objects unless a key is new, so that folding stays clear of the garbage collector.

/** Adds a wall time to a list in a map; true when the list is new. */
function pushTo(map: Map<string, number[]>, key: string, wall: number): boolean {
  const list = map.get(key);
  if (list) list.push(wall);
  else map.set(key, [wall]);
  return !list;
}

/** Adds a partner to a set in a map; true when the set is new. */
function addTo(map: Map<string, Set<string>>, key: string, partner: string): boolean {
  const set = map.get(key);
  if (set) set.add(partner);
  else map.set(key, new Set([partner]));
  return !set;
}

/** True the first time a sealed check-in is seen, from itself or from its mark. */
function countOnce(facts: Facts, id: string, partner: string): boolean {
  const key = `${id}|${partner}`;
  if (facts.countedSealed.has(key)) return false;
  facts.countedSealed.add(key);
  return true;
}

/** The sealed prompt `prompt` of `exercise`, if anyone answered it. */
export function heldPrompt(
  facts: Facts,
  exercise: string,
  prompt: string,
): SealedPrompt | undefined {
  return facts.sealedPrompts.get(exercise)?.get(prompt);
}

/** Whether a partner other than `partner` answered a sealed prompt. */
export function answeredByOther(at: SealedPrompt | undefined, partner: string): boolean {
  if (!at) return false;
  for (const each of at.answered) if (each !== partner) return true;
  return false;
}

// Two lookups by strings the events already hold, rather than one by a string joined for it: a
// joined key is made, hashed and thrown away for every sealed answer, mark and reveal folded.
function promptFor(facts: Facts, exercise: string, prompt: string): SealedPrompt {
  let prompts = facts.sealedPrompts.get(exercise);
  if (!prompts) {
    prompts = new Map();
    facts.sealedPrompts.set(exercise, prompts);
  }
  let at = prompts.get(prompt);
  if (!at) {
    at = { answered: new Set(), awaiting: new Map() };
    prompts.set(prompt, at);
  }
  return at;
}

/** Notes a sealed answer this device holds whole, and whether it can be revealed yet. */
function holdSealed(
  facts: Facts,
  at: SealedPrompt,
  id: string,
  partner: string,
  type: SealedEntry['type'],
  exercise: string,
  prompt: string,
): void {
  // Its author shares it after recording it, so a share is nearly always folded after the answer
  // (see `revealed`); only one folded first is among the shares ahead.
  if (facts.sharesAhead.get(partner)?.has(id)) return;
  const entry: SealedEntry = { id, partner, type, exercise, prompt };
  if (answeredByOther(at, partner)) {
    facts.revealable.set(id, entry);
    return;
  }
  const waiting = at.awaiting.get(partner);
  if (waiting) waiting.push(entry);
  else at.awaiting.set(partner, [entry]);
  facts.awaitingIds.set(id, at);
}

/** Whether `partner` shared the entry `id`. */
export function isSharedBy(facts: Facts, id: string, partner: string): boolean {
  return facts.shares.get(partner)?.has(id) === true;
}

/** Notes that a partner answered a sealed prompt: the other partner's answers to it may open now. */
function answeredSealed(facts: Facts, at: SealedPrompt, partner: string): void {
  at.answered.add(partner);
  if (at.awaiting.size === 0) return;
  for (const [author, waiting] of at.awaiting) {
    if (author === partner) continue;
    for (const entry of waiting) {
      facts.revealable.set(entry.id, entry);
      facts.awaitingIds.delete(entry.id);
    }
    at.awaiting.delete(author);
  }
}

/**
 * Notes that an author shared an entry: a sealed answer of theirs that waited waits no more. A share
 * that finds none is kept among the shares ahead, for an answer folded after it.
 */
function revealed(facts: Facts, id: string, partner: string): void {
  if (facts.revealable.get(id)?.partner === partner) {
    facts.revealable.delete(id);
    return;
  }
  // Revealed before the other partner answered, as a modified app may: rare, so found by a scan.
  const waiting = facts.awaitingIds.get(id)?.awaiting.get(partner);
  const index = waiting?.findIndex((entry) => entry.id === id) ?? -1;
  if (!waiting || index < 0) {
    addTo(facts.sharesAhead, partner, id);
    return;
  }
  waiting.splice(index, 1);
  facts.awaitingIds.delete(id);
}

/** Counts a partner's own completion of an exercise; true when it is the exercise's first. */
function completed(facts: Facts, exercise: string, partner: string, wall: number): boolean {
  const byPartner = facts.completions.get(exercise);
  if (byPartner) pushTo(byPartner, partner, wall);
  else facts.completions.set(exercise, new Map([[partner, [wall]]]));
  return !byPartner;
}

function practised(facts: Facts, event: AnyEvent, together: boolean, context: FoldContext): void {
  const week = localWeek(context.timeZones.get(event.partner) ?? 'UTC', event.clock.wall);
  const practice = facts.weeks.get(week);
  if (!practice) facts.weeks.set(week, { partners: new Set([event.partner]), together });
  else {
    practice.partners.add(event.partner);
    if (together) practice.together = true;
  }
}

// Called when an exercise id becomes a key of one of the facts' maps: every event that names an
// exercise adds it to one, so looking the id up once per map, not once per event, finds them all.
function noteExercise(facts: Facts, exercise: string, context: FoldContext): void {
  if (!context.exercises.has(exercise)) facts.unknownExercises.add(exercise);
}

/**
 * Folds one event into the facts. Call once per event; duplicates are filtered by the log. An event
 * that cannot be folded — a clock outside the bounds, data of the wrong shape, which only an event
 * started from as `trusted` can have — is left out and listed in `facts.skipped`; it never throws.
 */
export function foldEvent(facts: Facts, event: AnyEvent, context: FoldContext): void {
  const wall = event.clock?.wall;
  // Calendar arithmetic on a time outside the bounds throws, and only such a time would.
  if (!(Number.isSafeInteger(wall) && wall >= MIN_WALL && wall <= MAX_WALL)) {
    facts.skipped.push({
      id: shown(event.id),
      reason: `its clock (${shown(wall)}) is out of range`,
    });
    return;
  }
  try {
    foldChecked(facts, event, context);
  } catch (error) {
    facts.skipped.push({
      id: shown(event.id),
      reason: error instanceof Error ? error.message : shown(error),
    });
  }
}

// Progress reads these later, outside the fold: one that is not an object is skipped here instead.
function objectAt(value: unknown, what: string): void {
  if (typeof value !== 'object' || value === null) throw new Error(`its ${what} are not an object`);
}

function foldChecked(facts: Facts, event: AnyEvent, context: FoldContext): void {
  facts.count++;
  const known = event as AttuneEvent;
  switch (known.type) {
    case 'exercise-completed': {
      const { exercise, together } = known.data;
      const first = together
        ? pushTo(facts.together, exercise, known.clock.wall)
        : completed(facts, exercise, known.partner, known.clock.wall);
      if (first) noteExercise(facts, exercise, context);
      practised(facts, known, together, context);
      return;
    }
    case 'exercise-started': {
      if (addTo(facts.started, known.data.exercise, known.partner)) {
        noteExercise(facts, known.data.exercise, context);
      }
      return;
    }
    case 'check-in-recorded': {
      objectAt(known.data.scores, 'scores');
      const checkIns = facts.checkIns.get(known.data.exercise);
      if (checkIns) checkIns.push({ event: known });
      else {
        facts.checkIns.set(known.data.exercise, [{ event: known }]);
        noteExercise(facts, known.data.exercise, context);
      }
      // Answering a check-in is doing it: it counts as that partner's completion — a sealed one
      // once, from it or from its mark, whichever came first.
      if (known.visibility === 'sealed') facts.sealedCheckIns.add(known.id);
      if (known.visibility !== 'sealed' || countOnce(facts, known.id, known.partner)) {
        completed(facts, known.data.exercise, known.partner, known.clock.wall);
        practised(facts, known, false, context);
      }
      return;
    }
    case 'answer-recorded': {
      if (known.visibility === 'sealed') {
        const { exercise, prompt } = known.data;
        const at = promptFor(facts, exercise, prompt);
        answeredSealed(facts, at, known.partner);
        holdSealed(facts, at, known.id, known.partner, known.type, exercise, prompt);
      }
      return;
    }
    case 'quiz-answered': {
      const { exercise, question } = known.data;
      const at = promptFor(facts, exercise, question);
      answeredSealed(facts, at, known.partner);
      holdSealed(facts, at, known.id, known.partner, known.type, exercise, question);
      return;
    }
    case 'answer-sealed': {
      const { entry, answer, exercise, prompt } = known.data;
      const at = promptFor(facts, exercise, prompt);
      answeredSealed(facts, at, known.partner);
      if (answer === 'check-in-recorded') {
        // A check-in's prompt is its round, which only the mark knows: the author's devices hold
        // the check-in too, right before its mark.
        if (facts.sealedCheckIns.has(entry)) {
          holdSealed(facts, at, entry, known.partner, answer, exercise, prompt);
        }
        if (countOnce(facts, entry, known.partner)) {
          noteExercise(facts, exercise, context);
          completed(facts, exercise, known.partner, known.clock.wall);
          practised(facts, known, false, context);
        }
      }
      return;
    }
    case 'entry-shared':
      addTo(facts.shares, known.partner, known.data.entry);
      revealed(facts, known.data.entry, known.partner);
      return;
    case 'safety-check-taken': {
      objectAt(known.data.answers, 'answers');
      const previous = facts.safetyChecks.get(known.partner);
      if (!previous || compareEvents(previous, known) < 0)
        facts.safetyChecks.set(known.partner, known);
      return;
    }
    case 'safety-rest': {
      // Progress reads `data.active` later: a rest whose data is not an object is skipped here.
      objectAt(known.data, 'data');
      addRest(facts, known);
      return;
    }
    case 'program-paused':
    case 'program-resumed':
      facts.toggles.push(known);
      return;
    case 'partner-left':
      facts.left.add(known.partner);
      return;
    default:
      // Known types the facts do not need fall here too.
      if (!isKnownEventType(event.type)) {
        facts.unknownTypes.set(event.type, (facts.unknownTypes.get(event.type) ?? 0) + 1);
      }
  }
}
