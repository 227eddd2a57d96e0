import type { Engine, PartnerView } from '@attune/core';
import { useEngineStore } from './use-engine-store.js';

const viewOf = (engine: Engine, partner: string): PartnerView => engine.viewFor(partner);
const whole = (view: PartnerView): PartnerView => view;

/**
 * What the partner using this screen may see — entries with visibility applied, their suggestion,
 * due items — or a slice of it chosen by `selector`, re-rendering only when the slice changes by
 * `isEqual` (`Object.is` by default).
 *
 * @example
 * ```tsx
 * const entries = usePartnerView((view) => view.entries);
 * ```
 */
export function usePartnerView(): PartnerView;
export function usePartnerView<T>(
  selector: (view: PartnerView) => T,
  isEqual?: (a: T, b: T) => boolean,
): T;
export function usePartnerView<T>(
  selector: (view: PartnerView) => T = whole as (view: PartnerView) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  return useEngineStore(viewOf, selector, isEqual);
}
