/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../fingerprint.js';
import { createWorkFolder, readTree, type WorkFolder } from './__fixtures__/locales-folder.js';

const english = {
  'en/common.json': {
    title: 'Nine steps',
    minutes_one: 'One minute',
    minutes_other: '{{count}} minutes',
  },
  'en/safety.json': {
    check: {
      intro: 'Hello {{partner}}, read $t(common:title) first.',
      'answer-yes': 'Yes',
    },
    steps: '1. Sit together.\n2. Take turns.',
  },
  'en/_meta/context.json': {
    'safety:check.answer-yes': { context: 'Answer button of the safety check.', maxLength: 12 },
  },
};

const german = {
  'de/common.json': {
    title: 'Neun Schritte',
    minutes_one: 'Eine Minute',
    minutes_other: '{{count}} Minuten',
  },
  'de/safety.json': {
    check: {
      intro: 'Hallo {{partner}}, lies zuerst $t(common:title).',
      'answer-yes': 'Ja',
    },
    steps: '1. Setzt euch zusammen.\n2. Wechselt euch ab.',
  },
};

let work: WorkFolder;
let before: Map<string, string>;

beforeEach(() => {
  work = createWorkFolder({ ...english, ...german });
  expect(work.run(['mark-translated', 'de']).code).toBe(0);
  before = readTree(work.dir);
});
afterEach(() => work.remove());

/** Exports German and returns the path of one namespace's file. */
function exported(namespace: string, format: 'xliff' | 'po' = 'xliff'): string {
  const result = work.run(['export', 'de', '--format', format]);
  expect(result.code, result.stderr).toBe(0);
  return join(
    work.root,
    '.translations',
    'de',
    `${namespace}.${format === 'xliff' ? 'xlf' : 'po'}`,
  );
}

/** Replaces one text in a file, failing the test if the text is not there. */
function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

const target = (text: string): string => `<target xml:space="preserve">${text}</target>`;

/** Imports and expects a refusal with the given code, and nothing written. */
function expectRefused(args: readonly string[], code: string): string {
  const result = work.run(['import', ...args]);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`[${code}]`);
  expect(result.stdout).toContain('Nothing was written');
  expect(readTree(work.dir)).toEqual(before);
  return result.stdout;
}

describe('attune-content import', () => {
  it('writes an edited translation in the English key order, records its English and leaves English alone', () => {
    const path = exported('safety');
    edit(path, target('Ja'), target('Jawohl'));
    const result = work.run(['import', path]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Imported 1 text into de (safety) from 1 file');
    const json = readFileSync(join(work.dir, 'de', 'safety.json'), 'utf8');
    expect(json).toBe(
      `${JSON.stringify({ ...german['de/safety.json'], check: { ...german['de/safety.json'].check, 'answer-yes': 'Jawohl' } }, null, 2)}\n`,
    );
    const fingerprints = JSON.parse(
      readFileSync(join(work.dir, 'de', '_meta', 'source-fingerprints.json'), 'utf8'),
    );
    expect(fingerprints.safety['check.answer-yes']).toBe(fingerprint('Yes'));
    const after = readTree(work.dir);
    for (const path of [...before.keys()].filter((path) => path.startsWith('en/'))) {
      expect(after.get(path)).toBe(before.get(path));
    }
  });

  it('checks without writing with --dry-run', () => {
    const path = exported('safety');
    edit(path, target('Ja'), target('Jawohl'));
    const result = work.run(['import', path, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 text would be written into de (safety)');
    expect(readTree(work.dir)).toEqual(before);
  });

  it('reads PO back the same way', () => {
    const path = exported('safety', 'po');
    edit(path, 'msgstr "Ja"', 'msgstr "Jawohl"');
    expect(work.run(['import', path]).code).toBe(0);
    expect(readFileSync(join(work.dir, 'de', 'safety.json'), 'utf8')).toContain('"Jawohl"');
  });

  it('reads a key from an XLIFF and a PO export of the same locale when they agree', () => {
    const xliff = exported('safety');
    const po = exported('safety', 'po');
    edit(xliff, target('Ja'), target('Jawohl'));
    edit(po, 'msgstr "Ja"', 'msgstr "Jawohl"');
    const result = work.run(['import', join(work.root, '.translations', 'de')]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('Imported 1 text into de (safety) from 4 files');
  });

  it('leaves a text as it is when its target is empty', () => {
    const path = exported('safety');
    edit(path, target('Ja'), '');
    const result = work.run(['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing to import');
    expect(readTree(work.dir)).toEqual(before);
  });

  it('imports into the locale --locale names when the tool calls it otherwise', () => {
    const path = exported('safety');
    edit(path, 'trgLang="de"', 'trgLang="de-DE"');
    edit(path, target('Ja'), target('Jawohl'));
    expectRefused([path], 'wrong-locale');
    expect(work.run(['import', path, '--locale', 'de']).code).toBe(0);
  });
});

describe('attune-content import refuses, writing nothing,', () => {
  it('a file that is not well-formed XML, saying the line', () => {
    const path = exported('safety');
    edit(path, target('Ja'), '<target xml:space="preserve">Ja & nein</target>');
    const stdout = expectRefused([path], 'malformed-file');
    expect(stdout).toMatch(/error {4}line \d+ {2}\[malformed-file\]/);
    expect(stdout).toContain('It is not well-formed XML');
    expect(stdout).toContain('&amp;');
  });

  it('a PO file that does not parse, saying the line', () => {
    const path = exported('safety', 'po');
    edit(path, 'msgstr "Ja"', 'msgstr "Ja "genau""');
    const stdout = expectRefused([path], 'malformed-file');
    expect(stdout).toMatch(/line \d+/);
    expect(stdout).toContain('It is not a valid PO file');
  });

  it('an XLIFF 1.2 file', () => {
    const path = exported('safety');
    edit(
      path,
      'xmlns="urn:oasis:names:tc:xliff:document:2.0"',
      'xmlns="urn:oasis:names:tc:xliff:document:1.2"',
    );
    expect(expectRefused([path], 'malformed-file')).toContain('This is an XLIFF 1.2 file');
  });

  it('a target holding inline codes', () => {
    const path = exported('safety');
    edit(path, target('Ja'), target('Ja<ph id="1"/>'));
    expect(expectRefused([path], 'malformed-file')).toContain('holds a <ph> element');
  });

  it('a file saved as UTF-16', () => {
    const path = exported('safety');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(readFileSync(path, 'utf8'), 'utf16le'),
      ]),
    );
    expect(expectRefused([path], 'malformed-file')).toContain('UTF-16');
  });

  it('a key English does not have', () => {
    const path = exported('safety');
    edit(path, 'id="check.answer-yes"', 'id="check.answer-yes-please"');
    expect(expectRefused([path], 'unknown-key')).toContain(
      'English safety.json has no key "check.answer-yes-please"',
    );
  });

  it('a plural form the language does not use', () => {
    const path = exported('common', 'po');
    edit(path, 'msgctxt "common:minutes_one"', 'msgctxt "common:minutes_few"');
    expect(expectRefused([path], 'unknown-key')).toContain('German has no “few” plural form');
  });

  it('a namespace English does not have', () => {
    const path = exported('safety');
    edit(path, '<file id="safety"', '<file id="safety-net"');
    expect(expectRefused([path], 'unknown-namespace')).toContain('"safety-net" is not a namespace');
  });

  it('a key given twice', () => {
    const path = exported('safety');
    const copy = join(work.root, 'safety-again.xlf');
    writeFileSync(copy, readFileSync(path, 'utf8').replace(target('Ja'), target('Jawohl')));
    expect(expectRefused([path, copy], 'duplicate-key')).toContain('has another translation');
  });

  it('a missing placeholder', () => {
    const path = exported('safety');
    edit(path, 'Hallo {{partner}},', 'Hallo,');
    expect(expectRefused([path], 'placeholder-mismatch')).toContain('{{partner}} is missing');
  });

  it('an extra placeholder', () => {
    const path = exported('safety');
    edit(path, target('Ja'), target('Ja, {{name}}'));
    expect(expectRefused([path], 'placeholder-mismatch')).toContain(
      '{{name}} is not in the original',
    );
  });

  it('a changed $t(…) nesting', () => {
    const path = exported('safety');
    edit(path, 'lies zuerst $t(common:title)', 'lies zuerst $t(common:titel)');
    expectRefused([path], 'nesting-mismatch');
  });

  it('a lost numbered step', () => {
    const path = exported('safety', 'po');
    edit(path, '2. Wechselt euch ab.', 'Wechselt euch ab.');
    expectRefused([path], 'numbered-lines');
  });

  it('a text longer than its maxLength', () => {
    const path = exported('safety');
    edit(path, target('Ja'), target('Ja, sehr gerne doch'));
    expect(expectRefused([path], 'too-long')).toContain('at most 12 fit here');
  });

  it('a file for English', () => {
    const path = exported('safety');
    edit(path, 'trgLang="de"', 'trgLang="en"');
    expect(expectRefused([path], 'wrong-locale')).toContain('import never changes it');
  });

  it('a file for a locale the folder lacks', () => {
    const path = exported('safety', 'po');
    edit(path, 'Language: de', 'Language: fr');
    expect(expectRefused([path], 'wrong-locale')).toContain('attune-content new-locale fr');
  });

  it('every file when one of them has an error', () => {
    const good = exported('common');
    edit(good, target('Neun Schritte'), target('Neun Schritte näher'));
    const bad = join(work.root, '.translations', 'de', 'safety.xlf');
    edit(bad, target('Ja'), target('Ja, {{name}}'));
    expectRefused([join(work.root, '.translations', 'de')], 'placeholder-mismatch');
  });
});

describe('attune-content import warns', () => {
  it('when the English changed since the export, and records the older English', () => {
    const path = exported('safety');
    edit(path, target('Ja'), target('Jawohl'));
    const englishFile = join(work.dir, 'en', 'safety.json');
    writeFileSync(englishFile, readFileSync(englishFile, 'utf8').replace('"Yes"', '"Yes, please"'));
    const result = work.run(['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[english-changed]');
    expect(result.stdout).toContain('it now reads "Yes, please"');
    const fingerprints = JSON.parse(
      readFileSync(join(work.dir, 'de', '_meta', 'source-fingerprints.json'), 'utf8'),
    );
    expect(fingerprints.safety['check.answer-yes']).toBe(fingerprint('Yes'));
    const check = work.run(['check']);
    expect(check.stdout).toContain('The English changed after this was translated');
  });

  it('when a translation is the English words', () => {
    const path = exported('safety');
    edit(path, target('Ja'), target('Yes'));
    const result = work.run(['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[same-as-english]');
  });

  it('when a PO entry is fuzzy, and leaves its text as it was', () => {
    const path = exported('safety', 'po');
    edit(path, 'msgctxt "safety:check.answer-yes"', '#, fuzzy\nmsgctxt "safety:check.answer-yes"');
    edit(path, 'msgstr "Ja"', 'msgstr "Jawohl"');
    const result = work.run(['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[fuzzy-skipped]');
    expect(readTree(work.dir)).toEqual(before);
  });
});

describe('attune-content export', () => {
  it('refuses a locale the folder lacks', () => {
    const result = work.run(['export', 'fr']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('attune-content new-locale fr');
  });

  it('refuses a format it does not write', () => {
    expect(work.run(['export', 'de', '--format', 'csv']).stderr).toContain(
      '--format takes "xliff" or "po"',
    );
  });

  it('refuses a locale file that cannot be read, naming it', () => {
    writeFileSync(join(work.dir, 'de', 'safety.json'), '{ "check": ');
    const result = work.run(['export', 'de']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('de/safety.json cannot be read');
  });

  it('refuses a text holding half of a surrogate pair, which no file can carry', () => {
    writeFileSync(
      join(work.dir, 'de', 'common.json'),
      JSON.stringify({ ...german['de/common.json'], title: 'Neun \ud800Schritte' }),
    );
    const result = work.run(['export', 'de']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('common:title holds a broken character');
    expect(readTree(work.root).has('.translations/de/safety.xlf')).toBe(false);
  });

  it('exports only the namespaces named', () => {
    const result = work.run(['export', 'de', 'safety', '--out', 'out']);
    expect(result.code).toBe(0);
    expect([...readTree(join(work.root, 'out')).keys()]).toEqual(['de/safety.xlf']);
  });

  it('gives each text the notes a translator needs', () => {
    const englishFile = join(work.dir, 'en', 'safety.json');
    writeFileSync(englishFile, readFileSync(englishFile, 'utf8').replace('"Yes"', '"Yes, please"'));
    const xliff = readFileSync(exported('safety'), 'utf8');
    expect(xliff).toContain('<note category="context">Answer button of the safety check.</note>');
    expect(xliff).toContain(
      '<note category="outdated">The English changed after this was translated.',
    );
    expect(xliff).toContain(
      '<note category="placeholders">Keep {{partner}} exactly as written, spelling and braces included: the app fills it in. Copy $t(common:title) exactly',
    );
    expect(xliff).toContain(
      '<note category="steps">Keep one numbered line per step, 2 in all (1. to 2.)',
    );
    const po = readFileSync(exported('common', 'po'), 'utf8');
    expect(po).toContain(
      '#. The “other” plural form of “minutes”: German uses it for counts such as 0, 2, 3.\n#. Keep {{count}} exactly as written, spelling and braces included: the app fills it in. In this form {{count}} may be left out.',
    );
  });

  it('leaves empty the target of a text still in English', () => {
    const file = join(work.dir, 'de', 'safety.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Ja"', '"Yes"'));
    const xliff = readFileSync(exported('safety'), 'utf8');
    expect(xliff).toMatch(
      /<unit id="check\.answer-yes"[\s\S]*?<segment state="initial">\s*<source xml:space="preserve">Yes<\/source>\s*<\/segment>/,
    );
  });
});
