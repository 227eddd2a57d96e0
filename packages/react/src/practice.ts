export type { PracticeTimer } from './use-practice-timer.js';
export { usePracticeTimer } from './use-practice-timer.js';
