import type { AnswerSealedEvent, LoggedEvent } from '../events/types.js';
import { isKnownEventType } from '../log/check-event.js';
import {
  type AccessContext,
  accessOf,
  sealedAnswersBy,
  sealedPromptOf,
  sharesOf,
} from './policy.js';
import type { ViewEntry } from './types.js';

const noAuthor = (): undefined => undefined;

/**
 * The events one partner may see, in log order, as the visibility policy decides: their own events
 * in full; the other partner's `shared` events; of the other's `sealed` answers, only that one exists
 * (from its mark, or the answer when it has none) until its author revealed it and this partner
 * answered the same prompt; never the other's `private` entries (unless the author shared that
 * entry) or safety checks. Events of a type this code does not know and no plugin declared are kept
 * in the log but not shown, as are a partner's own marks.
 */
export function viewEvents(events: readonly LoggedEvent[], viewer: string): ViewEntry[] {
  const shares = sharesOf(events);
  // Shares are few, so the authors are looked up only when there are some.
  let authorOf: (id: string) => string | undefined = noAuthor;
  if (shares.size > 0) {
    const authors = new Map<string, string>();
    for (const event of events) authors.set(event.id, event.partner);
    authorOf = (id) => authors.get(id);
  }
  const context: AccessContext = { shares, answered: sealedAnswersBy(events, viewer), authorOf };
  // A sealed answer with a mark is shown by its mark until it opens, then by itself: the answers
  // that opened, and those that are marked (by their author), so each shows once.
  const opened = new Set<string>();
  const marked = new Set<string>();
  for (const event of events) {
    if (event.partner === viewer) continue;
    if (event.type === 'answer-sealed') {
      marked.add(`${(event.data as { entry: string }).entry}|${event.partner}`);
    } else if (event.visibility === 'sealed' && accessOf(event, viewer, context) === 'whole') {
      opened.add(event.id);
    }
  }

  // Object literals rather than spreads of a common base: building an entry this way is many times
  // faster. The engine keeps each view as the log grows instead (`view-builder.ts`); this builds
  // one over a whole log at once, as an export does, and is what that one must always equal.
  const entries: ViewEntry[] = [];
  for (const event of events) {
    const access = accessOf(event, viewer, context);
    if (access === 'none') continue;
    if (access === 'authorless') {
      entries.push({
        id: event.id,
        type: event.type,
        at: event.clock.wall,
        visibility: event.visibility,
        data: event.data,
      } as ViewEntry);
    } else if (access === 'sealed') {
      const entry = sealedEntryOf(event, opened, marked);
      if (entry) entries.push(entry);
    } else if (isShownType(event.type) && event.type !== 'answer-sealed') {
      entries.push({
        id: event.id,
        type: event.type,
        at: event.clock.wall,
        visibility: event.visibility,
        partner: event.partner,
        data: event.data,
      } as ViewEntry);
    }
  }
  return entries;
}

/**
 * The entry that says a sealed answer exists: for a mark, unless its answer opened (or is a
 * check-in, which the view does not list); for an answer held without its mark being shown, unless
 * it is marked.
 */
function sealedEntryOf(
  event: LoggedEvent,
  opened: ReadonlySet<string>,
  marked: ReadonlySet<string>,
): ViewEntry | undefined {
  let id = event.id;
  let type = event.type as 'answer-recorded' | 'quiz-answered';
  if (event.type === 'answer-sealed') {
    const mark = event.data as AnswerSealedEvent['data'];
    if (mark.answer === 'check-in-recorded' || opened.has(mark.entry)) return undefined;
    id = mark.entry;
    type = mark.answer;
  } else if (marked.has(`${event.id}|${event.partner}`)) {
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
}

/** A built-in type, or a plugin's (`<plugin>/<type>`): the types a view entry can have. */
function isShownType(type: string): boolean {
  return isKnownEventType(type) || type.includes('/');
}
