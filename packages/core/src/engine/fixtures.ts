// The engine's tests predate the testing kit; these names keep them importing from here.
export { createManualClock as manualClock } from '../testing/manual-clock.js';
export { testCouple } from '../testing/test-couple.js';
