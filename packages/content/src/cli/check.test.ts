/// <reference types="node" />
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isDeckNamespace } from '../namespaces.js';
import { localesData } from './__fixtures__/locales-data.js';
import { checkLocales, type Issue } from './check.js';
import { fingerprint } from './fingerprint.js';
import { flatten } from './flatten.js';
import { noMeta, readTranslationMeta, type TranslationMeta } from './meta.js';
import { readLocalesFolder } from './read-locales.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/locales', import.meta.url));
const deckFixtures = fileURLToPath(new URL('./__fixtures__/decks', import.meta.url));
const shipped = fileURLToPath(new URL('../../locales', import.meta.url));
const check = (data: Parameters<typeof checkLocales>[0]) =>
  checkLocales(data, { sourceLocale: 'en' });
const kinds = (issues: readonly Issue[]) =>
  issues.map((issue) =>
    `${issue.severity} ${issue.kind} ${issue.locale}/${issue.namespace} ${issue.key ?? ''}`.trim(),
  );

const temporary: string[] = [];
function copyOf(folder: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'attune-locales-'));
  temporary.push(dir);
  cpSync(folder, dir, { recursive: true });
  return dir;
}
function editJson(file: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

// Sets (or with `undefined`, deletes) a text by its dotted key.
function setPath(json: Record<string, unknown>, key: string, value: string | undefined): void {
  const segments = key.split('.');
  const last = segments.pop() as string;
  let node = json;
  for (const segment of segments) node = node[segment] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('checkLocales on folders', () => {
  it('passes the fixture locales without an error or a warning', () => {
    expect(check(readLocalesFolder(fixtures))).toEqual([]);
  });

  it('reports a deleted key, a renamed placeholder and a missing Arabic plural form', () => {
    const dir = copyOf(fixtures);
    editJson(join(dir, 'de', 'empathy.json'), (json) => {
      delete (json.step as Record<string, unknown>).why;
    });
    editJson(join(dir, 'ja', 'common.json'), (json) => {
      json.greeting = '{{partnr}}さん、おかえりなさい。';
    });
    editJson(join(dir, 'ar', 'common.json'), (json) => {
      delete json.notes_few;
    });
    const issues = check(readLocalesFolder(dir));
    expect(kinds(issues)).toEqual([
      'error plural-missing ar/common notes_few',
      'error missing-key de/empathy step.why',
      'error placeholder-mismatch ja/common greeting',
    ]);
    const [plural, missing, placeholder] = issues;
    expect(plural?.message).toContain('Arabic uses zero, one, two, few, many, other');
    expect(plural?.message).toContain('counts such as 3, 4, 5');
    expect(plural?.fix).toContain('Add "notes_few"');
    expect(missing?.fix).toContain('Feeling understood');
    expect(placeholder?.message).toContain('{{partnr}} is not in the original');
    expect(placeholder?.message).toContain('{{partner}} is missing');
  });

  it('reports the same breakage in a copy of the shipped locales', () => {
    const dir = copyOf(shipped);
    const data = readLocalesFolder(dir);
    const english = [...(data.get('en') ?? [])].flatMap(([namespace, file]) =>
      [...flatten(file.content).texts].map(([key, text]) => ({ namespace, key, text })),
    );
    const plural = english.find(({ key }) => key.endsWith('_one'));
    const withPlaceholder = english.find(({ text }) => /\{\{(?!count)\w/.test(text));
    const deleted = english.find(({ namespace }) => namespace === 'common');
    expect(plural, 'the English has a plural key').toBeDefined();
    expect(withPlaceholder, 'the English has a text with a placeholder').toBeDefined();
    if (!plural || !withPlaceholder || !deleted) return;

    // Arabic may not be (fully) translated yet; copies of the English stand in for missing files.
    const arabic = join(dir, 'ar');
    mkdirSync(arabic, { recursive: true });
    for (const namespace of data.get('en')?.keys() ?? []) {
      if (!existsSync(join(arabic, `${namespace}.json`))) {
        cpSync(join(dir, 'en', `${namespace}.json`), join(arabic, `${namespace}.json`));
      }
    }
    const base = plural.key.slice(0, -'_one'.length);
    editJson(join(arabic, `${plural.namespace}.json`), (json) => {
      for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) {
        setPath(json, `${base}_${category}`, plural.text);
      }
      setPath(json, `${base}_few`, undefined);
    });
    editJson(join(arabic, `${withPlaceholder.namespace}.json`), (json) => {
      setPath(json, withPlaceholder.key, withPlaceholder.text.replace(/\{\{(\w+)/, '{{$1x'));
    });
    editJson(join(arabic, 'common.json'), (json) => setPath(json, deleted.key, undefined));

    const errors = check(readLocalesFolder(dir)).filter(
      (issue) => issue.severity === 'error' && issue.locale === 'ar',
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ kind: 'plural-missing', key: `${base}_few` }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ kind: 'placeholder-mismatch', key: withPlaceholder.key }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ namespace: 'common', key: deleted.key }),
    );
  });

  it('finds no errors in the shipped locales, their metadata included', () => {
    const meta = readTranslationMeta(shipped, 'en');
    const issues = checkLocales(readLocalesFolder(shipped), { sourceLocale: 'en', meta });
    const errors = issues.filter((issue) => issue.severity === 'error');
    expect(kinds(errors)).toEqual([]);
    // The metadata names only keys English has, and no pseudo-locale is left among the locales.
    expect(issues.filter((issue) => /meta|pseudo/.test(issue.kind))).toEqual([]);
  });

  it('gives the shipped buttons and safety questions context, and checks their length', () => {
    const meta = readTranslationMeta(shipped, 'en');
    expect(meta.context.get('safe-space:safety-check.questions.afraid')?.context).toMatch(/yes/i);
    expect(meta.context.get('common:action.continue')?.maxLength).toBeGreaterThan(0);
  });

  it('reports a file that is not valid JSON and a missing namespace file', () => {
    const dir = copyOf(fixtures);
    writeFileSync(join(dir, 'de', 'common.json'), '{\n  "program": {,\n}');
    unlinkSync(join(dir, 'ja', 'empathy.json'));
    const issues = check(readLocalesFolder(dir));
    expect(kinds(issues)).toEqual([
      'error invalid-file de/common',
      'error missing-namespace ja/empathy',
    ]);
    expect(issues[0]?.message).toMatch(
      /^de\/common\.json: The file is not valid JSON: .* at line 2, column 15\.$/,
    );
  });
});

describe('checkLocales on deck files', () => {
  it('passes the deck fixtures, quiz questions and their options included', () => {
    expect(check(readLocalesFolder(deckFixtures))).toEqual([]);
  });

  it('reports a missing deck file and a missing quiz option as errors', () => {
    const dir = copyOf(deckFixtures);
    unlinkSync(join(dir, 'ja', 'deck-daily-2.json'));
    editJson(join(dir, 'de', 'deck-quiz-1.json'), (json) =>
      setPath(json, 'quiz-comfort.options.b', undefined),
    );
    const issues = check(readLocalesFolder(dir));
    expect(kinds(issues)).toEqual([
      'error missing-key de/deck-quiz-1 quiz-comfort.options.b',
      'error missing-namespace ja/deck-daily-2',
    ]);
    expect(issues[0]?.fix).toBe('Add "quiz-comfort.options.b" with the German for "Time alone".');
  });

  it('reports a quiz question written as one text instead of a question and options', () => {
    const dir = copyOf(deckFixtures);
    editJson(join(dir, 'de', 'deck-quiz-1.json'), (json) => {
      json['quiz-free-day'] = 'Was würdest du an einem freien Tag als Erstes tun?';
    });
    expect(kinds(check(readLocalesFolder(dir)))).toEqual([
      'error missing-key de/deck-quiz-1 quiz-free-day.question',
      'error missing-key de/deck-quiz-1 quiz-free-day.options.a',
      'error missing-key de/deck-quiz-1 quiz-free-day.options.b',
      'error missing-key de/deck-quiz-1 quiz-free-day.options.c',
      'error missing-key de/deck-quiz-1 quiz-free-day.options.d',
      'warning extra-key de/deck-quiz-1 quiz-free-day',
    ]);
  });

  it('checks every English deck file in every shipped locale', () => {
    const data = readLocalesFolder(shipped);
    const decks = [...(data.get('en')?.keys() ?? [])].filter(isDeckNamespace);
    expect(decks.length, 'the English has deck files').toBeGreaterThan(0);
    const issues = check(data);
    for (const [locale, files] of data) {
      for (const namespace of decks) {
        // Until a locale's decks are translated, each file it lacks is an error of its own.
        if (files.has(namespace)) continue;
        expect(issues, `${locale}/${namespace}`).toContainEqual(
          expect.objectContaining({
            severity: 'error',
            kind: 'missing-namespace',
            locale,
            namespace,
          }),
        );
      }
    }
  });
});

describe('checkLocales', () => {
  const en = {
    common: {
      title: 'Nine steps closer',
      intro: 'Take <strong>five minutes</strong> for {{partner}}.',
      notes_one: 'One note',
      notes_other: '{{count}} notes',
      place_ordinal_one: '{{count}}st place',
      place_ordinal_two: '{{count}}nd place',
      place_ordinal_few: '{{count}}rd place',
      place_ordinal_other: '{{count}}th place',
      the_other: 'The other one',
      link: 'See $t(title)',
    },
  };

  // German has one ordinal form, `other`.
  const deCommon = {
    title: 'Neun Schritte näher',
    intro: 'Nimm dir <strong>fünf Minuten</strong> für {{partner}}.',
    notes_one: 'Eine Notiz',
    notes_other: '{{count}} Notizen',
    place_ordinal_other: '{{count}}. Platz',
    the_other: 'Der andere',
    link: 'Siehe $t(title)',
  };

  it('passes a complete translation', () => {
    expect(check(localesData({ en, de: { common: deCommon } }))).toEqual([]);
  });

  it('asks each language for exactly the plural forms it has', () => {
    const ja = {
      common: {
        ...en.common,
        title: '近くに',
        notes_other: '{{count}}件',
        place_ordinal_other: '{{count}}位',
      },
    };
    delete (ja.common as Record<string, unknown>).notes_one;
    for (const key of ['place_ordinal_one', 'place_ordinal_two', 'place_ordinal_few']) {
      delete (ja.common as Record<string, unknown>)[key];
    }
    const issues = check(localesData({ en, ja })).filter((issue) =>
      issue.kind.startsWith('plural'),
    );
    expect(issues).toEqual([]);
  });

  it('warns about plural forms a language does not use', () => {
    const ja = { common: { ...en.common, title: '近くに' } };
    const issues = check(localesData({ en, ja }));
    expect(kinds(issues.filter((issue) => issue.kind === 'plural-extra'))).toEqual([
      'warning plural-extra ja/common notes_one',
      'warning plural-extra ja/common place_ordinal_one',
      'warning plural-extra ja/common place_ordinal_two',
      'warning plural-extra ja/common place_ordinal_few',
    ]);
    expect(issues.find((issue) => issue.kind === 'plural-extra')?.message).toContain(
      'Japanese has no "one" plural form (it uses other)',
    );
  });

  it('lets a plural form leave out the count but not another placeholder', () => {
    const de = { common: { ...deCommon, notes_other: 'Mehrere Notizen' } };
    expect(check(localesData({ en, de }))).toEqual([]);
    const wrong = { common: { ...deCommon, notes_one: 'Eine Notiz von {{partner}}' } };
    expect(kinds(check(localesData({ en, de: wrong })))).toEqual([
      'error placeholder-mismatch de/common notes_one',
    ]);
  });

  it('treats a key ending in _other as plain when nothing else makes it plural', () => {
    const de = { common: { ...deCommon } };
    delete (de.common as Record<string, unknown>).the_other;
    expect(kinds(check(localesData({ en, de })))).toEqual([
      'error missing-key de/common the_other',
    ]);
  });

  it('reports empty texts, values that are not text, and extra keys', () => {
    const de = {
      common: { ...deCommon, title: '', intro: 42, stale: 'Alt', notes_many: 'x' },
    };
    expect(kinds(check(localesData({ en, de })))).toEqual([
      'error not-text de/common intro',
      'error empty-text de/common title',
      'warning extra-key de/common stale',
      'warning plural-extra de/common notes_many',
    ]);
  });

  it('reports markup and nesting that differ from the source', () => {
    const de = {
      common: {
        ...deCommon,
        intro: 'Nimm dir <b>fünf Minuten</b> für {{partner}}.',
        link: 'Siehe $t(other)',
      },
    };
    const issues = check(localesData({ en, de }));
    expect(kinds(issues)).toEqual([
      'error markup-mismatch de/common intro',
      'error nesting-mismatch de/common link',
    ]);
    expect(issues[0]?.message).toContain('it has </strong> <strong>, the German has </b> <b>');
  });

  it('warns about suspicious lengths, except in languages that are naturally shorter', () => {
    const why = 'Feeling understood often matters more than being agreed with.';
    const source = { en: { empathy: { why, title: 'Empathy' } } };
    const issues = check(
      localesData({
        ...source,
        fr: { empathy: { why: 'Oui.', title: 'Empathie' } },
        ja: { empathy: { why: 'わかってもらえることが大切です。', title: '共感' } },
        es: { empathy: { why: `${why} ${why} ${why}`, title: 'Empatía' } },
      }),
    );
    expect(kinds(issues)).toEqual([
      'warning length-ratio fr/empathy why',
      'warning length-ratio es/empathy why',
    ]);
  });

  it('reports text still in English as untranslated, an error, unless it is meant to be', () => {
    const source = {
      en: {
        empathy: {
          why: 'Feeling understood often matters more than being agreed with.',
          ok: 'OK',
          count: '{{count}}',
          partner: '<1>{{partner}}</1>',
          number: '112',
          link: 'https://findahelpline.com',
          service: '988 Suicide & Crisis Lifeline',
          brand: 'Attune',
        },
      },
    };
    const copy = { empathy: { ...source.en.empathy } };
    const data = localesData({ ...source, de: copy, fr: copy, 'en-GB': copy });
    expect(kinds(check(data))).toEqual([
      'error untranslated de/empathy why',
      'error untranslated de/empathy ok',
      'error untranslated de/empathy brand',
      'error untranslated fr/empathy why',
      'error untranslated fr/empathy ok',
      'error untranslated fr/empathy brand',
    ]);
    const [first] = check(data);
    expect(first?.message).toMatch(
      /^The text is the same as in English, so it is not translated yet: "Feeling understood/,
    );
    expect(first?.fix).toContain(
      'add "empathy:why": "why it stays the same" to de/_meta/intended-same.json',
    );
    const meta: TranslationMeta = {
      ...noMeta,
      context: new Map([['empathy:brand', { properName: true }]]),
      locales: new Map([['de', { intendedSame: new Map([['empathy:ok', 'Germans say OK.']]) }]]),
    };
    expect(kinds(checkLocales(data, { sourceLocale: 'en', meta }))).toEqual([
      'error untranslated de/empathy why',
      'error untranslated fr/empathy why',
      'error untranslated fr/empathy ok',
    ]);
  });

  it('checks that instructions keep their numbered steps', () => {
    const how = '1. Sit together.\n2. Take turns.\n3. Swap.\nKeep it short.';
    const source = { en: { empathy: { how, title: 'Empathy' } } };
    const issues = check(
      localesData({
        ...source,
        de: {
          empathy: { how: '1. Setzt euch.\n2. Wechselt euch ab.\nKurz halten.', title: 'Empathie' },
        },
        ar: { empathy: { how: '١. اجلسا معًا.\n٢. تناوبا.\n٣. بدّلا.\nباختصار.', title: 'التعاطف' } },
        ja: { empathy: { how: '1．一緒に座る。\n2．交代する。\n3．入れ替わる。', title: '共感' } },
        es: { empathy: { how: 'Sentaos juntos, turnaos y cambiad.', title: 'Empatía' } },
      }),
    );
    expect(kinds(issues)).toEqual([
      'error numbered-lines de/empathy how',
      'error numbered-lines es/empathy how',
    ]);
    expect(issues[0]?.message).toBe(
      'The English has 3 numbered lines (1. … 3.), the German has 2; the app shows each numbered line as one step.',
    );
    expect(issues[0]?.fix).toBe(
      'Start each step on a line of its own with its number and a period, as in the English (1. to 3.), and keep lines without a number, such as a closing tip, unnumbered.',
    );
  });

  it('reports a text longer than its maximum length in the context file, in every locale', () => {
    const source = {
      en: {
        common: {
          pause: 'Pause',
          long: 'Resume the program',
          n_one: '1 day',
          n_other: '{{count}} days',
        },
      },
    };
    const meta: TranslationMeta = {
      ...noMeta,
      context: new Map([
        ['common:pause', { context: 'A button on the timer.', maxLength: 12 }],
        ['common:long', { maxLength: 10 }],
        ['common:n', { maxLength: 8 }],
      ]),
    };
    const de = {
      common: {
        pause: 'Pause machen jetzt',
        long: 'Weiter',
        n_one: '1 Tag',
        n_other: '{{count}} Tage',
      },
    };
    const issues = checkLocales(localesData({ ...source, de }), { sourceLocale: 'en', meta });
    expect(kinds(issues)).toEqual([
      'error too-long en/common long',
      'error too-long en/common n_other',
      'error too-long de/common pause',
      'error too-long de/common n_other',
    ]);
    const pause = issues.find((issue) => issue.locale === 'de' && issue.key === 'pause');
    expect(pause?.message).toBe(
      'The text has 18 characters; at most 12 fit here (common:pause in en/_meta/context.json).',
    );
    expect(pause?.fix).toBe(
      'Shorten it to 12 characters or fewer, placeholders counted as written. Where it is used: A button on the timer.',
    );
  });

  it('reports a translation whose English changed since it was made as outdated', () => {
    const source = { en: { safety: { yes: 'Yes', intro: 'This check is just for you.' } } };
    const de = { safety: { yes: 'Ja', intro: 'Dieser Check ist nur für dich.' } };
    const made = (texts: Record<string, string>): TranslationMeta => ({
      ...noMeta,
      locales: new Map([
        [
          'de',
          {
            intendedSame: new Map(),
            fingerprints: new Map([
              [
                'safety',
                new Map(Object.entries(texts).map(([key, text]) => [key, fingerprint(text)])),
              ],
            ]),
          },
        ],
      ]),
    });
    const current = made({ yes: 'Yes', intro: 'This check is just for you.' });
    expect(
      checkLocales(localesData({ ...source, de }), { sourceLocale: 'en', meta: current }),
    ).toEqual([]);
    const older = made({ yes: 'Yes', intro: 'This check is only for you.' });
    const issues = checkLocales(localesData({ ...source, de }), {
      sourceLocale: 'en',
      meta: older,
    });
    expect(kinds(issues)).toEqual(['warning outdated de/safety intro']);
    expect(issues[0]?.message).toBe(
      'The English changed after this was translated. It now reads "This check is just for you.".',
    );
    expect(issues[0]?.fix).toContain('"attune-content mark-translated de safety:intro"');
  });

  it('reports metadata that names keys English lacks, broken metadata and pseudo-locales', () => {
    const source = { en: { common: { yes: 'Yes', n_one: 'One', n_other: '{{count}}' } } };
    const de = { common: { yes: 'Ja', n_one: 'Eins', n_other: '{{count}}' } };
    const meta: TranslationMeta = {
      context: new Map([
        ['common:n', { maxLength: 20 }],
        ['common:gone', { context: 'Removed.' }],
      ]),
      locales: new Map([
        [
          'de',
          {
            intendedSame: new Map([
              ['common:yes', 'Was the same once.'],
              ['common:missing', 'Typo.'],
            ]),
          },
        ],
      ]),
      pseudoLocales: ['en-XA'],
      problems: [{ locale: 'de', path: 'de/_meta/intended-same.json', message: 'Not JSON.' }],
    };
    const issues = checkLocales(localesData({ ...source, de }), { sourceLocale: 'en', meta });
    expect(
      issues.map((issue) =>
        `${issue.severity} ${issue.kind} ${issue.file ?? issue.locale} ${issue.key ?? ''}`.trim(),
      ),
    ).toEqual([
      'error invalid-meta de/_meta/intended-same.json',
      'warning pseudo-locale en-XA',
      'warning stale-meta en/_meta/context.json common:gone',
      'warning stale-meta de/_meta/intended-same.json common:yes',
      'warning stale-meta de/_meta/intended-same.json common:missing',
    ]);
  });

  it('accepts context variants a language needs, checking their placeholders too', () => {
    const source = {
      en: {
        common: {
          invite: 'Invite {{partner}}',
          notes_one: 'One note',
          notes_other: '{{count}} notes',
        },
      },
    };
    const ar = {
      common: {
        invite: 'ادعُ {{partner}}',
        invite_female: 'ادعي {{partner}}',
        invite_male: 'ادعُ {{partnr}}',
        notes_zero: 'لا ملاحظات',
        notes_one: 'ملاحظة',
        notes_two: 'ملاحظتان',
        notes_few: '{{count}} ملاحظات',
        notes_many: '{{count}} ملاحظة',
        notes_other: '{{count}} ملاحظة',
        notes_female_other: '{{count}} ملاحظة',
      },
    };
    expect(kinds(check(localesData({ ...source, ar })))).toEqual([
      'error placeholder-mismatch ar/common invite_male',
    ]);
  });

  it('reports folders that are not locales and files the source does not have', () => {
    const issues = check(
      localesData({
        en: { common: { title: 'Nine steps closer' } },
        'not a locale': { common: {} },
        de: { common: { title: 'Neun Schritte näher' }, old: {} },
      }),
    );
    expect(kinds(issues)).toEqual([
      'error invalid-locale not a locale/',
      'warning extra-namespace de/old',
    ]);
  });

  it('checks the source itself: its plural forms and empty texts', () => {
    const issues = check(
      localesData({ en: { common: { notes_other: '{{count}} notes', empty: ' ' } } }),
    );
    expect(kinds(issues)).toEqual([
      'error plural-missing en/common notes_one',
      'error empty-text en/common empty',
    ]);
  });

  it('returns nothing when there is no source locale', () => {
    expect(check(localesData({ de: { common: {} } }))).toEqual([]);
  });

  it('reports a file that is not an object of keys once, not again for each translation', () => {
    const issues = check(localesData({ en: { common: ['a'] }, de: { common: { a: 'b' } } }));
    expect(kinds(issues)).toEqual(['error invalid-file en/common']);
  });
});
