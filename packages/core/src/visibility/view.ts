import type { ViewEntry } from '../engine/types.js';
import type { AttuneEvent, UnknownEvent } from '../events/types.js';

type AnyEvent = AttuneEvent | UnknownEvent;

/** The prompt a sealed event answers, if it is an answer: `exercise|prompt`. */
function sealedPrompt(event: AnyEvent): { exercise: string; prompt: string } | undefined {
  if (event.type === 'answer-recorded') {
    const data = (event as AttuneEvent & { type: 'answer-recorded' }).data;
    return { exercise: data.exercise, prompt: data.prompt };
  }
  if (event.type === 'quiz-answered') {
    const data = (event as AttuneEvent & { type: 'quiz-answered' }).data;
    return { exercise: data.exercise, prompt: data.question };
  }
  return undefined;
}

// Always the author's alone, whatever visibility the event claims.
const ALWAYS_PRIVATE = new Set(['safety-check-taken']);
// Shown without an author: naming one would reveal why exercises rest.
const AUTHORLESS = new Set(['safety-rest']);

/**
 * The events one partner may see, in log order. Their own events in full; the other partner's
 * `shared` events; the other's `sealed` answers only once this partner answered the same prompt —
 * until then just that an answer exists; never the other's `private` entries (unless the author shared
 * that entry) or safety checks.
 */
export function viewEvents(events: readonly AnyEvent[], viewer: string): ViewEntry[] {
  const answeredByViewer = new Set<string>();
  const shares: AnyEvent[] = [];
  for (const event of events) {
    const prompt = event.visibility === 'sealed' ? sealedPrompt(event) : undefined;
    if (prompt && event.partner === viewer)
      answeredByViewer.add(`${prompt.exercise}|${prompt.prompt}`);
    if (event.type === 'entry-shared') shares.push(event);
  }
  // Entries their own author chose to share; sharing someone else's entry shares nothing. Shares
  // are few, so the authors are looked up only when there are some.
  const sharedByAuthor = new Set<string>();
  if (shares.length > 0) {
    const authorOf = new Map<string, string>();
    for (const event of events) authorOf.set(event.id, event.partner);
    for (const share of shares) {
      const entry = (share as AttuneEvent & { type: 'entry-shared' }).data.entry;
      if (authorOf.get(entry) === share.partner) sharedByAuthor.add(entry);
    }
  }

  // Object literals rather than spreads of a common base: building an entry this way is many times
  // faster, and a view is rebuilt over the whole log.
  const full = (event: AnyEvent): ViewEntry => ({
    id: event.id,
    type: event.type,
    at: event.clock.wall,
    visibility: event.visibility,
    partner: event.partner,
    data: event.data,
  });
  const entries: ViewEntry[] = [];
  for (const event of events) {
    const own = event.partner === viewer;
    if (ALWAYS_PRIVATE.has(event.type)) {
      if (own) entries.push(full(event));
      continue;
    }
    if (AUTHORLESS.has(event.type)) {
      entries.push({
        id: event.id,
        type: event.type,
        at: event.clock.wall,
        visibility: event.visibility,
        data: event.data,
      });
      continue;
    }
    if (own) {
      entries.push(full(event));
      continue;
    }
    if (event.visibility === 'shared') {
      if (
        event.type === 'entry-shared' &&
        !sharedByAuthor.has((event.data as { entry: string }).entry)
      ) {
        continue;
      }
      entries.push(full(event));
      continue;
    }
    if (event.visibility === 'private') {
      if (sharedByAuthor.has(event.id)) entries.push(full(event));
      continue;
    }
    const prompt = sealedPrompt(event);
    if (prompt && answeredByViewer.has(`${prompt.exercise}|${prompt.prompt}`)) {
      entries.push(full(event));
    } else if (prompt) {
      entries.push({
        id: event.id,
        type: event.type,
        at: event.clock.wall,
        visibility: event.visibility,
        partner: event.partner,
        sealed: true,
        exercise: prompt.exercise,
        prompt: prompt.prompt,
      });
    }
  }
  return entries;
}
