import type { AnswerSealedEvent, LoggedEvent } from '../events/types.js';
import { isKnownEventType } from '../log/check-event.js';
import { compareEvents } from '../log/order.js';
import { type Access, type AccessContext, accessOf, promptKey, sealedPromptOf } from './policy.js';
import type { ViewEntry } from './types.js';

/** The log a view is built over: its events in order, found by id, and whether any was inserted. */
export interface ViewSource {
  readonly events: readonly LoggedEvent[];
  get(id: string): LoggedEvent | undefined;
  /** Grows whenever an event goes anywhere but the end (see `EventLog.insertions`). */
  readonly insertions: number;
}

/** The entries of a view as they were when it was built, copied out only when first read. */
export interface LazyEntries {
  read(): readonly ViewEntry[];
}

/** Builds one partner's view entries, going on from where it stopped while the log only grew. */
export interface ViewBuilder {
  /** The entries of the log as it is now; a new array whenever they changed. */
  entries(): readonly ViewEntry[];
  /**
   * The same, read later: bringing the view up to date costs what the new events change, and the
   * copy a reader gets is made only when read. The same object until something changed.
   */
  current(): LazyEntries;
}

const isShownType = (type: string) => isKnownEventType(type) || type.includes('/');

/**
 * One partner's view over a log, kept as the log grows. Each new event costs what it changes:
 * appended events are judged by the visibility policy as they come; a share, or the viewer's own
 * answer to a prompt, re-judges only the entries it opens, found by halving the entries (which are
 * in log order), never by a scan. An event inserted before the end, or one that a share named
 * before it arrived, makes it start over from the whole log, which is what it always equals.
 */
export function createViewBuilder(source: ViewSource, viewer: string): ViewBuilder {
  let seen = 0;
  let insertions = -1;
  let result: LazyEntries = { read: () => [] };
  // Whether `list` may be changed in place: not once a reader may still read it. Appending never
  // disturbs a reader, who reads only as many entries as there were.
  let owned = true;
  // The entries, and beside each the event it stands for (a sealed answer's mark, for an answer
  // that has not opened), in log order.
  let list: ViewEntry[] = [];
  let sources: LoggedEvent[] = [];
  let shares = new Set<string>();
  let answered = new Set<string>();
  let opened = new Set<string>();
  // The other partner's marks, by `entry|author` of the answer each names: a marked answer shows
  // by its mark until it opens, then by itself, and none of its marks shows any more.
  let marksOf = new Map<string, LoggedEvent[]>();
  // The other partner's sealed answers held whole, by prompt: what the viewer's answer may open.
  let othersSealed = new Map<string, LoggedEvent[]>();
  let context: AccessContext;
  let restart = false;

  const reset = () => {
    seen = 0;
    list = [];
    owned = true;
    sources = [];
    shares = new Set();
    answered = new Set();
    opened = new Set();
    marksOf = new Map();
    othersSealed = new Map();
    context = { shares, answered, authorOf: (id) => source.get(id)?.partner };
  };

  /** The entry that says a sealed answer exists, if one should show for this event. */
  const sealedEntry = (event: LoggedEvent): ViewEntry | undefined => {
    let id = event.id;
    let type = event.type as 'answer-recorded' | 'quiz-answered';
    if (event.type === 'answer-sealed') {
      const mark = event.data as AnswerSealedEvent['data'];
      if (mark.answer === 'check-in-recorded' || opened.has(mark.entry)) return undefined;
      id = mark.entry;
      type = mark.answer;
    } else if (marksOf.has(`${event.id}|${event.partner}`)) {
      return undefined;
    }
    const prompt = sealedPromptOf(event) as { exercise: string; prompt: string };
    return {
      id,
      type,
      at: event.clock.wall,
      visibility: 'sealed',
      partner: event.partner,
      sealed: true,
      exercise: prompt.exercise,
      prompt: prompt.prompt,
    };
  };

  // Object literals rather than spreads of a common base: building an entry this way is many times
  // faster.
  const entryOf = (event: LoggedEvent, access: Access): ViewEntry | undefined => {
    if (access === 'none') return undefined;
    if (access === 'authorless') {
      return {
        id: event.id,
        type: event.type,
        at: event.clock.wall,
        visibility: event.visibility,
        data: event.data,
      } as ViewEntry;
    }
    if (access === 'sealed') return sealedEntry(event);
    if (!isShownType(event.type) || event.type === 'answer-sealed') return undefined;
    if (event.visibility === 'sealed' && event.partner !== viewer) opened.add(event.id);
    return {
      id: event.id,
      type: event.type,
      at: event.clock.wall,
      visibility: event.visibility,
      partner: event.partner,
      data: event.data,
    } as ViewEntry;
  };

  /** The first position whose event is not before `event`, by halving. */
  const positionOf = (event: LoggedEvent): number => {
    let low = 0;
    let high = sources.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareEvents(sources[middle] as LoggedEvent, event) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  /** Makes `list` one no reader holds before it is changed anywhere but at its end. */
  const writable = () => {
    if (owned) return;
    list = list.slice();
    owned = true;
  };

  /** Takes an event's entry out of the list, if it has one. */
  const drop = (event: LoggedEvent) => {
    const at = positionOf(event);
    if (sources[at] !== event) return;
    writable();
    list.splice(at, 1);
    sources.splice(at, 1);
  };

  /** Once the other partner's answer opened, its marks show nothing: it shows by itself. */
  const dropMarksOf = (event: LoggedEvent) => {
    if (!opened.has(event.id)) return;
    for (const mark of marksOf.get(`${event.id}|${event.partner}`) ?? []) drop(mark);
  };

  /** Judges an event already in the log again, now that a share or an answer may open it. */
  const rejudge = (event: LoggedEvent) => {
    const entry = entryOf(event, accessOf(event, viewer, context));
    if (entry) dropMarksOf(event);
    const at = positionOf(event);
    if (sources[at] === event) {
      writable();
      if (entry) list[at] = entry;
      else {
        list.splice(at, 1);
        sources.splice(at, 1);
      }
    } else if (entry) {
      writable();
      list.splice(at, 0, entry);
      sources.splice(at, 0, event);
    }
  };

  const apply = (event: LoggedEvent, whole: boolean) => {
    // A share that named this event before it arrived was judged without it: start over, with
    // every event at hand (which needs no second start).
    if (!whole && shares.has(`${event.id}|${event.partner}`)) restart = true;
    const own = event.partner === viewer;
    const reopen: LoggedEvent[] = [];
    if (event.type === 'entry-shared' && event.data !== undefined) {
      const named = (event.data as { entry: string }).entry;
      shares.add(`${named}|${event.partner}`);
      const target = source.get(named);
      // Only one already judged: a later one is judged with this share when it comes.
      if (target && target.partner === event.partner && !own && compareEvents(target, event) < 0) {
        reopen.push(target);
      }
    }
    if (event.type === 'answer-sealed' && !own) {
      const named = (event.data as AnswerSealedEvent['data']).entry;
      const key = `${named}|${event.partner}`;
      const marks = marksOf.get(key);
      if (marks) marks.push(event);
      else marksOf.set(key, [event]);
      // The answer it marks showed as sealed by itself until now: from here the mark stands for it.
      const answer = source.get(named);
      if (answer?.partner === event.partner) {
        const at = positionOf(answer);
        if (sources[at] === answer && list[at]?.sealed) drop(answer);
      }
    }
    const prompt =
      event.visibility === 'sealed' || event.type === 'answer-sealed'
        ? sealedPromptOf(event)
        : undefined;
    if (prompt) {
      const key = promptKey(prompt);
      if (own) {
        if (!answered.has(key)) {
          answered.add(key);
          reopen.push(...(othersSealed.get(key) ?? []));
        }
      } else if (event.type !== 'answer-sealed') {
        const held = othersSealed.get(key);
        if (held) held.push(event);
        else othersSealed.set(key, [event]);
      }
    }
    for (const target of reopen) rejudge(target);
    const entry = entryOf(event, accessOf(event, viewer, context));
    if (entry) {
      // A mark that came before its answer (a clock set back) stood for it until now.
      dropMarksOf(event);
      list.push(entry);
      sources.push(event);
    }
  };

  const current = (): LazyEntries => {
    const events = source.events;
    if (source.insertions !== insertions || events.length < seen) {
      reset();
      insertions = source.insertions;
    } else if (events.length === seen) {
      return result;
    }
    const whole = seen === 0;
    for (let i = seen; i < events.length; i++) apply(events[i] as LoggedEvent, whole);
    if (restart) {
      restart = false;
      reset();
      for (let i = 0; i < events.length; i++) apply(events[i] as LoggedEvent, true);
    }
    seen = events.length;
    const held = list;
    const length = list.length;
    owned = false;
    let copy: readonly ViewEntry[] | undefined;
    result = { read: () => (copy ??= held.slice(0, length)) };
    return result;
  };

  return { current, entries: () => current().read() };
}
