import type { SafetyCheckTakenEvent } from '../events/types.js';
import { safetyConcernOf } from '../progress/compute.js';
import type { EngineContext } from './engine-context.js';

/**
 * Records a partner's private safety check, then the rest it calls for: a check that signals risk
 * rests the exercises that need safety; a clear check wakes them only when this partner's check had
 * rested them, since the other partner never knew why they rest.
 */
export function recordSafetyCheck(
  context: EngineContext,
  partner: string,
  exercise: string,
  answers: Readonly<Record<string, boolean>>,
): SafetyCheckTakenEvent {
  const { facts, program, record } = context;
  const event = record(
    partner,
    'safety-check-taken',
    { exercise, answers: { ...answers } },
    'private',
  );
  const concern = safetyConcernOf(facts, program, partner);
  const rest = facts.latestRest;
  if (concern && !rest?.data.active) record(partner, 'safety-rest', { active: true }, 'shared');
  if (!concern && rest?.data.active && rest.partner === partner) {
    record(partner, 'safety-rest', { active: false }, 'shared');
  }
  return event;
}
