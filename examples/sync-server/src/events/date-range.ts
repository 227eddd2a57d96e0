/**
 * The latest time the relay takes as a couple's start, in ms since the epoch: the last millisecond of
 * the year 9999, the bound the core holds every event clock to. A JavaScript Date ends at 8.64e15
 * (the year 275760), but phones count days and weeks on from the start, and a start at the very end
 * of the Date range makes that arithmetic leave it: the engine on both phones would fail.
 */
export const LATEST_TIME_MS: number = Date.UTC(10_000, 0, 1) - 1;
