import type { ViewEntry } from '@attune/core';
import { usePartnerView } from '@attune/react';
import { useMemo } from 'react';

/** The entries of one exercise and event type that the partner holding the phone may see. */
export function useEntries(exercise: string, type: string): readonly ViewEntry[] {
  const entries = usePartnerView((view) => view.entries);
  return useMemo(
    () =>
      entries.filter(
        (entry) =>
          entry.type === type &&
          // A sealed entry carries its exercise beside the data, which it does not show yet.
          (entry.sealed
            ? entry.exercise
            : (entry.data as { exercise?: string } | undefined)?.exercise) === exercise,
      ),
    [entries, exercise, type],
  );
}

/** The ids of entries their authors shared, as the partner holding the phone sees them. */
export function useSharedIds(): ReadonlySet<string> {
  const entries = usePartnerView((view) => view.entries);
  return useMemo(
    () =>
      new Set(
        entries
          .filter((entry) => entry.type === 'entry-shared')
          .map((entry) => (entry.data as { entry: string }).entry),
      ),
    [entries],
  );
}
