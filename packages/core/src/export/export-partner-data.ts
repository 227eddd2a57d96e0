import type { LoggedEvent } from '../events/types.js';
import type { Couple } from '../program/couple.js';
import type { ViewEntry } from '../visibility/types.js';
import { viewEvents } from '../visibility/view.js';

/** The export format this version of Attune writes. */
export const currentExportFormat = 1;

/** One partner's data, to take with them: versioned JSON. */
export interface PartnerExport {
  readonly format: 'attune-partner-export';
  readonly version: number;
  /** When it was made, as an ISO 8601 date and time. */
  readonly exportedAt: string;
  readonly couple: string;
  readonly partner: string;
  /** Every event this partner recorded, in full and in log order, as the engine reads them. */
  readonly written: readonly LoggedEvent[];
  /**
   * What the other partner shared with them, exactly as their view shows it: shared entries in full,
   * sealed answers they have not unlocked as a mark only, and never a private entry or a safety check.
   */
  readonly sharedWithThem: readonly ViewEntry[];
}

/** Options of {@link exportPartnerData}. */
export interface ExportPartnerDataOptions {
  readonly couple: Couple;
  /** Whose data to export. */
  readonly partner: string;
  /** The clock, in ms since the epoch (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * One partner's data as versioned JSON: what they wrote, and what was shared with them — never the
 * other partner's private entries or safety checks. `JSON.stringify` it to save a file.
 *
 * @example
 * ```ts
 * const file = JSON.stringify(exportPartnerData(engine.getEvents(), { couple, partner: 'ana' }));
 * ```
 * @throws Error when `partner` is not one of the couple's partners.
 */
export function exportPartnerData(
  events: readonly LoggedEvent[],
  options: ExportPartnerDataOptions,
): PartnerExport {
  const { couple, partner } = options;
  const partners = couple.partners.map((p) => p.id);
  if (!partners.includes(partner)) {
    throw new Error(
      `"${partner}" is not one of this couple's partners. Export for one of: ${partners.join(', ')}.`,
    );
  }
  const written = events.filter((event) => event.partner === partner);
  const own = new Set(written.map((event) => event.id));
  return {
    format: 'attune-partner-export',
    version: currentExportFormat,
    exportedAt: new Date((options.now ?? Date.now)()).toISOString(),
    couple: couple.id,
    partner,
    written,
    sharedWithThem: viewEvents(events, partner).filter((entry) => !own.has(entry.id)),
  };
}
