import type { Exercise, Program } from '../program/types.js';
import type { Progress } from './compute.js';
import type { Facts } from './facts.js';
import type { ReminderIntent, Suggestion } from './types.js';

/** Everything a suggestion for one partner depends on. */
export interface SuggestInput {
  readonly program: Program;
  readonly facts: Facts;
  readonly progress: Progress;
  readonly partner: string;
  readonly due: readonly ReminderIntent[];
  /** This partner's own latest safety check signalled risk. */
  readonly ownSafetyConcern: boolean;
}

const HELP_STEP = 'professional-help';

function doneBy(facts: Facts, exercise: string, partner: string): boolean {
  return (
    (facts.completions.get(exercise)?.get(partner)?.length ?? 0) > 0 ||
    (facts.together.get(exercise)?.length ?? 0) > 0
  );
}

function suggestion(
  exercise: Exercise | undefined,
  step: string | undefined,
  reasonKey: string,
  params: Suggestion['params'] = {},
): Suggestion {
  return { exercise: exercise?.id ?? null, step: step ?? null, reasonKey, params };
}

/**
 * The one next thing to suggest to a partner, and why. Deterministic: the same facts always give the
 * same suggestion. In order: help when their own safety check signalled risk; rest while paused; a
 * conversation when check-ins diverge; repair when scores are low; a due ritual or check-in; an
 * exercise they started; something deeper when scores are high; the next exercise in the earliest
 * open step.
 */
export function suggestNext(input: SuggestInput): Suggestion {
  const { program, facts, progress, partner } = input;
  const open = program.steps.filter((step) => {
    const status = progress.steps.find((candidate) => candidate.id === step.id)?.status;
    return status === 'available' || status === 'in-progress';
  });
  const resting = new Set(progress.steps.flatMap((step) => step.resting));
  const candidates = open.flatMap((step) =>
    step.exercises
      .filter((exercise) => !resting.has(exercise.id) && exercise.kind !== 'safety-check')
      .map((exercise) => ({ step: step.id, exercise })),
  );
  const firstOf = (kinds: readonly Exercise['kind'][], steps?: readonly string[]) =>
    candidates.find(
      ({ step, exercise }) =>
        kinds.includes(exercise.kind) &&
        (!steps || steps.includes(step)) &&
        !doneBy(facts, exercise.id, partner),
    ) ??
    candidates.find(
      ({ step, exercise }) => kinds.includes(exercise.kind) && (!steps || steps.includes(step)),
    );

  if (input.ownSafetyConcern) {
    const help = program.steps.find((step) => step.id === HELP_STEP);
    const read = help?.exercises.find((exercise) => exercise.kind === 'learn');
    return suggestion(read, help?.id, 'safety:result.risk.help');
  }
  if (progress.paused) return suggestion(undefined, undefined, 'common:suggest.rest');

  const scores = progress.checkIns.flatMap((trends) => trends.dimensions);
  // A sensitive dimension (how safe a partner feels) never drives a suggestion both partners see.
  const sensitive = new Set(
    program.steps.flatMap((step) =>
      step.exercises.flatMap((exercise) =>
        exercise.kind === 'check-in'
          ? exercise.dimensions.filter((d) => d.sensitive).map((d) => `${exercise.id}|${d.id}`)
          : [],
      ),
    ),
  );
  const divergesOpenly = (exercise: string, d: { dimension: string; diverging: boolean }) =>
    d.diverging && !sensitive.has(`${exercise}|${d.dimension}`);
  const divergingIn = progress.checkIns.find((trends) =>
    trends.dimensions.some((d) => divergesOpenly(trends.exercise, d)),
  );
  const diverging = divergingIn?.dimensions.find((dimension) =>
    divergesOpenly(divergingIn.exercise, dimension),
  );
  if (diverging) {
    const talk =
      firstOf(['conversation'], ['empathy', 'open-communication', 'active-listening']) ??
      firstOf(['conversation']);
    if (talk) {
      const checkIn = program.steps
        .flatMap((step) => step.exercises)
        .find((exercise) => exercise.id === divergingIn?.exercise);
      const label =
        checkIn?.kind === 'check-in'
          ? checkIn.dimensions.find((d) => d.id === diverging.dimension)?.key
          : undefined;
      return suggestion(talk.exercise, talk.step, 'common:suggest.divergence', {
        dimension: diverging.dimension,
        ...(label ? { dimensionKey: label } : {}),
      });
    }
  }
  // Own keys only: a partner id such as `constructor` must not read what every object inherits.
  const own = scores.flatMap((dimension) =>
    Object.hasOwn(dimension.latest, partner) ? [dimension.latest[partner] as number] : [],
  );
  const average = own.length > 0 ? own.reduce((a, b) => a + b, 0) / own.length : undefined;
  if (average !== undefined && average <= 2) {
    const repair = firstOf(['agreement', 'guided-practice'], ['conflict']);
    const help = program.steps
      .find((step) => step.id === HELP_STEP)
      ?.exercises.find((e) => e.kind === 'learn');
    return repair
      ? suggestion(repair.exercise, repair.step, 'common:suggest.low-scores')
      : suggestion(help, HELP_STEP, 'common:suggest.low-scores');
  }
  const due = input.due.find((item) => item.state === 'due');
  if (due) {
    const exercise = program.steps
      .flatMap((step) => step.exercises)
      .find((e) => e.id === due.exercise);
    return suggestion(exercise, due.step, 'common:suggest.due', {
      exercise: due.exercise,
      exerciseKey: exercise?.titleKey ?? due.exercise,
    });
  }
  const started = candidates.find(
    ({ exercise }) =>
      facts.started.get(exercise.id)?.has(partner) && !doneBy(facts, exercise.id, partner),
  );
  if (started) return suggestion(started.exercise, started.step, 'common:suggest.continue');
  if (average !== undefined && average >= 4) {
    const deeper = firstOf(['conversation', 'reflection'], ['vulnerability', 'empathy']);
    if (deeper) return suggestion(deeper.exercise, deeper.step, 'common:suggest.high-scores');
  }
  const next = candidates.find(({ exercise }) => !doneBy(facts, exercise.id, partner));
  if (next) return suggestion(next.exercise, next.step, 'common:suggest.next-in-step');
  return suggestion(undefined, undefined, 'common:suggest.rest');
}
