import { compareEvents, type LoggedEvent } from '@attune/core';

/** The event a partner records to call a break; its data is {@link BreakCalledData}. */
export const breakCalled = 'flooding-break/called';
/** The event a partner records on coming back; its data is {@link BreakResumedData}. */
export const breakResumed = 'flooding-break/resumed';
/** The shortest break: a racing body takes about this long to settle. */
export const minimumBreakMinutes = 20;
/** The longest break: a day. */
export const maximumBreakMinutes: number = 24 * 60;

/** Data of a {@link breakCalled} event. */
export interface BreakCalledData {
  readonly exercise: string;
  /** How long the break lasts at least, in minutes; 20 or more. */
  readonly minutes: number;
}

/** Data of a {@link breakResumed} event. */
export interface BreakResumedData {
  readonly exercise: string;
}

/** One break, called during a conflict exercise. */
export interface FloodingBreak {
  readonly exercise: string;
  /** The partner who called it. */
  readonly calledBy: string;
  /** When it was called, in ms since the epoch. */
  readonly calledAt: number;
  /** When the couple may come back: the call plus its minutes. */
  readonly until: number;
  /** When the couple came back, or `undefined` while the break is in progress. */
  readonly resumedAt: number | undefined;
}

type Fields = Readonly<Record<string, unknown>>;
const fields = (data: unknown): Fields =>
  typeof data === 'object' && data !== null ? (data as Fields) : {};

/**
 * Every break, from the plugin's events in log order. Events come from both partners' devices,
 * perhaps from another version of the plugin, so any that do not fit are skipped, never trusted.
 */
export function breaksOf(eventsOf: (type: string) => readonly LoggedEvent[]): FloodingBreak[] {
  const events = [...eventsOf(breakCalled), ...eventsOf(breakResumed)].sort(compareEvents);
  const breaks: FloodingBreak[] = [];
  const open = new Map<string, number>();
  for (const event of events) {
    const { exercise, minutes } = fields(event.data);
    if (typeof exercise !== 'string') continue;
    const index = open.get(exercise);
    if (event.type === breakCalled) {
      if (index !== undefined || typeof minutes !== 'number' || !(minutes >= minimumBreakMinutes)) {
        continue;
      }
      open.set(exercise, breaks.length);
      breaks.push({
        exercise,
        calledBy: event.partner,
        calledAt: event.clock.wall,
        until: event.clock.wall + minutes * 60_000,
        resumedAt: undefined,
      });
    } else if (index !== undefined) {
      breaks[index] = { ...(breaks[index] as FloodingBreak), resumedAt: event.clock.wall };
      open.delete(exercise);
    }
  }
  return breaks;
}

/** The breaks still in progress, oldest first. */
export function breaksInProgress(
  eventsOf: (type: string) => readonly LoggedEvent[],
): FloodingBreak[] {
  return breaksOf(eventsOf).filter((pause) => pause.resumedAt === undefined);
}
