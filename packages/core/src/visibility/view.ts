import type { LoggedEvent } from '../events/types.js';
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
 * in full; the other partner's `shared` events; the other's `sealed` answers only once this partner
 * answered the same prompt — until then just that an answer exists; never the other's `private`
 * entries (unless the author shared that entry) or safety checks. Events of a type this code does not
 * know and no plugin declared are kept in the log but not shown.
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

  // Object literals rather than spreads of a common base: building an entry this way is many times
  // faster, and a view is rebuilt over the whole log.
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
      const prompt = sealedPromptOf(event) as { exercise: string; prompt: string };
      entries.push({
        id: event.id,
        type: event.type as 'answer-recorded' | 'quiz-answered',
        at: event.clock.wall,
        visibility: 'sealed',
        partner: event.partner,
        sealed: true,
        exercise: prompt.exercise,
        prompt: prompt.prompt,
      });
    } else if (isShownType(event.type)) {
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

/** A built-in type, or a plugin's (`<plugin>/<type>`): the types a view entry can have. */
function isShownType(type: string): boolean {
  return isKnownEventType(type) || type.includes('/');
}
