export type { Random } from './random.js';
export { createRandom } from './random.js';
export type {
  SimulateCoupleOptions,
  SimulatedBehaviour,
  SimulatedCouple,
} from './simulate.js';
export { simulateCouple } from './simulate.js';
