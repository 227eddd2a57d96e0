import type { SafetyCheckTakenEvent } from '../events/types.js';
import type { SafetyCheckExercise } from '../program/types.js';
import { safetyConcernOf } from '../progress/compute.js';
import type { EngineContext } from './engine-context.js';
import { malformed, objectOf } from './guards.js';

/**
 * The answers of a safety check, checked: yes or no per question of the check, and every question
 * answered — unless what was answered already signals risk. A risk is recorded however incomplete the
 * check (a partner in danger may not finish it); only a check that answers every question can be
 * clear.
 *
 * @throws `AttuneEventError` with code `malformed`, naming `data.answers` or the answer at fault.
 */
function checkedAnswers(
  exercise: SafetyCheckExercise,
  answers: unknown,
): Readonly<Record<string, boolean>> {
  const ids = exercise.questions.map((question) => question.id);
  const given = objectOf(answers, 'data.answers', ids);
  for (const [id, answer] of Object.entries(given)) {
    if (typeof answer !== 'boolean') {
      malformed(
        `data.answers.${id}`,
        `The answer to "${id}" should be yes or no`,
        'Pass true or false.',
      );
    }
  }
  const checked = given as Readonly<Record<string, boolean>>;
  const risk = exercise.questions.some(
    (question) => Object.hasOwn(checked, question.id) && checked[question.id] === question.riskWhen,
  );
  const missing = ids.filter((id) => !Object.hasOwn(checked, id));
  if (!risk && missing.length > 0) {
    malformed(
      'data.answers',
      `The check leaves out ${missing.map((id) => `"${id}"`).join(', ')}, so it cannot say all is clear`,
      'Answer every question of the check.',
    );
  }
  return checked;
}

/** Whether a partner's latest safety check here answers every question and signals no risk. */
function latestCheckIsClear(context: EngineContext, partner: string): boolean {
  const check = context.facts.safetyChecks.get(partner);
  const found = check && context.exercises.get(check.data.exercise)?.exercise;
  if (!check || found?.kind !== 'safety-check') return false;
  const answers = check.data.answers;
  return found.questions.every(
    (question) =>
      Object.hasOwn(answers, question.id) && answers[question.id] === !question.riskWhen,
  );
}

/**
 * Records a partner's private safety check, then the rest it calls for: a check that signals risk
 * rests the exercises that need safety; a clear check — every question answered, none signalling
 * risk — wakes them only when this partner's check had rested them, since the other partner never
 * knew why they rest. A check that leaves questions out never wakes them.
 *
 * @throws `AttuneEventError` with code `malformed` for answers that are not yes or no per question.
 */
export function recordSafetyCheck(
  context: EngineContext,
  partner: string,
  exercise: SafetyCheckExercise,
  answers: unknown,
): SafetyCheckTakenEvent {
  const { facts, program, record } = context;
  const event = record(
    partner,
    'safety-check-taken',
    { exercise: exercise.id, answers: { ...checkedAnswers(exercise, answers) } },
    'private',
  );
  const concern = safetyConcernOf(facts, program, partner);
  const rest = facts.latestRest;
  if (concern && !rest?.data.active) record(partner, 'safety-rest', { active: true }, 'shared');
  if (
    !concern &&
    rest?.data.active &&
    rest.partner === partner &&
    latestCheckIsClear(context, partner)
  ) {
    record(partner, 'safety-rest', { active: false }, 'shared');
  }
  return event;
}
