export type { BreakCalledData, BreakResumedData, FloodingBreak } from './breaks.js';
export {
  breakCalled,
  breakResumed,
  breaksInProgress,
  breaksOf,
  minimumBreakMinutes,
} from './breaks.js';
export type { CallBreakOptions } from './call-break.js';
export { callBreak, currentBreak, resumeAfterBreak } from './call-break.js';
export { floodingBreakPlugin, withBreakRule } from './flooding-break-plugin.js';
export type { NoBreakInProgressRule } from './no-break-in-progress.js';
export { noBreakInProgress } from './no-break-in-progress.js';
