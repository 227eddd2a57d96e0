/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckLoadersFile, loadersFile, resourceTypesFile } from './generated-files.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

describe('generated files', () => {
  it('give the deck files lazy loaders of their own, apart from the program', () => {
    expect(loadersFile(packageDir).contents).toContain(
      "    common: () => import('../../locales/en/common.json'),",
    );
    expect(loadersFile(packageDir).contents).not.toContain('deck-');
    const { contents } = deckLoadersFile(packageDir);
    expect(contents).toContain('export const deckLoaders:');
    expect(contents).not.toContain('common');
    expect(contents).toContain(
      "'deck-daily-1': () => import('../../locales/en/deck-daily-1.json'),",
    );
    expect(contents).toContain("'deck-quiz-4': () => import('../../locales/en/deck-quiz-4.json'),");
  });

  it('leave the deck namespaces out of the typed keys', () => {
    const { contents } = resourceTypesFile(packageDir);
    expect(contents).toContain('readonly common: {');
    expect(contents).toContain("readonly 'safe-space': {");
    expect(contents).not.toMatch(/readonly 'deck-/);
  });
});
