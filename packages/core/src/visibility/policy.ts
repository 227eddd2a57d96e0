import type { Visibility } from '../program/types.js';

/**
 * Who may see which event: the one policy that partner views, the device and relay filter, import,
 * export and plugin contexts all ask, so no path can forget a rule.
 *
 * - A partner sees their own events whole.
 * - Of the other partner's events: `shared` ones whole; `private` ones only when their author shared
 *   that entry. A `sealed` answer is held like a private entry — never on the other partner's
 *   devices until its author reveals it (an `entry-shared` naming it, recorded once the other partner
 *   answered the same prompt) — and its mark (`answer-sealed`) tells the other partner only that it
 *   exists, for which prompt. A revealed answer to a prompt opens once the viewer answered it too.
 * - Author-only types (a safety check) are never anyone else's, whatever visibility they claim.
 * - Authorless types (a rest) are seen without their author. A rest is the same event whatever its
 *   reason — a safety check that signalled risk, or a slower pace chosen for none — and the view does
 *   not point at who chose it. The stored event still names its author (each partner's rest is their
 *   own, so the fold must know whose it is), and a partner who set no rest can tell it is the other's;
 *   neither tells why.
 */

/** The fields of an event the policy reads: a plain event's, since encryption hides its type and visibility. */
export interface PolicyEvent {
  readonly id: string;
  readonly type: string;
  readonly partner: string;
  readonly visibility: Visibility;
  readonly data?: unknown;
}

/** Event types no one but their author ever sees or holds, whatever visibility they claim. */
export const authorOnlyTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(['safety-check-taken']);

/** Event types shown without their author: a rest, the same event whatever its reason. */
export const authorlessTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(['safety-rest']);

/** Event types no plugin observes: whether a partner took a safety check, or rests, is theirs. */
export const unobservedTypes: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'safety-check-taken',
  'safety-rest',
]);

/** How a viewer may see one event. */
export type Access = 'none' | 'whole' | 'authorless' | 'sealed';

/** What deciding access to sealed and shared entries needs to know of the whole log. */
export interface AccessContext {
  /** `entry|author` of every readable share (see {@link sharesOf}). */
  readonly shares: ReadonlySet<string>;
  /** `exercise|prompt` of every sealed answer the viewer wrote (see {@link sealedAnswersBy}). */
  readonly answered: ReadonlySet<string>;
  /** The author of an event in the log, to tell whether a share opens anything. */
  readonly authorOf: (id: string) => string | undefined;
}

/** The prompt a sealed answer answers: a written answer's prompt, a quiz answer's question. */
export function sealedPromptOf(
  event: PolicyEvent,
): { readonly exercise: string; readonly prompt: string } | undefined {
  const data = event.data as Record<string, unknown> | undefined;
  if (!data) return undefined;
  if (event.type === 'answer-recorded' || event.type === 'answer-sealed') {
    return { exercise: data.exercise as string, prompt: data.prompt as string };
  }
  if (event.type === 'quiz-answered') {
    return { exercise: data.exercise as string, prompt: data.question as string };
  }
  return undefined;
}

/** The key two answers to the same prompt share: the exercise and the prompt's id. */
export function promptKey(prompt: { readonly exercise: string; readonly prompt: string }): string {
  return `${prompt.exercise}|${prompt.prompt}`;
}

/**
 * `entry|author` for every readable share: a share opens an entry only when the entry's own author
 * shared it, so sharing someone else's entry shares nothing. An encrypted share opens nothing.
 */
export function sharesOf(events: Iterable<PolicyEvent>): Set<string> {
  const shares = new Set<string>();
  for (const event of events) {
    if (event.type === 'entry-shared' && event.data !== undefined) {
      shares.add(`${(event.data as { entry: string }).entry}|${event.partner}`);
    }
  }
  return shares;
}

/** Whether the event's own author shared it. */
export function isSharedByAuthor(event: PolicyEvent, shares: ReadonlySet<string>): boolean {
  return shares.has(`${event.id}|${event.partner}`);
}

/**
 * `exercise|prompt` of every sealed answer `viewer` wrote: from its mark, or from the answer itself
 * when it has no mark.
 */
export function sealedAnswersBy(events: Iterable<PolicyEvent>, viewer: string): Set<string> {
  const answered = new Set<string>();
  for (const event of events) {
    if (event.partner !== viewer) continue;
    if (event.visibility !== 'sealed' && event.type !== 'answer-sealed') continue;
    const prompt = sealedPromptOf(event);
    if (prompt) answered.add(promptKey(prompt));
  }
  return answered;
}

/**
 * What a device of `recipient` may hold: everything the recipient wrote (their other devices need
 * it); of the other partner's events, never an author-only one, and never a `private` entry or a
 * `sealed` answer its author did not share or reveal.
 */
export function mayHold(
  event: PolicyEvent,
  recipient: string,
  shares: ReadonlySet<string>,
): boolean {
  if (event.partner === recipient) return true;
  if (authorOnlyTypes.has(event.type)) return false;
  if (event.visibility === 'shared') return true;
  return isSharedByAuthor(event, shares);
}

/** How `viewer` may see `event` in their view. */
export function accessOf(event: PolicyEvent, viewer: string, context: AccessContext): Access {
  const own = event.partner === viewer;
  if (authorOnlyTypes.has(event.type)) return own ? 'whole' : 'none';
  if (authorlessTypes.has(event.type)) return 'authorless';
  if (own) return 'whole';
  if (event.visibility === 'shared') {
    // A share that opens nothing is not shown either.
    if (event.type === 'entry-shared') {
      const entry = (event.data as { entry: string } | undefined)?.entry;
      return entry !== undefined && context.authorOf(entry) === event.partner ? 'whole' : 'none';
    }
    // The other partner's mark of a sealed answer: that it exists, until the answer opens.
    if (event.type === 'answer-sealed') return 'sealed';
    return 'whole';
  }
  const shared = isSharedByAuthor(event, context.shares);
  if (event.visibility === 'private') return shared ? 'whole' : 'none';
  // Sealed. A revealed answer to a prompt opens once the viewer answered it too; a check-in, or a
  // plugin's sealed event, has no prompt here and opens when revealed.
  const prompt = sealedPromptOf(event);
  if (!prompt) return shared ? 'whole' : 'none';
  return shared && context.answered.has(promptKey(prompt)) ? 'whole' : 'sealed';
}

/**
 * Whether `viewer` may read `event` whole, as a plugin context for that partner reads it. The same
 * rule as the view.
 */
export function mayRead(event: PolicyEvent, viewer: string, context: AccessContext): boolean {
  return accessOf(event, viewer, context) === 'whole';
}
