import { browserTimeZone, timeZoneChoices } from './browser-time-zones.js';

/** The browser's own time zone, offered first. */
export const browserZone: string = browserTimeZone();

/** Every time zone the browser knows, for a partner to pick theirs; the browser's own first. */
export const zones: readonly string[] = timeZoneChoices();
