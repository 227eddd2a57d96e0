import type { Cadence } from '../program/types.js';
import { fromLocal, type LocalTime, toLocal } from './zone.js';

const DAY = 86_400_000;

function timeOf(cadence: Cadence): { hour: number; minute: number } {
  const [hour = 9, minute = 0] = (cadence.time ?? '09:00').split(':').map(Number);
  return { hour, minute };
}

/** The date `days` after a local date, by the calendar (not by 24-hour steps). */
function addDays(date: Pick<LocalTime, 'year' | 'month' | 'day'>, days: number) {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function daysBetween(
  a: Pick<LocalTime, 'year' | 'month' | 'day'>,
  b: Pick<LocalTime, 'year' | 'month' | 'day'>,
): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY,
  );
}

/**
 * The first time a cadence comes round strictly after `after`, in a partner's time zone. Occurrences
 * count from `anchor` (when the couple started): every n days, every n weeks on the cadence's weekday,
 * or every n months on the anchor's day of the month (the last day in shorter months). Local times
 * are kept across clock changes: a 19:00 ritual stays at 19:00.
 */
export function nextOccurrence(
  cadence: Cadence,
  timeZone: string,
  anchor: number,
  after: number,
): number {
  const { hour, minute } = timeOf(cadence);
  const start = toLocal(timeZone, anchor);
  const from = toLocal(timeZone, after);
  const at = (date: Pick<LocalTime, 'year' | 'month' | 'day'>) =>
    fromLocal(timeZone, { ...date, hour, minute });

  if (cadence.every === 'month') {
    const monthsFromStart = (from.year - start.year) * 12 + (from.month - start.month);
    for (let k = Math.max(0, Math.floor(monthsFromStart / cadence.interval)); ; k++) {
      const index = start.month - 1 + k * cadence.interval;
      const year = start.year + Math.floor(index / 12);
      const month = (index % 12) + 1;
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const candidate = at({ year, month, day: Math.min(start.day, lastDay) });
      if (candidate > after) return candidate;
    }
  }

  const step = cadence.every === 'week' ? 7 * cadence.interval : cadence.interval;
  // Weekly cadences run on their weekday, counted from the first such day on or after the start.
  const first =
    cadence.every === 'week' && cadence.weekday !== undefined
      ? addDays(start, (cadence.weekday - start.weekday + 7) % 7)
      : start;
  const elapsed = Math.max(0, daysBetween(first, from));
  for (let k = Math.floor(elapsed / step); ; k++) {
    const candidate = at(addDays(first, k * step));
    if (candidate > after) return candidate;
  }
}
