import { useDeferredValue } from 'react';
import { timeZoneChoices } from './browser-time-zones.js';

/**
 * Every time zone as an `<option>`, for a partner to pick theirs; underscores read as spaces. The
 * browser's own comes first, so a select that names no other is on it. The first render lists
 * none: the screen paints without reading the time zones (see browser-time-zones.ts) or laying out
 * some four hundred options, and they follow straight after, before anyone can open the list.
 */
export function TimeZoneOptions() {
  const listed = useDeferredValue(true, false);
  return (listed ? timeZoneChoices() : []).map((zone) => (
    <option key={zone} value={zone}>
      {zone.replaceAll('_', ' ')}
    </option>
  ));
}
