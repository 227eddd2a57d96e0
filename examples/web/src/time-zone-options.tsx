import { zones } from './time-zones.js';

/** Every time zone as an `<option>`, for a partner to pick theirs; underscores read as spaces. */
export function TimeZoneOptions() {
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone.replaceAll('_', ' ')}
    </option>
  ));
}
