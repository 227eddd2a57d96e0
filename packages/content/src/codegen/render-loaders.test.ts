import { describe, expect, it } from 'vitest';
import { renderLoaders } from './render-loaders.js';

describe('renderLoaders', () => {
  const source = renderLoaders(
    new Map([
      ['ja', ['safety', 'common']],
      ['en', ['deck-daily-2', 'conflict', 'deck-empathy', 'common', 'zz-extra', 'deck-daily-1']],
      ['pt-BR', ['common']],
      ['empty', []],
    ]),
  );

  it('writes one dynamic import per locale × namespace file', () => {
    expect(source).toContain("    common: () => import('../../locales/en/common.json'),");
    expect(source).toContain("    safety: () => import('../../locales/ja/safety.json'),");
    expect(source.match(/import\(/g)).toHaveLength(9);
  });

  it('puts the source locale first, then namespaces in program order, then the decks', () => {
    const order = [...source.matchAll(/locales\/([^/]+)\/([^.]+)\.json/g)].map(
      (match) => `${match[1]}/${match[2]}`,
    );
    expect(order).toEqual([
      'en/common',
      'en/conflict',
      'en/deck-daily-1',
      'en/deck-daily-2',
      'en/deck-empathy',
      'en/zz-extra',
      'ja/common',
      'ja/safety',
      'pt-BR/common',
    ]);
  });

  it('names the exported map and its files as asked', () => {
    const decks = renderLoaders(new Map([['en', ['deck-empathy']]]), {
      exportName: 'deckLoaders',
      fileKind: 'deck file',
    });
    expect(decks).toContain(
      '/** A lazy loader for every deck file in locales/, by locale then namespace. */',
    );
    expect(decks).toContain('export const deckLoaders: Readonly<');
    expect(source).toContain('export const loaders: Readonly<');
  });

  it('quotes keys that are not identifiers and leaves out empty locales', () => {
    expect(source).toContain("  'pt-BR': {");
    expect(source).toContain("    'zz-extra': () =>");
    expect(source).not.toContain('empty');
  });
});
