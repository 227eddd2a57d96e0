import type { Exercise, Program } from '../program/types.js';
import type { ProgramProblem } from './problems.js';

/** Item lists inside an exercise whose ids must be unique within it. */
function itemLists(exercise: Exercise): [string, readonly { readonly id: string }[]][] {
  switch (exercise.kind) {
    case 'conversation':
      return [['prompts', exercise.prompts]];
    case 'guided-practice':
      return [
        ['roles', exercise.roles],
        ['phases', exercise.phases],
      ];
    case 'check-in':
      return [['dimensions', exercise.dimensions]];
    case 'partner-quiz':
      return [
        ['questions', exercise.questions],
        ...exercise.questions.map((question, i): [string, readonly { readonly id: string }[]] => [
          `questions[${i}].options`,
          question.options,
        ]),
      ];
    case 'agreement':
      return [['fields', exercise.fields]];
    case 'safety-check':
      return [['questions', exercise.questions]];
    default:
      return [];
  }
}

function duplicates(
  entries: readonly { readonly id: string; readonly path: string }[],
  what: string,
  scope: string,
): ProgramProblem[] {
  const firstSeen = new Map<string, string>();
  const problems: ProgramProblem[] = [];
  for (const { id, path } of entries) {
    const first = firstSeen.get(id);
    if (first === undefined) {
      firstSeen.set(id, path);
      continue;
    }
    problems.push({
      code: 'duplicate-id',
      path,
      message: `The ${what} id "${id}" is used twice ${scope}: at "${first}" and at "${path}".`,
      fix: `Give one of them another id; ${what} ids must be unique ${scope}.`,
    });
  }
  return problems;
}

/** Reports step, exercise and item ids that are not unique where they must be. */
export function checkIds(program: Program): ProgramProblem[] {
  const steps = program.steps.map((step, s) => ({ id: step.id, path: `steps[${s}].id` }));
  const exercises = program.steps.flatMap((step, s) =>
    step.exercises.map((exercise, e) => ({
      id: exercise.id,
      path: `steps[${s}].exercises[${e}].id`,
    })),
  );
  const items = program.steps.flatMap((step, s) =>
    step.exercises.flatMap((exercise, e) =>
      itemLists(exercise).flatMap(([list, entries]) =>
        duplicates(
          entries.map((entry, i) => ({
            id: entry.id,
            path: `steps[${s}].exercises[${e}].${list}[${i}].id`,
          })),
          'item',
          `in the list "${list}" of exercise "${exercise.id}"`,
        ),
      ),
    ),
  );
  return [
    ...duplicates(steps, 'step', 'in the program'),
    ...duplicates(exercises, 'exercise', 'in the program'),
    ...items,
  ];
}
