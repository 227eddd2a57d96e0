/// <reference types="node" />
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deckLoadersFile, loadersFile } from '../codegen/generated-files.js';
import { fixtureDecks } from './__fixtures__/decks-data.js';
import type { DeckOutline } from './deck-stats.js';
import { runCli } from './main.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/locales', import.meta.url));
const deckFixtures = fileURLToPath(new URL('./__fixtures__/decks', import.meta.url));
let work = '';

function copy(from = fixtures): string {
  work = mkdtempSync(join(tmpdir(), 'attune-cli-'));
  cpSync(from, join(work, 'locales'), { recursive: true });
  return join(work, 'locales');
}

function run(
  args: string[],
  options: {
    cwd?: string;
    defaultLocalesDir?: string;
    decks?: readonly DeckOutline[];
    env?: Record<string, string>;
  } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd ?? work,
    defaultLocalesDir: options.defaultLocalesDir,
    ...(options.decks && { decks: options.decks }),
    ...(options.env && { env: options.env }),
  });
  return { code, stdout, stderr };
}

afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = '';
});

describe('attune-content check', () => {
  it('exits with 0 and says so when every locale passes', () => {
    copy();
    const { code, stdout } = run(['check', '--dir', 'locales']);
    expect(code).toBe(0);
    expect(stdout).toContain('Checked ar, de, en, ja against English in locales.');
    expect(stdout).toContain('All 4 locales passed: no errors, no warnings.');
  });

  it('exits with 1 on an error, printing the file, key, problem and fix', () => {
    const dir = copy();
    writeFileSync(join(dir, 'de', 'empathy.json'), '{ "step": { "title": "Empathie" } }');
    const { code, stdout } = run(['check', '--dir', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('de/empathy.json\n  error    step.why\n');
    expect(stdout).toContain('This key is in English but not in German.');
    expect(stdout).toContain('Fix: Add "step.why" with the German for');
    expect(stdout).toContain('1 error and 0 warnings. Fix the errors before shipping');
  });

  it('exits with 0 when there are only warnings', () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'de', 'empathy.json'),
      JSON.stringify({ step: { title: 'Empathie', why: 'Verstanden zu werden zählt.', old: 'x' } }),
    );
    const { code, stdout } = run(['check', '--dir', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('0 errors and 1 warning. Nothing blocks shipping');
  });

  it('prints the findings as JSON with --json: file, line, key, code, severity, message, fix', () => {
    const dir = copy();
    writeFileSync(
      join(dir, 'de', 'empathy.json'),
      '{\n  "step": {\n    "title": "Empathie"\n  }\n}\n',
    );
    const { code, stdout } = run(['check', '--dir', 'locales', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      locales: ['ar', 'de', 'en', 'ja'],
      errors: 1,
      warnings: 0,
      findings: [
        {
          file: 'locales/de/empathy.json',
          line: 2,
          locale: 'de',
          namespace: 'empathy',
          key: 'step.why',
          code: 'missing-key',
          severity: 'error',
          message: 'This key is in English but not in German.',
          fix: 'Add "step.why" with the German for "Feeling understood often matters more than being agreed w…".',
        },
      ],
    });
    expect(run(['check', '--dir', 'locales', '--format', 'json']).stdout).toBe(stdout);
  });

  it('prints GitHub Actions annotations with --format github, on the line of each key', () => {
    const dir = copy();
    const ja = JSON.parse(readFileSync(join(dir, 'ja', 'common.json'), 'utf8'));
    ja.greeting = '{{partnr}}さん、おかえりなさい。';
    writeFileSync(join(dir, 'ja', 'common.json'), `${JSON.stringify(ja, null, 2)}\n`);
    // From another folder, paths are still given from the workspace, as GitHub needs them.
    const { code, stdout } = run(['check', '--dir', dir, '--format', 'github'], {
      cwd: join(dir, 'en'),
      env: { GITHUB_WORKSPACE: work },
    });
    expect(code).toBe(1);
    const [annotation, summary] = stdout.trim().split('\n');
    expect(annotation).toMatch(
      /^::error file=locales\/ja\/common\.json,line=5,title=placeholder-mismatch greeting::The placeholders differ from the original: \{\{partnr\}\} is not in the original, and \{\{partner\}\} is missing\. Fix: Keep each placeholder/,
    );
    expect(summary).toBe(
      '1 error and 0 warnings. Fix the errors before shipping; the warnings are worth a look.',
    );
    expect(run(['check', '--dir', dir, '--format', 'xml']).stderr).toContain(
      '--format takes "text", "json" or "github", not "xml".',
    );
  });

  it('checks the shipped locales when no folder is given', () => {
    const dir = copy();
    const { stdout } = run(['check'], { defaultLocalesDir: dir });
    expect(stdout).toContain('against English in');
  });
});

describe('attune-content stats', () => {
  it('prints coverage per locale as JSON', () => {
    const dir = copy();
    writeFileSync(join(dir, 'ja', 'empathy.json'), '{ "step": { "title": "共感", "why": "" } }');
    const { code, stdout } = run(['stats', '--dir', dir, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ar: { coverage: 100, missing: 0 },
      de: { coverage: 100, missing: 0 },
      en: { coverage: 100, missing: 0 },
      ja: { coverage: 83.3, missing: 1 },
    });
  });

  it('prints a table of namespaces by locale', () => {
    const dir = copy();
    const { stdout } = run(['stats', '--dir', dir]);
    expect(stdout.split('\n')).toEqual([
      'namespace    ar    de    en    ja',
      'common     100%  100%  100%  100%',
      'empathy    100%  100%  100%  100%',
      'total      100%  100%  100%  100%',
      'missing       0     0     0     0',
      '',
    ]);
  });
});

describe('attune-content with decks', () => {
  it('fails the check when a locale lacks a deck file', () => {
    const dir = copy(deckFixtures);
    rmSync(join(dir, 'de', 'deck-quiz-1.json'));
    const { code, stdout } = run(['check', '--dir', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('de/deck-quiz-1.json\n  error    (whole file)\n');
    expect(stdout).toContain('Fix: Run "attune-content new-locale de" to add it');
  });

  it('prints the program, then each deck with its prompts by depth and its coverage', () => {
    const dir = copy(deckFixtures);
    writeFileSync(join(dir, 'de', 'deck-daily-2.json'), JSON.stringify({ 'daily-fear': '' }));
    rmSync(join(dir, 'ja', 'deck-quiz-1.json'));
    const { code, stdout } = run(['stats', '--dir', dir], { decks: fixtureDecks });
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'namespace    de    en    ja',
      'common     100%  100%  100%',
      'total      100%  100%  100%',
      'missing       0     0     0',
      '',
      'deck     files  prompts  light  medium  deep     de    en     ja',
      'daily        2        3      1       1     1    80%  100%   100%',
      'quiz         1        2      1       1     0   100%  100%     0%',
      'total        3        5      2       2     1  93.7%  100%  31.2%',
      'missing                                           1     0     11',
      '',
    ]);
  });

  it('prints deck coverage per locale as JSON, and depths from core by default', () => {
    const dir = copy(deckFixtures);
    rmSync(join(dir, 'ja', 'deck-quiz-1.json'));
    const json = JSON.parse(run(['stats', '--dir', dir, '--json']).stdout);
    expect(json.ja).toEqual({
      coverage: 100,
      missing: 0,
      decks: {
        coverage: 31.2,
        missing: 11,
        byDeck: { daily: { coverage: 100, missing: 0 }, quiz: { coverage: 0, missing: 11 } },
      },
    });
    // The fixture's prompts are not all in @attune/core, so the table shows a column for them.
    expect(run(['stats', '--dir', dir]).stdout).toContain('no depth');
  });
});

describe('attune-content new-locale', () => {
  it('creates a locale with every key empty, which check then reports', () => {
    const dir = copy();
    const { code, stdout } = run(['new-locale', 'pl', '--dir', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Created locales/pl/ (Polish): 2 files, 9 texts to translate.');
    const common = JSON.parse(readFileSync(join(dir, 'pl', 'common.json'), 'utf8'));
    expect(Object.keys(common)).toEqual([
      'program',
      'greeting',
      'notes_one',
      'notes_few',
      'notes_many',
      'notes_other',
      'intro',
    ]);
    expect(run(['check', '--dir', dir]).code).toBe(1);
    expect(JSON.parse(run(['stats', '--dir', dir, '--json']).stdout).pl).toEqual({
      coverage: 0,
      missing: 9,
    });
  });

  it('counts texts filled with English as not translated: stats 0%, check fails', () => {
    const dir = copy();
    const { stdout } = run(['new-locale', 'fr', '--dir', dir, '--fill', 'source']);
    expect(stdout).toContain(
      'Created locales/fr/ (French): 2 files, 8 texts to translate. 8 hold the English for now, which counts as not translated.',
    );
    expect(JSON.parse(run(['stats', '--dir', dir, '--json']).stdout).fr).toEqual({
      coverage: 0,
      missing: 8,
    });
    const check = run(['check', '--dir', dir, '--json']);
    expect(check.code).toBe(1);
    const findings = JSON.parse(check.stdout).findings as { locale: string; code: string }[];
    expect(
      findings.filter((finding) => finding.locale === 'fr').map((finding) => finding.code),
    ).toEqual(Array(8).fill('untranslated'));
  });

  it('records the English it filled in, and nothing for empty texts', () => {
    const dir = copy();
    run(['new-locale', 'fr', '--dir', dir, '--fill', 'source']);
    const fr = JSON.parse(
      readFileSync(join(dir, 'fr', '_meta', 'source-fingerprints.json'), 'utf8'),
    );
    expect(Object.keys(fr.common)).toEqual([
      'program.title',
      'greeting',
      'notes_one',
      'notes_many',
      'notes_other',
      'intro',
    ]);
    run(['new-locale', 'pl', '--dir', dir]);
    expect(readFileSync(join(dir, 'pl', '_meta', 'source-fingerprints.json'), 'utf8')).toBe('{}\n');
    // Nothing in _meta/ is taken for a namespace.
    expect(run(['check', '--dir', dir]).stdout).not.toContain('_meta/source-fingerprints');
  });

  it('completes an existing locale without touching its translations', () => {
    const dir = copy();
    writeFileSync(join(dir, 'de', 'empathy.json'), '{ "step": { "title": "Mitgefühl" } }');
    const { stdout } = run(['new-locale', 'de', '--dir', dir, '--fill', 'source']);
    expect(stdout).toContain(
      'Completed locales/de/ (German): 2 files, 1 text to translate. Existing translations were kept. One holds the English for now, which counts as not translated.',
    );
    expect(JSON.parse(readFileSync(join(dir, 'de', 'empathy.json'), 'utf8'))).toEqual({
      step: {
        title: 'Mitgefühl',
        why: 'Feeling understood often matters more than being agreed with.',
      },
    });
  });

  it('refuses codes that are not locales, the source locale, and bad options', () => {
    const dir = copy();
    expect(run(['new-locale', 'not a code', '--dir', dir]).stderr).toContain(
      '"not a code" is not a locale code. Use a BCP 47 code such as fr, pt-BR or zh-Hant.',
    );
    expect(run(['new-locale', 'EN', '--dir', dir]).stderr).toContain('en is the source locale');
    expect(run(['new-locale', '--dir', dir]).stderr).toContain('Give one locale code');
    expect(run(['new-locale', 'fr', '--dir', dir, '--fill', 'x']).stderr).toContain(
      '--fill takes "empty" or "source", not "x".',
    );
  });

  it('warns when the runtime has no plural rules for the language', () => {
    const dir = copy();
    expect(run(['new-locale', 'tlh', '--dir', dir]).stdout).toContain(
      'this system has no plural rules for tlh',
    );
  });
});

describe('attune-content pseudo', () => {
  it('writes a pseudo-locale to .pseudo/, leaving the locales untouched', () => {
    const dir = copy();
    const { code, stdout } = run(['pseudo', '--dir', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote the pseudo-locale en-XA to .pseudo/en-XA/ (2 files).');
    expect(stdout).toContain('The shipped locales are untouched.');
    expect(existsSync(join(dir, 'en-XA'))).toBe(false);
    const common = JSON.parse(readFileSync(join(work, '.pseudo', 'en-XA', 'common.json'), 'utf8'));
    expect(common.greeting).toMatch(/^\[Ŵéļçöɱé ƀáçķ, \{\{partner\}\}\. ~+\]$/);
    expect(readFileSync(join(work, '.pseudo', '.gitignore'), 'utf8')).toBe('*\n');
    expect(run(['pseudo', '--dir', dir]).stdout).toContain('Rewrote');
  });

  it('writes into the locales only when asked, and neither check, stats nor generate take it in', () => {
    const dir = copy();
    const { stdout } = run(['pseudo', '--dir', dir, '--into-locales']);
    expect(stdout).toContain('Wrote the pseudo-locale en-XA to locales/en-XA/ (2 files).');
    expect(existsSync(join(dir, 'en-XA', '_meta', 'pseudo.json'))).toBe(true);
    const check = run(['check', '--dir', dir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      'Checked ar, de, en, ja against English in locales. Left out the pseudo-locale en-XA.',
    );
    expect(check.stdout).toContain(
      'en-XA/\n  warning  (whole file)\n           en-XA/ is a pseudo-locale.',
    );
    expect(Object.keys(JSON.parse(run(['stats', '--dir', dir, '--json']).stdout))).toEqual([
      'ar',
      'de',
      'en',
      'ja',
    ]);
    // `pnpm generate` writes the loaders from this very code, here for a package in `work`.
    expect(loadersFile(work).contents).toContain("import('../../locales/de/common.json')");
    expect(loadersFile(work).contents).not.toContain('en-XA');
    expect(deckLoadersFile(work).contents).not.toContain('en-XA');
  });

  it('leaves out a pseudo-locale known by its code too, as older versions wrote one', () => {
    const dir = copy();
    cpSync(join(dir, 'en'), join(dir, 'ar-XB'), { recursive: true });
    expect(loadersFile(work).contents).not.toContain('ar-XB');
    expect(run(['check', '--dir', dir]).stdout).toContain('Left out the pseudo-locale ar-XB.');
  });

  it('can write elsewhere and under another code', () => {
    const dir = copy();
    run(['pseudo', '--dir', dir, '--out', 'pseudo', '--locale', 'ar-XB']);
    expect(existsSync(join(work, 'pseudo', 'ar-XB', 'empathy.json'))).toBe(true);
    expect(existsSync(join(work, 'pseudo', '.gitignore'))).toBe(false);
    expect(run(['pseudo', '--dir', dir, '--locale', '!!']).stderr).toContain(
      '"!!" is not a locale code',
    );
    expect(run(['pseudo', '--dir', dir, '--out', 'x', '--into-locales']).stderr).toContain(
      'Give either --out or --into-locales, not both.',
    );
  });
});

describe('attune-content mark-translated', () => {
  const fingerprints = (dir: string, locale: string) =>
    JSON.parse(readFileSync(join(dir, locale, '_meta', 'source-fingerprints.json'), 'utf8'));

  it('records the English each text was translated from, so check reports changed English', () => {
    const dir = copy();
    const marked = run(['mark-translated', 'de', '--dir', dir]);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toContain(
      'Marked 7 texts of de as translated from the current English in locales/de/_meta/source-fingerprints.json.',
    );
    expect(Object.keys(fingerprints(dir, 'de').empathy)).toEqual(['step.title', 'step.why']);
    expect(run(['check', '--dir', dir]).stdout).toContain('no errors, no warnings');

    const en = JSON.parse(readFileSync(join(dir, 'en', 'empathy.json'), 'utf8'));
    en.step.why = 'Feeling understood matters more than being agreed with.';
    writeFileSync(join(dir, 'en', 'empathy.json'), JSON.stringify(en, null, 2));
    const changed = run(['check', '--dir', dir]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain(
      'de/empathy.json\n  warning  step.why\n           The English changed after this was translated. It now reads "Feeling understood matters more than being agreed with.".',
    );
    expect(changed.stdout).toContain('run "attune-content mark-translated de empathy:step.why"');
    // Japanese keeps no fingerprints, so nothing is compared there.
    expect(changed.stdout).not.toContain('ja/empathy.json');

    const again = run(['mark-translated', 'de', 'empathy:step.why', '--dir', dir]);
    expect(again.stdout).toContain('Marked 1 text of de (empathy:step.why)');
    expect(again.stdout).toContain('1 of them had been outdated.');
    expect(run(['check', '--dir', dir]).stdout).toContain('no errors, no warnings');
  });

  it('marks one namespace, keeping the fingerprints of the others', () => {
    const dir = copy();
    run(['mark-translated', 'de', 'empathy', '--dir', dir]);
    expect(Object.keys(fingerprints(dir, 'de'))).toEqual(['empathy']);
    run(['mark-translated', 'de', 'common', '--dir', dir]);
    expect(Object.keys(fingerprints(dir, 'de'))).toEqual(['common', 'empathy']);
  });

  it('explains a wrong locale, namespace or key', () => {
    const dir = copy();
    expect(run(['mark-translated', '--dir', dir]).stderr).toContain('Give one locale code');
    expect(run(['mark-translated', 'en', '--dir', dir]).stderr).toContain(
      'en is the source locale',
    );
    expect(run(['mark-translated', 'fr', '--dir', dir]).stderr).toContain(
      'locales/fr/ does not exist. Create it with "attune-content new-locale fr".',
    );
    expect(run(['mark-translated', 'de', 'nope', '--dir', dir]).stderr).toContain(
      '"nope" is not a namespace of English.',
    );
    expect(run(['mark-translated', 'de', 'empathy:step.how', '--dir', dir]).stderr).toContain(
      'English empathy.json has no key "step.how".',
    );
  });
});

describe('attune-content messages', () => {
  it('shows help, and exits with 1 without a command', () => {
    expect(run(['help']).code).toBe(0);
    expect(run(['--help']).stdout).toContain('Usage: attune-content <command>');
    expect(run([]).code).toBe(1);
  });

  it('explains an unknown command or option without a stack trace', () => {
    copy();
    const command = run(['chek']);
    expect(command.code).toBe(1);
    expect(command.stderr).toBe(
      '"chek" is not a command. Run "attune-content help" to see the commands.\n',
    );
    const option = run(['stats', '--jsn']);
    expect(option.stderr).toBe(
      '"--jsn" is not something "stats" understands. Run "attune-content help" to see the options.\n',
    );
    expect(run(['check', 'extra']).stderr).toContain('is not something "check" understands');
  });

  it('explains a missing folder, a folder without English, and no folder at all', () => {
    copy();
    expect(run(['check', '--dir', 'nowhere']).stderr).toContain('There is no folder at');
    rmSync(join(work, 'locales', 'en'), { recursive: true });
    expect(run(['check', '--dir', 'locales']).stderr).toContain(
      'locales has no en/ folder. The English files are what every locale is checked against',
    );
    expect(run(['check']).stderr).toContain('No locales folder was given.');
  });

  it('reports an unexpected failure as a message, not a stack trace', () => {
    const dir = copy();
    writeFileSync(join(dir, 'de', 'common.json'), '{}');
    rmSync(join(dir, 'de', 'empathy.json'));
    // A file where the locale folder should be makes writing fail in an unplanned way.
    writeFileSync(join(dir, 'fr'), 'not a folder');
    const { code, stderr } = run(['new-locale', 'fr', '--dir', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Something went wrong: /);
    expect(stderr).not.toContain('    at ');
  });

  it('shows paths outside the working folder in full', () => {
    const dir = copy();
    const { stdout } = run(['check', '--dir', dir], { cwd: '/' });
    expect(stdout).toContain(`against English in ${dir.slice(1)}.`);
    const elsewhere = run(['check', '--dir', dir], { cwd: join(work, 'locales', 'en') });
    expect(elsewhere.stdout).toContain(`against English in ${dir}.`);
  });
});
