export type { ManualClock } from './manual-clock.js';
export { createManualClock } from './manual-clock.js';
export type { Random } from './random.js';
export { createRandom } from './random.js';
export type {
  SimulateCoupleOptions,
  SimulatedBehaviour,
  SimulatedCouple,
} from './simulate.js';
export { simulateCouple } from './simulate.js';
export { testCouple } from './test-couple.js';
