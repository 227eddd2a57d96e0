import type {
  AnswerRecordedEvent,
  AnswerSealedEvent,
  CheckInRecordedEvent,
  EntrySharedEvent,
  LoggedEvent,
  QuizAnsweredEvent,
} from '../events/types.js';
import { MAX_COUNTER } from '../log/bounds.js';
import { compareEvents } from '../log/order.js';
import { answeredByOther, heldPrompt, isSharedBy, type SealedEntry } from '../progress/facts.js';
import { promptKey, sealedPromptOf } from '../visibility/policy.js';
import type { SealedAnswerRef } from '../visibility/types.js';
import type { EngineContext } from './engine-context.js';
import { malformed, notAllowed } from './guards.js';

// A sealed answer is recorded with its mark (`answer-sealed`) right after it. The answer stays on
// its author's devices — the device filter holds it back like a private entry — and only the mark
// travels, saying which prompt was answered. Once the other partner answered the same prompt, the
// author reveals it with an `entry-shared`, at once by default or when they choose.

type Sealable = AnswerRecordedEvent | QuizAnsweredEvent | CheckInRecordedEvent;

/**
 * Records a sealed answer and its mark, as one change. The mark has the answer's wall time, so that
 * a check-in counts at the same moment on every device, whichever of the two a device holds.
 */
export function recordSealed<E extends Sealable>(
  context: EngineContext,
  partner: string,
  type: E['type'],
  data: E['data'],
  prompt: { readonly exercise: string; readonly prompt: string },
): E {
  return context.batch(() => {
    const answer = context.record(partner, type, data as never, 'sealed') as unknown as E;
    const { wall, counter } = answer.clock;
    context.record(
      partner,
      'answer-sealed',
      { entry: answer.id, answer: type, exercise: prompt.exercise, prompt: prompt.prompt },
      'shared',
      counter < MAX_COUNTER ? { clock: { wall, counter: counter + 1 } } : undefined,
    );
    revealDue(context, `${prompt.exercise}|${prompt.prompt}`);
    return answer;
  });
}

/** The round a partner's next sealed check-in of an exercise answers: `round-1`, `round-2`, … */
export function nextCheckInRound(
  context: EngineContext,
  partner: string,
  exercise: string,
): string {
  let round = 1;
  while (heldPrompt(context.facts, exercise, `round-${round}`)?.answered.has(partner)) round++;
  return `round-${round}`;
}

const isRevealed = (context: EngineContext, entry: SealedEntry) =>
  isSharedBy(context.facts, entry.id, entry.partner);

/** Whether a partner other than the author answered the entry's prompt. */
const otherAnswered = (context: EngineContext, entry: SealedEntry) =>
  answeredByOther(heldPrompt(context.facts, entry.exercise, entry.prompt), entry.partner);

const refOf = (entry: SealedEntry): SealedAnswerRef => ({
  entry: entry.id,
  type: entry.type,
  exercise: entry.exercise,
  prompt: entry.prompt,
});

/**
 * A partner's sealed answers that wait to be revealed: the other partner answered the same prompt,
 * and this partner has not revealed them yet. In log order of the answers.
 */
export function pendingReveals(context: EngineContext, partner: string): SealedAnswerRef[] {
  const { revealable } = context.facts;
  if (revealable.size === 0) return [];
  const pending: { entry: SealedEntry; at: LoggedEvent | undefined }[] = [];
  for (const entry of revealable.values()) {
    if (entry.partner === partner) pending.push({ entry, at: context.log.get(entry.id) });
  }
  return pending
    .sort((a, b) => (a.at && b.at ? compareEvents(a.at, b.at) : 0))
    .map(({ entry }) => refOf(entry));
}

/**
 * The held sealed answer of this id by this author, if it is one: a written or quiz answer names its
 * prompt; a check-in's round is in its mark, the next event of its device.
 */
export function sealedEntryOf(
  context: EngineContext,
  partner: string,
  id: string,
): SealedEntry | undefined {
  const event = context.log.get(id);
  if (!event || event.partner !== partner || event.visibility !== 'sealed') return undefined;
  if (event.type === 'answer-recorded' || event.type === 'quiz-answered') {
    const prompt = sealedPromptOf(event) as { exercise: string; prompt: string };
    return { id, partner, type: event.type, ...prompt };
  }
  if (event.type !== 'check-in-recorded') return undefined;
  const mark = context.log.get(`${event.device}:${event.seq + 1}`);
  if (mark?.type !== 'answer-sealed' || mark.partner !== partner) return undefined;
  const data = mark.data as AnswerSealedEvent['data'];
  if (data.entry !== id) return undefined;
  return { id, partner, type: 'check-in-recorded', exercise: data.exercise, prompt: data.prompt };
}

/**
 * Refuses to reveal a sealed answer whose prompt the other partner has not answered yet, or one
 * already revealed: a seal opens for both at once, and only then.
 */
export function checkReveal(context: EngineContext, entry: SealedEntry): void {
  if (isRevealed(context, entry)) {
    notAllowed(
      'data.entry',
      `The answer "${entry.id}" is revealed already`,
      'Reveal only answers of `view.toReveal`.',
    );
  }
  if (!otherAnswered(context, entry)) {
    notAllowed(
      'data.entry',
      `The answer "${entry.id}" is sealed until the other partner answers "${entry.prompt}"`,
      'Reveal it once it is in `view.toReveal`.',
    );
  }
}

/**
 * Reveals some of a partner's sealed answers that wait (`entries`, by id), or all of them: one
 * `entry-shared` each, recorded as one change.
 */
export function revealAnswers(
  context: EngineContext,
  partner: string,
  entries?: readonly string[],
): EntrySharedEvent[] {
  context.knownPartner(partner);
  if (entries !== undefined && !Array.isArray(entries)) {
    malformed('entries', 'The answers should be a list of ids', 'Pass ids from `view.toReveal`.');
  }
  const chosen = (entries ?? pendingReveals(context, partner).map((ref) => ref.entry)).map((id) => {
    const entry = typeof id === 'string' ? sealedEntryOf(context, partner, id) : undefined;
    if (!entry) {
      notAllowed(
        'entries',
        `"${String(id)}" is not a sealed answer of "${partner}" held here`,
        'Pass ids from `view.toReveal`.',
      );
    }
    checkReveal(context, entry);
    return entry;
  });
  return context.batch(() =>
    [...new Set(chosen)].map((entry) =>
      context.record(partner, 'entry-shared', { entry: entry.id }, 'shared'),
    ),
  );
}

/**
 * Reveals every answer to the prompt `key` that can be revealed now, of the partners for whom the
 * engine reveals by itself (`reveal: 'when-both-answered'`, the default) and who record on this
 * device: never in the name of a partner whose device this is not.
 */
export function revealDue(context: EngineContext, key: string): void {
  const { revealable } = context.facts;
  if (revealable.size === 0) return;
  // What waits to be revealed is little: most answers open as soon as both answered.
  const due = [...revealable.values()].filter(
    (entry) =>
      `${entry.exercise}|${entry.prompt}` === key &&
      context.recordsHere(entry.partner) &&
      context.revealsByItself(entry.partner),
  );
  for (const entry of due) {
    context.record(entry.partner, 'entry-shared', { entry: entry.id }, 'shared');
  }
}

/** The `exercise|prompt` keys of the sealed answers and marks among some events. */
export function sealedPromptsOf(events: readonly LoggedEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (event.type === 'answer-sealed' || event.visibility === 'sealed') {
      const prompt = sealedPromptOf(event);
      if (prompt) keys.add(promptKey(prompt));
    }
  }
  return keys;
}
