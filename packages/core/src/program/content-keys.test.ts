import { describe, expect, it } from 'vitest';
import { listContentKeys } from './content-keys.js';
import { nineStepProgram } from './nine-step-program.js';

describe('listContentKeys', () => {
  const uses = listContentKeys(nineStepProgram);

  it('lists each key of the nine-step program once, with where it is used', () => {
    const keys = uses.map((use) => use.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(uses[0]).toEqual({ key: 'common:program.title', path: 'titleKey' });
    expect(uses).toContainEqual({ key: 'safe-space:step.title', path: 'steps[0].titleKey' });
  });

  it('reaches into every kind of payload', () => {
    const paths = uses.map((use) => use.path);
    for (const fragment of [
      '.prompts[0]',
      '.prompts[0].key',
      '.roles[1]',
      '.cues.',
      '.ideas[0]',
      '.dimensions[0]',
      '.scale.maxLabelKey',
      '.options[1]',
      '.starters[0]',
      '.fields[0]',
      '.sections[0]',
    ]) {
      expect(
        paths.some((path) => path.includes(fragment)),
        fragment,
      ).toBe(true);
    }
  });

  it("finds the keys of a plugin kind's payload by their field names", () => {
    const story = {
      ...nineStepProgram.steps[0]?.exercises[1],
      kind: 'story',
      chapters: [{ id: 'one', titleKey: 'story:one.title', lines: { key: 'story:one.lines' } }],
      endingKeys: ['story:end.happy', 3],
      mood: 'calm',
    };
    const program = {
      ...nineStepProgram,
      steps: [{ ...nineStepProgram.steps[0], exercises: [story] }],
    } as unknown as typeof nineStepProgram;
    expect(listContentKeys(program).slice(-3)).toEqual([
      { key: 'story:one.title', path: 'steps[0].exercises[0].chapters[0].titleKey' },
      { key: 'story:one.lines', path: 'steps[0].exercises[0].chapters[0].lines.key' },
      { key: 'story:end.happy', path: 'steps[0].exercises[0].endingKeys[0]' },
    ]);
  });
});
