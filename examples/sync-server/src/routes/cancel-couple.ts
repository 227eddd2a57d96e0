import { HttpProblem } from '../http/http-problem.js';
import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';

/**
 * `DELETE /couples/:id`: the first partner takes back a couple the other partner has not joined,
 * such as when they start pairing over. The couple, its pairing code and the caller's token are gone
 * at once, so the code is refused from then on like any unknown code. A paired couple is never
 * removed this way: the other partner's phone relies on it.
 */
export async function cancelCouple(context: RouteContext, caller: Caller): Promise<RouteResult> {
  const outcome = await context.store.cancelCouple(caller.couple.id);
  if (outcome.kind === 'paired') {
    throw new HttpProblem(409, {
      code: 'already-paired',
      message: 'Both partners have joined this couple, so it can no longer be cancelled',
      where: 'path',
      fix: 'Nothing to cancel: sync with the token you have',
    });
  }
  // `unknown-couple` too: a request that raced this one cancelled it first, which is what was asked.
  return { status: 200, body: { couple: caller.couple.id, cancelled: true } };
}
