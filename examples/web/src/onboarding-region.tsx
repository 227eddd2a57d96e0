import { useAppText } from './app-text.js';
import { helpRegionCodes, RegionOptions } from './region-options.js';

// The browser's region, when it has help resources of its own.
const browserRegion = (() => {
  const region = new Intl.Locale(navigator.language).region;
  return region && helpRegionCodes.includes(region) ? region : '';
})();

/** Props of {@link OnboardingRegion}. */
export interface OnboardingRegionProps {
  /** The id the field's label points at. */
  readonly id: string;
}

/**
 * Onboarding's choice of where the couple lives, for local help numbers: every region with help
 * resources, the browser's own chosen at first when it has them. Its value goes with the form, as
 * `region`. The regions are data of their own, loaded once the welcome screen shows.
 */
export function OnboardingRegion({ id }: OnboardingRegionProps) {
  const words = useAppText();
  return (
    <select id={id} name="region" defaultValue={browserRegion}>
      <option value="">{words.t('onboarding.region-none')}</option>
      <RegionOptions />
    </select>
  );
}
