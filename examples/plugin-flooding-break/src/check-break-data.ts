import type { PluginPayloadProblem } from '@attune/core';
import { breakCalled, maximumBreakMinutes, minimumBreakMinutes } from './breaks.js';

type Fields = Readonly<Record<string, unknown>>;

/**
 * Checks the data of the plugin's events before an engine takes them, from this device or the other
 * partner's: every break names its exercise, and a call lasts from 20 minutes to a day. Fields a
 * newer version of the plugin may add are left alone.
 */
export function checkBreakData(type: string, data: unknown): PluginPayloadProblem[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [
      {
        path: '',
        message: 'A break’s data should be an object.',
        fix: 'Record breaks with callBreak and resumeAfterBreak.',
      },
    ];
  }
  const { exercise, minutes } = data as Fields;
  const problems: PluginPayloadProblem[] = [];
  if (typeof exercise !== 'string' || exercise.length === 0) {
    problems.push({
      path: 'exercise',
      message: 'A break should name the exercise it interrupts.',
      fix: 'Pass the id of a conflict exercise.',
    });
  }
  if (
    type === breakCalled &&
    !(
      Number.isInteger(minutes) &&
      (minutes as number) >= minimumBreakMinutes &&
      (minutes as number) <= maximumBreakMinutes
    )
  ) {
    problems.push({
      path: 'minutes',
      message: `A break lasts a whole number of minutes from ${minimumBreakMinutes} to ${maximumBreakMinutes}, not ${String(minutes)}.`,
      fix: `Call breaks of ${minimumBreakMinutes} minutes or more; a racing body needs that long to settle.`,
    });
  }
  return problems;
}
