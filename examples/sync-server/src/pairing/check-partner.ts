import type { Partner } from '@attune/core';
import { HttpProblem } from '../http/http-problem.js';

// Partner ids end up in event envelopes and URLs; a plain, short id keeps both simple.
const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const invalid = (where: string, message: string, fix: string) =>
  new HttpProblem(400, { code: 'invalid-partner', message, where, fix });

/** Whether the runtime knows this IANA time zone. */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the `partner` of a pairing request: `{ id, timeZone }`.
 *
 * @throws {@link HttpProblem} 400 naming the field at fault.
 */
export function checkPartner(value: unknown, where = 'partner'): Partner {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(
      where,
      `${where} is missing or not an object`,
      'Send { "id": "ana", "timeZone": "Europe/Berlin" }',
    );
  }
  const { id, timeZone } = value as { id?: unknown; timeZone?: unknown };
  if (typeof id !== 'string' || !PARTNER_ID.test(id)) {
    throw invalid(
      `${where}.id`,
      `${where}.id should be 1 to 64 letters, digits, dots, dashes or underscores`,
      'Use the stable id your app gives this partner, such as "ana"',
    );
  }
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    throw invalid(
      `${where}.timeZone`,
      `${where}.timeZone should be an IANA time zone`,
      'Send the device time zone, Intl.DateTimeFormat().resolvedOptions().timeZone, such as "Europe/Berlin"',
    );
  }
  return { id, timeZone };
}
