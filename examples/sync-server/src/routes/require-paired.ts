import type { Couple } from '@attune/core';
import { HttpProblem } from '../http/http-problem.js';
import type { Caller } from '../server/route-context.js';
import { isPaired } from '../storage/relay-store.js';

/**
 * The caller's couple as the core's `Couple`, which needs both partners: events are checked against
 * them and filtered for one of them.
 *
 * @throws {@link HttpProblem} 409 while the other partner has not joined.
 */
export function requirePaired(caller: Caller): Couple {
  if (isPaired(caller.couple)) return caller.couple;
  throw new HttpProblem(409, {
    code: 'not-paired',
    message: 'Your partner has not joined this couple yet, so there is no one to sync with',
    where: 'path',
    fix: 'Give your partner the pairing code; GET /couples/<id> shows when they joined',
  });
}
