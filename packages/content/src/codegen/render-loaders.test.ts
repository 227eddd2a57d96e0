import { describe, expect, it } from 'vitest';
import { renderLoaders } from './render-loaders.js';

describe('renderLoaders', () => {
  const source = renderLoaders(
    new Map([
      ['ja', ['safety', 'common']],
      ['en', ['conflict', 'common', 'zz-extra']],
      ['pt-BR', ['common']],
      ['empty', []],
    ]),
  );

  it('writes one dynamic import per locale × namespace file', () => {
    expect(source).toContain("    common: () => import('../../locales/en/common.json'),");
    expect(source).toContain("    safety: () => import('../../locales/ja/safety.json'),");
    expect(source.match(/import\(/g)).toHaveLength(6);
  });

  it('puts the source locale first and namespaces in program order', () => {
    const order = [...source.matchAll(/locales\/([^/]+)\/([^.]+)\.json/g)].map(
      (match) => `${match[1]}/${match[2]}`,
    );
    expect(order).toEqual([
      'en/common',
      'en/conflict',
      'en/zz-extra',
      'ja/common',
      'ja/safety',
      'pt-BR/common',
    ]);
  });

  it('quotes keys that are not identifiers and leaves out empty locales', () => {
    expect(source).toContain("  'pt-BR': {");
    expect(source).toContain("    'zz-extra': () =>");
    expect(source).not.toContain('empty');
  });
});
