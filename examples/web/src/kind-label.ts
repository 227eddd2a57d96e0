import type { ExerciseKind } from '@attune/core';

// The program has no words for the kinds themselves; these are the app's own labels.
const labels: Readonly<Record<ExerciseKind, string>> = {
  reflection: 'Reflection',
  conversation: 'Conversation deck',
  'guided-practice': 'Guided practice',
  ritual: 'Ritual',
  'check-in': 'Check-in',
  'partner-quiz': 'Partner quiz',
  appreciation: 'Appreciation notes',
  agreement: 'Agreement',
  learn: 'Read',
  'safety-check': 'Private check',
};

/** The app's label for an exercise kind. */
export function kindLabel(kind: ExerciseKind): string {
  return labels[kind];
}
