import { describe, expect, it } from 'vitest';
import { renderResourceTypes } from './render-resource-types.js';

describe('renderResourceTypes', () => {
  const source = renderResourceTypes(
    new Map<string, unknown>([
      ['safety', { pause: 'Pause' }],
      [
        'common',
        {
          program: { title: 'Nine steps closer', 'not-therapy': 'Not */ therapy @see {{partner}}' },
          minutes_one: '{{count}} minute',
          minutes_other: '{{count}} minutes',
          steps: ['One', 'Two'],
          nothing: {},
          long: 'word '.repeat(40),
        },
      ],
    ]),
  );

  it('declares one readonly property per namespace, in program order', () => {
    expect(source).toContain('export interface AttuneResources {');
    expect(source.indexOf('readonly common:')).toBeLessThan(source.indexOf('readonly safety:'));
  });

  it('types every text as a plain string, keeping plural keys as they are', () => {
    expect(source).toContain('      readonly title: string;');
    expect(source).toContain("      readonly 'not-therapy': string;");
    expect(source).toContain('    readonly minutes_one: string;');
    expect(source).toContain('    readonly steps: readonly string[];');
    expect(source).toContain('    readonly nothing: Record<string, never>;');
  });

  it('documents each text with its English, escaped so it cannot break the comment', () => {
    expect(source).toContain('/** Nine steps closer */');
    expect(source).toContain('/** Not *\\/ therapy \\@see \\{\\{partner\\}\\} */');
    expect(source).toMatch(/\/\*\* (word ){19}word… \*\//);
  });
});
