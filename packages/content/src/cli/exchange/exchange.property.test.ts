/// <reference types="node" />
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../fingerprint.js';
import { createWorkFolder, readTree } from './__fixtures__/locales-folder.js';
import type { ExchangeDocument, ExchangeFormat, ExchangeUnit } from './exchange-unit.js';
import { readPo } from './read-po.js';
import { readXliff } from './read-xliff.js';
import { writePo } from './write-po.js';
import { writeXliff } from './write-xliff.js';

/** What breaks careless XML and PO writers, and text from every direction and plane. */
const hostileFragments = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '&amp;',
  '&#13;',
  '<!-- -->',
  '\\',
  '\\n',
  '\\"',
  '"\\',
  'msgid "x"',
  '#, fuzzy',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '  ',
  '😀',
  '👩‍❤️‍👨',
  '𝒜',
  'שלום',
  'مرحبا بكما',
  '\u202e',
  '\u200f',
  '\u0085',
  '\u2028',
  '\u0000',
  '\u0007',
  '\u000b',
  '\u001f',
  '\ufffe',
  '\uffff',
  '{{partner}}',
  '{{- name}}',
  '$t(common:title)',
  '<strong>',
  '</strong>',
  '<br/>',
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...hostileFragments), fc.string({ unit: 'grapheme' })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const keys = [
  'title',
  'check.intro',
  'check.answer-yes',
  'deep.nested.key-name',
  'list.0',
  'items_few',
];

const unit: fc.Arbitrary<ExchangeUnit> = fc
  .record({
    key: fc.constantFrom(...keys),
    source: hostileText,
    target: hostileText,
    fingerprint: hostileText.map(fingerprint),
    notes: fc.array(
      fc.record({
        category: fc.constantFrom('context' as const, 'plural' as const, 'outdated' as const),
        text: hostileText,
      }),
      { maxLength: 3 },
    ),
    maxLength: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  })
  .map(({ maxLength, ...rest }) => ({ ...rest, ...(maxLength !== undefined && { maxLength }) }));

const document: fc.Arbitrary<ExchangeDocument> = fc
  .uniqueArray(unit, { selector: (entry) => entry.key, minLength: 1, maxLength: keys.length })
  .map((units) => ({ sourceLocale: 'en', locale: 'ar', content: { namespace: 'safety', units } }));

const readBack = (written: ExchangeDocument, format: ExchangeFormat) =>
  format === 'xliff'
    ? readXliff(writeXliff(written), 'safety.xlf')
    : readPo(Buffer.from(writePo(written), 'utf8'), 'safety.po');

describe.each(['xliff', 'po'] as const)('%s files', (format) => {
  it('give back every key, source, target and fingerprint exactly as written', () => {
    fc.assert(
      fc.property(document, (written) => {
        const read = readBack(written, format);
        expect(read.locale).toBe('ar');
        expect(
          read.units.map(({ namespace, key, source, target, fingerprint }) => ({
            namespace,
            key,
            source,
            target,
            fingerprint,
          })),
        ).toEqual(
          written.content.units.map(({ key, source, target, fingerprint }) => ({
            namespace: 'safety',
            key,
            source,
            target,
            fingerprint,
          })),
        );
      }),
      { numRuns: 300, seed: 20_261_301 },
    );
  });
});

// Locales whose translations pass import's checks by construction: each translation is its English
// followed by words that form no placeholder, nesting, tag or numbered line, so only the file
// formats stand between export and import.
const englishFragment = fc.constantFrom(
  '&',
  '"',
  "'",
  ']]>',
  '\\',
  '\\n',
  '\n',
  '\r\n',
  '\t',
  '😀',
  '𝒜',
  'שלום',
  'مرحبا',
  '\u202e',
  '\u0007',
  'msgid "x"',
  'word',
  '{{partner}}',
  '$t(common:title)',
  '<strong>',
  '</strong>',
  '<br/>',
);
const englishText = fc
  .array(englishFragment, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' '));
const added = fc
  .array(
    fc.oneof(
      fc.constantFrom(...hostileFragments.filter((fragment) => !/[<{}$0-9]/.test(fragment))),
      fc.constantFrom('<', '< >'),
      fc.string({ unit: 'grapheme' }).filter((text) => !/[<{}$\p{Nd}]/u.test(text)),
    ),
    { maxLength: 5 },
  )
  .map((parts) => ` «${parts.join(' ')}`);

/** English with nested keys, a list and a plural key, and its Arabic, all six plural forms. */
const locales = fc
  .record({
    title: englishText,
    intro: englishText,
    yes: englishText,
    deep: englishText,
    first: englishText,
    second: englishText,
    other: englishText,
    context: hostileText,
  })
  .chain((english) =>
    fc
      .record({
        title: added,
        intro: added,
        yes: added,
        deep: added,
        first: added,
        second: added,
        zero: added,
        one: added,
        two: added,
        few: added,
        many: added,
        other: added,
      })
      .map((more) => ({ english, more })),
  )
  .map(({ english, more }) => ({
    'en/safety.json': {
      title: english.title,
      check: { intro: english.intro, 'answer-yes': english.yes },
      deep: { nested: { 'key-name': english.deep } },
      steps: [english.first, english.second],
      items_one: `One ${english.other}`,
      items_other: `{{count}} ${english.other}`,
    },
    'en/_meta/context.json': {
      'safety:check.answer-yes': { context: english.context, maxLength: 10_000 },
    },
    'ar/safety.json': {
      title: english.title + more.title,
      check: { intro: english.intro + more.intro, 'answer-yes': english.yes + more.yes },
      deep: { nested: { 'key-name': english.deep + more.deep } },
      steps: [english.first + more.first, english.second + more.second],
      items_zero: `{{count}} ${english.other}${more.zero}`,
      items_one: `{{count}} ${english.other}${more.one}`,
      items_two: `{{count}} ${english.other}${more.two}`,
      items_few: `{{count}} ${english.other}${more.few}`,
      items_many: `{{count}} ${english.other}${more.many}`,
      items_other: `{{count}} ${english.other}${more.other}`,
    },
  }));

describe.each(['xliff', 'po'] as const)('export then import of %s', (format) => {
  it('changes no byte of a locale when nothing is edited', () => {
    fc.assert(
      fc.property(locales, (files) => {
        const work = createWorkFolder(files);
        try {
          const before = readTree(work.dir);
          expect(work.run(['export', 'ar', '--format', format]).code).toBe(0);
          const imported = work.run(['import', join('.translations', 'ar')]);
          expect(imported.code, imported.stdout).toBe(0);
          expect(readTree(work.dir)).toEqual(before);
        } finally {
          work.remove();
        }
      }),
      { numRuns: 40, seed: 20_261_302 },
    );
  }, 60_000);

  it('writes every text back into an empty locale exactly as it was', () => {
    fc.assert(
      fc.property(locales, (files) => {
        const work = createWorkFolder(files);
        try {
          const before = readTree(work.dir);
          expect(work.run(['export', 'ar', '--format', format]).code).toBe(0);
          for (const name of readdirSync(join(work.dir, 'ar'))) {
            if (name.endsWith('.json')) rmSync(join(work.dir, 'ar', name));
          }
          expect(work.run(['new-locale', 'ar']).code).toBe(0);
          const imported = work.run(['import', join('.translations', 'ar')]);
          expect(imported.code, imported.stdout).toBe(0);
          expect(readTree(work.dir).get('ar/safety.json')).toBe(before.get('ar/safety.json'));
        } finally {
          work.remove();
        }
      }),
      { numRuns: 40, seed: 20_261_303 },
    );
  }, 60_000);
});
