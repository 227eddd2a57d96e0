import type { Suggestion } from '@attune/core';
import { usePartnerView } from './use-partner-view.js';

/** What the partner using this screen could do next, and why, as a message key with parameters. */
export function useSuggestion(): Suggestion {
  return usePartnerView((view) => view.suggestion);
}
