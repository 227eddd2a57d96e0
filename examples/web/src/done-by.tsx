import type { Exercise } from '@attune/core';
import { useApp, usePartners } from './app-context.js';
import { useCompletions } from './use-completions.js';

/** Who has done an exercise so far; a safety check never shows, since taking it is private. */
export function DoneBy({ exercise }: { exercise: Exercise }) {
  const completions = useCompletions(exercise.id);
  const { names } = useApp();
  const { me, other } = usePartners();
  if (exercise.kind === 'safety-check') return null;
  const who = [me, other].filter((partner) => (completions.byPartner[partner.id] ?? 0) > 0);
  if (completions.together === 0 && who.length === 0) return null;
  return (
    <p className="done-by">
      ✓{' '}
      {completions.together > 0
        ? `Done together${completions.together > 1 ? ` ×${completions.together}` : ''}`
        : `Done by ${who.map((partner) => names[partner.id] ?? partner.id).join(' and ')}`}
    </p>
  );
}
