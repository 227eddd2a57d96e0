import { usePartnerView } from '@attune/react';
import { useMemo } from 'react';

/** How often an exercise was completed, as the partner holding the phone may see it. */
export interface Completions {
  /** Completions done side by side, one record for both. */
  readonly together: number;
  /** Each partner's own completions, by partner id. */
  readonly byPartner: Readonly<Record<string, number>>;
}

interface CompletedData {
  readonly exercise: string;
  readonly together: boolean;
}

/** Counts an exercise's completions from the partner's view (completions are always shared). */
export function useCompletions(exercise: string): Completions {
  const entries = usePartnerView((view) => view.entries);
  return useMemo(() => {
    let together = 0;
    const byPartner: Record<string, number> = {};
    for (const entry of entries) {
      if (entry.type !== 'exercise-completed' || !entry.partner) continue;
      const data = entry.data as CompletedData;
      if (data.exercise !== exercise) continue;
      if (data.together) together++;
      else byPartner[entry.partner] = (byPartner[entry.partner] ?? 0) + 1;
    }
    return { together, byPartner };
  }, [entries, exercise]);
}
