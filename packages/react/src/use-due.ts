import type { ReminderIntent } from '@attune/core';
import { usePartnerView } from './use-partner-view.js';

/**
 * This partner's rituals and check-ins that are due or coming, as reminder intents in their time zone
 * for the app to schedule.
 */
export function useDue(): readonly ReminderIntent[] {
  return usePartnerView((view) => view.due);
}
