import { describe, expect, it } from 'vitest';
import { questionLadderExercise } from './ladder-step.js';
import { questionLadderKind } from './question-ladder-kind.js';

const check = (exercise: object) =>
  questionLadderKind.check?.(exercise as Readonly<Record<string, unknown>>) ?? [];

describe('the question-ladder kind', () => {
  it('accepts the shipped ladder', () => {
    expect(check(questionLadderExercise)).toEqual([]);
  });

  it('asks for exactly three sets', () => {
    const [problem, ...rest] = check({ ...questionLadderExercise, sets: [] });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: 'sets' });
    expect(problem?.fix).toContain('three sets');
  });

  it('reports every broken set and question with where it is and how to fix it', () => {
    const [warmUp, closer] = questionLadderExercise.sets;
    const problems = check({
      ...questionLadderExercise,
      sets: [
        { ...warmUp, id: 'Warm Up', titleKey: 'no key' },
        { ...closer, questions: [...closer.questions, { id: 'home-meal', key: 5 }, null] },
        'a set',
      ],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'sets[0].id',
      'sets[0].titleKey',
      'sets[1].questions[5].id',
      'sets[1].questions[5].key',
      'sets[1].questions[6].id',
      'sets[1].questions[6].key',
      'sets[2]',
    ]);
    expect(problems[2]).toEqual({
      path: 'sets[1].questions[5].id',
      message: '"home-meal" is not a kebab-case id of its own.',
      fix: 'Use an id in lowercase letters, digits and single hyphens, used once in the ladder: answers are recorded by it.',
    });
    const [, , heart] = questionLadderExercise.sets;
    expect(
      check({ ...questionLadderExercise, sets: [warmUp, closer, { ...heart, questions: [] }] }),
    ).toEqual([expect.objectContaining({ path: 'sets[2].questions' })]);
  });

  it('recognises a run as complete once both partners answered every question', () => {
    const answered = new Set<string>();
    const answers = {
      partners: ['ana', 'kai'],
      answeredBy: (prompt: string) => (answered.has(prompt) ? ['kai', 'ana'] : ['ana']),
      eventsOf: () => [],
    };
    const all = questionLadderExercise.sets.flatMap((set) => set.questions.map((q) => q.id));
    for (const id of all.slice(0, -1)) answered.add(id);
    expect(questionLadderKind.completedWhen?.(questionLadderExercise, answers)).toBe(false);
    answered.add(all.at(-1) as string);
    expect(questionLadderKind.completedWhen?.(questionLadderExercise, answers)).toBe(true);
  });
});
