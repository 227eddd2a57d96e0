export type { ManualClock } from './manual-clock.js';
export { createManualClock } from './manual-clock.js';
export type {
  ObservedPluginEvent,
  PluginHistoryOptions,
  PluginTestCouple,
  PluginTestCoupleOptions,
  SimulatedDay,
  SimulatedPluginEvent,
} from './plugin-test-couple.js';
export { createPluginTestCouple } from './plugin-test-couple.js';
export type { Random } from './random.js';
export { createRandom } from './random.js';
export type {
  SimulateCoupleOptions,
  SimulatedBehaviour,
  SimulatedCouple,
} from './simulate.js';
export { simulateCouple } from './simulate.js';
export { testCouple } from './test-couple.js';
