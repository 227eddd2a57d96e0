import type { Exercise, Program, Step } from '../program/types.js';
import type { Rule } from '../rules/types.js';
import type { ProgramProblem } from './problems.js';

/** The step id that must always be open when a program has it: help is never gated behind progress. */
export const HELP_STEP = 'professional-help';

interface Index {
  readonly steps: ReadonlyMap<string, Step>;
  readonly exercises: ReadonlyMap<string, { readonly step: Step; readonly exercise: Exercise }>;
}

function indexOf(program: Program): Index {
  const steps = new Map<string, Step>();
  const exercises = new Map<string, { step: Step; exercise: Exercise }>();
  for (const step of program.steps) {
    if (!steps.has(step.id)) steps.set(step.id, step);
    for (const exercise of step.exercises) {
      if (!exercises.has(exercise.id)) exercises.set(exercise.id, { step, exercise });
    }
  }
  return { steps, exercises };
}

/** Calls `visit` on a rule and every rule nested in it, with its path. */
function walk(rule: Rule, path: string, visit: (rule: Rule, path: string) => void): void {
  visit(rule, path);
  if (rule.kind === 'all' || rule.kind === 'any') {
    for (const [i, inner] of rule.rules.entries()) walk(inner, `${path}.rules[${i}]`, visit);
  } else if (rule.kind === 'not') {
    walk(rule.rule, `${path}.rule`, visit);
  }
}

function checkRule(rule: Rule, path: string, index: Index): ProgramProblem[] {
  const problem = (
    code: ProgramProblem['code'],
    message: string,
    fix: string,
  ): ProgramProblem[] => [{ code, path, message, fix }];
  switch (rule.kind) {
    case 'step-completed':
      return index.steps.has(rule.step)
        ? []
        : problem(
            'unknown-step',
            `The rule at "${path}" waits for step "${rule.step}", which the program does not have.`,
            `Use one of the program's step ids: ${[...index.steps.keys()].join(', ')}.`,
          );
    case 'exercise-done': {
      const found = index.exercises.get(rule.exercise);
      if (!found) {
        return problem(
          'unknown-exercise',
          `The rule at "${path}" waits for exercise "${rule.exercise}", which the program does not have.`,
          'Use the id of an exercise in the program, or add the exercise.',
        );
      }
      if (found.exercise.kind === 'safety-check') {
        return problem(
          'reveals-safety-check',
          `The rule at "${path}" waits for the safety check "${rule.exercise}", so progress would show the other partner whether it was taken.`,
          'Remove the condition: the safety check is private, and whether someone took it must stay private too.',
        );
      }
      if (rule.by === 'both-together' && found.exercise.mode === 'solo') {
        return problem(
          'impossible-rule',
          `The rule at "${path}" asks for "${rule.exercise}" to be done together, but it is a solo exercise, so this can never happen.`,
          'Use by: "either" or "each", or change the exercise\'s mode to "together".',
        );
      }
      return [];
    }
    case 'check-in-score':
    case 'check-in-divergence': {
      const found = index.exercises.get(rule.exercise);
      if (!found) {
        return problem(
          'unknown-exercise',
          `The rule at "${path}" reads check-in "${rule.exercise}", which the program does not have.`,
          'Use the id of a check-in exercise in the program.',
        );
      }
      const checkIn = found.exercise;
      if (checkIn.kind !== 'check-in') {
        return problem(
          'wrong-exercise-kind',
          `The rule at "${path}" reads scores from "${rule.exercise}", which is a ${checkIn.kind} exercise, not a check-in.`,
          'Point the rule at a check-in exercise.',
        );
      }
      if (!checkIn.dimensions.some((dimension) => dimension.id === rule.dimension)) {
        return problem(
          'unknown-dimension',
          `The rule at "${path}" reads dimension "${rule.dimension}", which check-in "${rule.exercise}" does not ask about.`,
          `Use one of: ${checkIn.dimensions.map((dimension) => dimension.id).join(', ')}.`,
        );
      }
      const { min, max } = checkIn.scale;
      if (rule.kind === 'check-in-divergence') {
        return rule.atLeast > max - min
          ? problem(
              'impossible-rule',
              `The rule at "${path}" needs scores ${rule.atLeast} apart, but on a ${min}–${max} scale they can differ by at most ${max - min}.`,
              `Use a threshold of at most ${max - min}.`,
            )
          : [];
      }
      const low = rule.atLeast ?? min;
      const high = rule.atMost ?? max;
      return low > high || low > max || high < min
        ? problem(
            'impossible-rule',
            `The rule at "${path}" needs a score from ${low} to ${high}, which no answer on the ${min}–${max} scale can give.`,
            `Choose bounds within ${min}–${max}, with atLeast no higher than atMost.`,
          )
        : [];
    }
    case 'not':
      return rule.rule.kind === 'always'
        ? problem(
            'impossible-rule',
            `The rule at "${path}" is "not always", which never holds.`,
            'Remove the "not", or negate a condition that can change.',
          )
        : [];
    case 'all': {
      // A condition required together with its own negation can never hold.
      const required = new Set(rule.rules.map((inner) => JSON.stringify(inner)));
      const contradiction = rule.rules.find(
        (inner) => inner.kind === 'not' && required.has(JSON.stringify(inner.rule)),
      );
      return contradiction
        ? problem(
            'impossible-rule',
            `The rule at "${path}" requires a condition and its opposite at once, so it never holds.`,
            'Remove either the condition or its "not".',
          )
        : [];
    }
    default:
      return [];
  }
}

/** A state a step can be in that a rule waits for: opened, or completed. */
type Need = `open:${string}` | `done:${string}`;

/**
 * What a rule needs before it can hold at all: a step completed (`step-completed`), or a step open
 * (its exercises can only be done then). Under `any` only what every branch needs counts; nothing
 * under `not` does.
 */
function needsOf(rule: Rule, index: Index): Set<Need> {
  switch (rule.kind) {
    case 'step-completed':
      return new Set(index.steps.has(rule.step) ? [`done:${rule.step}` as const] : []);
    case 'exercise-done':
    case 'check-in-score':
    case 'check-in-divergence': {
      const step = index.exercises.get(rule.exercise)?.step.id;
      return new Set(step ? [`open:${step}` as const] : []);
    }
    case 'all':
      return new Set(rule.rules.flatMap((inner) => [...needsOf(inner, index)]));
    case 'any': {
      const [first, ...rest] = rule.rules.map((inner) => needsOf(inner, index));
      return new Set([...(first ?? [])].filter((need) => rest.every((set) => set.has(need))));
    }
    default:
      return new Set();
  }
}

/**
 * Finds steps that can never open because opening them waits, directly or through other steps, on
 * themselves being open.
 */
function checkCycles(program: Program, index: Index): ProgramProblem[] {
  // A step opens when its unlock rule holds; it is done when it is open and its completion holds.
  const edges = new Map<Need, Set<Need>>();
  for (const step of program.steps) {
    edges.set(`open:${step.id}`, needsOf(step.unlock, index));
    const done = needsOf(step.completion, index);
    done.delete(`open:${step.id}`);
    edges.set(`done:${step.id}`, new Set([`open:${step.id}` as const, ...done]));
  }

  const problems: ProgramProblem[] = [];
  const reported = new Set<string>();
  program.steps.forEach((step, s) => {
    const start: Need = `open:${step.id}`;
    // Breadth-first from what opening the step needs; reaching the step's own opening is a cycle.
    const cameFrom = new Map<Need, Need>();
    const queue: Need[] = [];
    for (const next of edges.get(start) ?? []) {
      cameFrom.set(next, start);
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head] as Need;
      if (current === start) {
        const chain: string[] = [];
        for (
          let at: Need | undefined = cameFrom.get(start);
          at && at !== start;
          at = cameFrom.get(at)
        ) {
          const id = at.slice(5);
          if (chain[0] !== id) chain.unshift(id);
        }
        const cycle = [step.id, ...chain.filter((id) => id !== step.id), step.id];
        const key = [...new Set(cycle)].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          problems.push({
            code: 'unlock-cycle',
            path: `steps[${s}].unlock`,
            message:
              cycle.length <= 2
                ? `Step "${step.id}" can never open: its unlock rule waits for the step itself.`
                : `Step "${step.id}" can never open: ${cycle.map((id) => `"${id}"`).join(' waits for ')}.`,
            fix: 'Break the cycle: let one of these steps open from an earlier step, or from { "kind": "always" }.',
          });
        }
        break;
      }
      for (const next of edges.get(current) ?? []) {
        if (!cameFrom.has(next)) {
          cameFrom.set(next, current);
          queue.push(next);
        }
      }
    }
  });
  return problems;
}

function checkHelpStaysOpen(program: Program, index: Index): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  program.alwaysOpen.forEach((id, i) => {
    const step = index.steps.get(id);
    if (!step) {
      problems.push({
        code: 'unknown-step',
        path: `alwaysOpen[${i}]`,
        message: `"alwaysOpen" lists step "${id}", which the program does not have.`,
        fix: `Use one of the program's step ids: ${[...index.steps.keys()].join(', ')}.`,
      });
    } else if (step.unlock.kind !== 'always') {
      problems.push({
        code: 'locked-help',
        path: `steps[${program.steps.indexOf(step)}].unlock`,
        message: `Step "${id}" must never be locked, but its unlock rule is "${step.unlock.kind}".`,
        fix: 'Set its unlock rule to { "kind": "always" }.',
      });
    }
  });
  const help = index.steps.get(HELP_STEP);
  if (help && !program.alwaysOpen.includes(HELP_STEP)) {
    problems.push({
      code: 'locked-help',
      path: 'alwaysOpen',
      message: `Step "${HELP_STEP}" is not in "alwaysOpen": help must never be gated behind progress.`,
      fix: `Add "${HELP_STEP}" to "alwaysOpen" and give it the unlock rule { "kind": "always" }.`,
    });
  }
  return problems;
}

/**
 * Reports rules that name unknown steps, exercises or dimensions, conditions that can never hold,
 * unlock cycles, and help that could be locked.
 */
export function checkRules(program: Program): ProgramProblem[] {
  const index = indexOf(program);
  const problems: ProgramProblem[] = [];
  program.steps.forEach((step, s) => {
    for (const field of ['unlock', 'completion'] as const) {
      walk(step[field], `steps[${s}].${field}`, (rule, path) => {
        problems.push(...checkRule(rule, path, index));
      });
    }
  });
  return [...problems, ...checkCycles(program, index), ...checkHelpStaysOpen(program, index)];
}
