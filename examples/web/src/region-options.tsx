import { euMemberStates, helpRegions } from '@attune/content/help';
import { useLanguage } from '@attune/react/text';

/** Regions with help resources of their own, and the EU states that share 112. */
export const helpRegionCodes: readonly string[] = [
  ...new Set([...helpRegions.map((entry) => entry.region), ...euMemberStates]),
]
  .filter((region) => /^[A-Z]{2}$/.test(region))
  .sort();

/** Every region with help resources as an `<option>`, named in the current language. */
export function RegionOptions() {
  const language = useLanguage();
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return helpRegionCodes.map((code) => (
    <option key={code} value={code}>
      {names.of(code) ?? code}
    </option>
  ));
}
