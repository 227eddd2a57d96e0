/// <reference types="node" />
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPseudoLocale, readTranslationMeta, writeFingerprints } from './meta.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'attune-meta-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('readTranslationMeta', () => {
  it('reads the context, the texts meant to stay the same and the fingerprints', () => {
    const meta = readTranslationMeta(
      folder({
        'en/common.json': '{}',
        'en/_meta/context.json': JSON.stringify({
          'common:ok': { context: 'A button.', maxLength: 12 },
          'common:brand': { properName: true },
        }),
        'de/_meta/intended-same.json': JSON.stringify({ 'common:ok': 'Germans say OK.' }),
        'de/_meta/source-fingerprints.json': JSON.stringify({ common: { ok: 'abc' } }),
        'ja/common.json': '{}',
      }),
      'en',
    );
    expect(meta.context).toEqual(
      new Map([
        ['common:ok', { context: 'A button.', maxLength: 12 }],
        ['common:brand', { properName: true }],
      ]),
    );
    expect(meta.locales.get('de')).toEqual({
      intendedSame: new Map([['common:ok', 'Germans say OK.']]),
      fingerprints: new Map([['common', new Map([['ok', 'abc']])]]),
    });
    expect(meta.locales.has('ja')).toBe(false);
    expect(meta.problems).toEqual([]);
  });

  it('reports files it cannot use, with what is wrong', () => {
    const meta = readTranslationMeta(
      folder({
        'en/_meta/context.json': JSON.stringify({
          'common:ok': { maxLength: 0, note: 'x' },
          'common:no': 'A button.',
        }),
        'de/_meta/intended-same.json': '{ "common:ok": true }',
        'es/_meta/intended-same.json': '{ nope',
        'ja/_meta/source-fingerprints.json': '{ "common": { "ok": 1 } }',
      }),
      'en',
    );
    expect(meta.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'de/_meta/intended-same.json: "common:ok" must be followed by text saying why it stays the same.',
      'en/_meta/context.json: "common:ok": "maxLength" must be a whole number above 0; "note" is not a field (use context, maxLength, properName).',
      'en/_meta/context.json: "common:no" must be an object such as { "context": "…", "maxLength": 24 }.',
      expect.stringMatching(/^es\/_meta\/intended-same\.json: It is not valid JSON/),
      'ja/_meta/source-fingerprints.json: "common" must be an object of "key": "fingerprint".',
    ]);
  });

  it('tells pseudo-locales apart, by their marker or their code', () => {
    const root = folder({
      'en-XA/_meta/pseudo.json': '{}',
      'fr-CA/common.json': '{}',
      'ar-XB/common.json': '{}',
      'qps-ploc/common.json': '{}',
    });
    expect(readTranslationMeta(root, 'en').pseudoLocales).toEqual(['ar-XB', 'en-XA', 'qps-ploc']);
    expect(isPseudoLocale(root, 'fr-CA')).toBe(false);
  });
});

describe('writeFingerprints', () => {
  it('writes namespaces and keys in the order given, leaving out empty namespaces', () => {
    const root = folder({ 'de/common.json': '{}' });
    const path = writeFingerprints(
      root,
      'de',
      new Map([
        [
          'common',
          new Map([
            ['b', '2'],
            ['a', '1'],
          ]),
        ],
        ['empty', new Map()],
      ]),
    );
    expect(path).toBe('de/_meta/source-fingerprints.json');
    expect(readTranslationMeta(root, 'en').locales.get('de')?.fingerprints).toEqual(
      new Map([
        [
          'common',
          new Map([
            ['b', '2'],
            ['a', '1'],
          ]),
        ],
      ]),
    );
  });
});
