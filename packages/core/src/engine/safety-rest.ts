import type { HybridTimestamp, SafetyCheckTakenEvent, SafetyRestEvent } from '../events/types.js';
import { MAX_COUNTER } from '../log/bounds.js';
import { shown } from '../log/event-error.js';
import { compareTimestamps } from '../log/order.js';
import type { SafetyCheckExercise } from '../program/types.js';
import { latestRestOf } from '../progress/facts.js';
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

/**
 * Records a partner's private safety check, and nothing else: it never rests or wakes anything by
 * itself. When it signals risk, the partner's own view says a rest is recommended
 * (`restRecommended`), and they choose with `setRest`, as either partner can choose a slower pace.
 *
 * @throws `AttuneEventError` with code `malformed` for answers that are not yes or no per question,
 * or that leave questions out without signalling risk.
 */
export function recordSafetyCheck(
  context: EngineContext,
  partner: string,
  exercise: SafetyCheckExercise,
  answers: unknown,
): SafetyCheckTakenEvent {
  return context.record(
    partner,
    'safety-check-taken',
    { exercise: exercise.id, answers: { ...checkedAnswers(exercise, answers) } },
    'private',
  );
}

/** The step rests take effect on: a quarter of an hour, in ms. */
export const REST_STEP_MS: number = 15 * 60_000;

/**
 * When a rest chosen at `now` takes effect: the next quarter hour strictly after it. Quarter hours
 * of UTC are quarter hours of local time in every time zone in use, whose offsets are all whole
 * quarter hours.
 */
export function restStartAfter(now: number): number {
  return (Math.floor(now / REST_STEP_MS) + 1) * REST_STEP_MS;
}

/** How far ahead a partner's own latest rest may be for a new one to follow it: one day. */
const FOLLOW_MS = 86_400_000;

/**
 * The clock a rest chosen now is recorded with: the next quarter hour, and after the partner's own
 * latest rest (one chosen twice within a quarter hour, or on another device whose clock runs ahead),
 * so that what they chose last is last in the log on every device. A latest rest stamped more than a
 * day ahead, or further than this device accepts, is a clock gone wrong and is not followed: the new
 * choice takes effect at its quarter hour and holds until that one's far moment comes.
 */
function restClock(context: EngineContext, partner: string): HybridTimestamp {
  const now = context.now();
  const latestWall = Math.min(context.latestWall(), now + FOLLOW_MS);
  const reading = context.clockReading();
  const start = restStartAfter(Math.max(now, reading.wall));
  // An engine that accepts only clocks a few minutes ahead records the rest as far as it allows.
  let clock: HybridTimestamp = {
    wall: Math.max(Math.min(start, latestWall), reading.wall),
    counter: 0,
  };
  if (clock.wall === reading.wall) clock = { wall: reading.wall, counter: reading.counter + 1 };
  const latest = latestRestOf(context.facts, partner)?.clock;
  if (latest && compareTimestamps(latest, clock) >= 0 && latest.wall <= latestWall) {
    clock =
      latest.counter < MAX_COUNTER
        ? { wall: latest.wall, counter: latest.counter + 1 }
        : { wall: Math.min(restStartAfter(latest.wall), latestWall), counter: 0 };
  }
  return clock;
}

/**
 * Records that a partner rests the exercises that need safety (`active: true`), or wakes their own
 * rest (`false`). The same event whatever the reason — after a safety check that signals risk, or a
 * slower pace chosen for no reason at all — so the other partner and a relay cannot tell the two
 * apart:
 *
 * - the data is only `{ active }`, with no reason and no link to a check, always `shared`;
 * - its clock is the next quarter hour, and it takes effect then on every device, so its moment is
 *   not the moment a check ended;
 * - it always follows one sequence number the other partner never receives, as a rest right after
 *   a safety check does: when the last number this device used did not go to this partner's safety
 *   check, one number is left unused.
 *
 * Only this partner's rest changes: the exercises rest while either partner's own rest is on.
 *
 * @throws `AttuneEventError` with code `unknown-partner`, or `malformed` on `data.active` when
 * `active` is not a boolean.
 */
export function recordRest(
  context: EngineContext,
  partner: string,
  active: boolean,
): SafetyRestEvent {
  context.knownPartner(partner);
  if (typeof active !== 'boolean') {
    malformed(
      'data.active',
      `A rest is on or off, not ${shown(active)}`,
      'Pass true to rest the exercises that need safety, false to wake them.',
    );
  }
  const last = context.log.get(`${context.device}:${context.lastSequence()}`);
  const afterOwnCheck = last?.type === 'safety-check-taken' && last.partner === partner;
  return context.record(partner, 'safety-rest', { active }, 'shared', {
    clock: restClock(context, partner),
    skipSequence: !afterOwnCheck,
  });
}
