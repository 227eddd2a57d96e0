import { currentSyncFormat } from '@attune/core/sync';
import { visibleTo } from '../events/visible-to.js';
import { HttpProblem } from '../http/http-problem.js';
import type { Caller, RouteContext, RouteResult } from '../server/route-context.js';
import { requirePaired } from './require-paired.js';

/** Reads a whole-number query parameter, or the fallback when it is absent. */
function wholeNumber(query: URLSearchParams, name: string, fallback: number, fix: string): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new HttpProblem(400, {
      code: `invalid-${name}`,
      message: `${name} should be a whole number of 0 or more, and it is "${raw}"`,
      where: `query ${name}`,
      fix,
    });
  }
  return value;
}

/**
 * `GET /couples/:id/events?since=<position>`: the events after a position for the caller — plain
 * ones it may hold, and every encrypted one — as a sync batch addressed to them, ready for
 * `decryptEvents` and `importEvents(local, batch, { couple, self })`, with `next`, the position to
 * ask from next time, and `more` when another page waits. `next` moves past events the caller may
 * not hold too, so they are never looked at again for them.
 */
export async function pullEvents(
  context: RouteContext,
  caller: Caller,
  query: URLSearchParams,
): Promise<RouteResult> {
  const couple = requirePaired(caller);
  const since = wholeNumber(
    query,
    'since',
    0,
    'Send the "next" of your last pull, or 0 (or nothing) for everything',
  );
  const limit = Math.min(
    context.pageSize,
    Math.max(1, wholeNumber(query, 'limit', context.pageSize, 'Send a page size such as 100')),
  );
  const page = await context.store.readEvents(couple.id, since, limit);
  // Plain shares after the page: an upload stores a plain private entry only with or after its
  // share, so every share an entry of this page needs is stored by now. Encrypted ones have no type
  // to be found by, and open nothing here.
  const shares = await context.store.readEventsOfType(couple.id, 'entry-shared');
  return {
    status: 200,
    body: {
      format: 'attune-sync',
      version: currentSyncFormat,
      couple: couple.id,
      recipient: caller.partner,
      events: visibleTo(page, shares, caller.partner),
      next: page.at(-1)?.position ?? since,
      more: page.length === limit,
    },
  };
}
