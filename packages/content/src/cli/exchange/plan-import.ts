import { compareTexts } from '../check.js';
import { type ExpectedKey, type KeyPlan, planKeys } from '../expected-keys.js';
import { fingerprint } from '../fingerprint.js';
import { flatten, isKeyObject } from '../flatten.js';
import { isLocaleCode, languageName } from '../language-name.js';
import {
  contextFile,
  contextOf,
  intendedSameFile,
  keyId,
  metaPath,
  type TranslationMeta,
} from '../meta.js';
import { pluralCategories } from '../plural.js';
import type { LocalesData } from '../read-locales.js';
import { isUntranslated, numberedLines } from '../untranslated.js';
import type { ImportedFile, ImportedUnit } from './exchange-unit.js';
import type { ImportProblem } from './import-problem.js';

/** A text `import` will write: the translation and the English fingerprint to record for it. */
export interface TextChange {
  /** The translation. */
  readonly text: string;
  /** The fingerprint of the English it was translated from. */
  readonly fingerprint: string;
}

/** The texts to write, by locale, then namespace, then key. */
export type ImportChanges = ReadonlyMap<
  string,
  ReadonlyMap<string, ReadonlyMap<string, TextChange>>
>;

/** What {@link planImport} found: the problems, and what to write when none is an error. */
export interface ImportPlan {
  /** Every error and warning, in the order of the files and their units. */
  readonly problems: readonly ImportProblem[];
  /** The texts that differ from the locale's and pass every check. */
  readonly changes: ImportChanges;
  /** How many units held a translation the locale already has. */
  readonly unchanged: number;
}

/** What {@link planImport} compares the returned files with. */
export interface PlanImportOptions {
  /** The locales folder as read. */
  readonly data: LocalesData;
  /** Its metadata: context and maximum lengths, texts meant to stay the same. */
  readonly meta: TranslationMeta;
  /** The locale the others are translated from: `en`. */
  readonly sourceLocale: string;
  /** The locale to import into, when the files name it otherwise (`es-ES` for `es`). */
  readonly locale?: string;
}

const fingerprintPattern = /^[0-9a-f]{10}$/;
const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

/** One English namespace as the checks need it, worked out once per locale. */
interface NamespacePlan {
  readonly sourceTexts: ReadonlyMap<string, string>;
  readonly texts: ReadonlyMap<string, string>;
  readonly plan: KeyPlan;
  readonly expected: ReadonlyMap<string, ExpectedKey>;
}

/**
 * Compares files returned by a translation tool with the locales folder, before anything is
 * written. Refuses (as errors) a file for English or for a locale the folder lacks, unknown
 * namespaces and keys, a key given twice, a locale file that is broken, and a translation whose
 * placeholders, `$t(…)`, tags or numbered steps differ from the English or that is longer than its
 * `maxLength`. Warns when the English changed after the file was exported, when a translation is
 * the English words, and when a tool marked one as not ready (PO's `fuzzy`, which is not
 * imported). An empty target leaves the locale's text as it is. Pure: nothing is read or written.
 *
 * @example
 * ```ts
 * const plan = planImport([readExchangeFile(path, path)], { data, meta, sourceLocale: 'en' });
 * if (!plan.problems.some((problem) => problem.severity === 'error')) applyImport(…);
 * ```
 */
export function planImport(files: readonly ImportedFile[], options: PlanImportOptions): ImportPlan {
  const { data, meta, sourceLocale } = options;
  const problems: ImportProblem[] = [];
  const changes = new Map<string, Map<string, Map<string, TextChange>>>();
  const plans = new Map<string, NamespacePlan | undefined>();
  const repeated = trackRepeats();
  let unchanged = 0;

  for (const file of files) {
    const report: Report = (problem) => problems.push({ path: file.path, ...problem });
    const locale = resolveLocale(file, options, report);
    if (locale === undefined) continue;
    const reported = new Set<string>();
    for (const unit of file.units) {
      const at = {
        key: keyId(unit.namespace, unit.key),
        ...(unit.line !== undefined && { line: unit.line }),
      };
      const namespacePlan = namespacePlanOf(plans, data, sourceLocale, locale, unit.namespace);
      if (!namespacePlan) {
        if (!reported.has(unit.namespace)) {
          reported.add(unit.namespace);
          report(namespaceProblem(data, sourceLocale, locale, unit, at.line));
        }
        continue;
      }
      const expected = namespacePlan.expected.get(unit.key);
      if (!expected) {
        report({ ...unknownKey(namespacePlan.plan, unit, locale, sourceLocale), ...at });
        continue;
      }
      const repeat = repeated(`${locale}\u0000${at.key}`, unit, file.path);
      if (repeat !== undefined) {
        if (repeat.conflictsWith !== undefined) {
          report({
            severity: 'error',
            code: 'duplicate-key',
            ...at,
            message: `The key has another translation in ${repeat.conflictsWith}, so it cannot be told which one to keep.`,
            fix: 'Delete one of the two units, keeping the translation you want.',
          });
        }
        continue;
      }
      if (unit.target.trim() === '' || unit.target === namespacePlan.texts.get(unit.key)) {
        if (unit.target !== '') unchanged += 1;
        continue;
      }
      const judged = judgeTranslation(unit, expected, {
        namespacePlan,
        meta,
        locale,
        sourceLocale,
      });
      for (const problem of judged.problems) report({ ...problem, ...at });
      if (!judged.change) continue;
      const byNamespace = changes.get(locale) ?? new Map<string, Map<string, TextChange>>();
      const byKey = byNamespace.get(unit.namespace) ?? new Map<string, TextChange>();
      byKey.set(unit.key, judged.change);
      byNamespace.set(unit.namespace, byKey);
      changes.set(locale, byNamespace);
    }
  }
  return { problems, changes, unchanged };
}

/** A problem with one text, before the file, key and line are added. */
type TextProblem = Omit<ImportProblem, 'path' | 'key' | 'line'>;

/** A repeat of a key already read: harmless when it says the same, a conflict when not. */
interface Repeat {
  /** Where the other translation is, when the two differ. */
  readonly conflictsWith?: string;
}

// The same key may come twice, say from an XLIFF and a PO export of one locale. A repeat
// without a translation, or with the same one, changes nothing; two different translations
// conflict. The first unit that has a translation is the one that counts.
function trackRepeats(): (id: string, unit: ImportedUnit, path: string) => Repeat | undefined {
  const first = new Map<string, { where: string; target: string }>();
  return (id, unit, path) => {
    const given = unit.target.trim() !== '';
    const earlier = first.get(id);
    if (earlier !== undefined && (!given || earlier.target === unit.target)) return {};
    if (earlier !== undefined && earlier.target.trim() !== '') {
      return { conflictsWith: earlier.where };
    }
    first.set(id, {
      where: `${path}${unit.line !== undefined ? ` at line ${unit.line}` : ''}`,
      target: unit.target,
    });
    return undefined;
  };
}

interface Judging {
  readonly namespacePlan: NamespacePlan;
  readonly meta: TranslationMeta;
  readonly locale: string;
  readonly sourceLocale: string;
}

/**
 * Judges a translation that differs from the locale's text: refused when it breaks a check,
 * skipped when the tool marked it as not ready, otherwise the change to write, with warnings when
 * the English changed since the export or the translation is the English words.
 */
function judgeTranslation(
  unit: ImportedUnit,
  expected: ExpectedKey,
  { namespacePlan, meta, locale, sourceLocale }: Judging,
): { readonly problems: readonly TextProblem[]; readonly change?: TextChange } {
  const source = languageName(sourceLocale);
  const language = languageName(locale);
  const id = keyId(unit.namespace, unit.key);
  if (unit.fuzzy) {
    return {
      problems: [
        {
          severity: 'warning',
          code: 'fuzzy-skipped',
          message: 'The tool marks this translation as fuzzy (not ready), so it was not imported.',
          fix: 'Review it in the tool and clear the mark (in Poedit: "Needs work"), then import the file again.',
        },
      ],
    };
  }
  const sourceText = namespacePlan.sourceTexts.get(expected.sourceKey) ?? '';
  const refusals = textProblems(unit.target, sourceText, expected, {
    namespacePlan,
    meta,
    namespace: unit.namespace,
    locale,
    language,
    sourceLocale,
  });
  if (refusals.length > 0) return { problems: refusals };

  const problems: TextProblem[] = [];
  // The translation was made from the English the file was exported with; recording that one
  // lets `check` report it as outdated when the English has changed since.
  const exported =
    unit.fingerprint !== undefined && fingerprintPattern.test(unit.fingerprint)
      ? unit.fingerprint
      : fingerprint(unit.source);
  if (exported !== fingerprint(sourceText)) {
    problems.push({
      severity: 'warning',
      code: 'english-changed',
      message: `The ${source} changed after this file was exported; it now reads ${quote(sourceText)}. The translation was imported, and "check" reports it as outdated.`,
      fix: `Compare the translation with the new ${source} and update it, then run "attune-content mark-translated ${locale} ${id}".`,
    });
  }
  const sameLanguage = new Intl.Locale(locale).language === new Intl.Locale(sourceLocale).language;
  const intended =
    contextOf(meta.context, unit.namespace, expected)?.entry.properName === true ||
    !!meta.locales.get(locale)?.intendedSame.has(id);
  if (isUntranslated(unit.target, sourceText, { sameLanguage, intended })) {
    problems.push({
      severity: 'warning',
      code: 'same-as-english',
      message: `The translation is the ${source} text, so "check" counts it as not translated.`,
      fix: `Translate it in the tool. If these words are right in ${language}, add "${id}": "why it stays the same" to ${metaPath(locale, intendedSameFile)}.`,
    });
  }
  return { problems, change: { text: unit.target, fingerprint: exported } };
}

type Report = (problem: Omit<ImportProblem, 'path'>) => void;

// The locale a file is for: the one given with --locale, or the one the file names, written the
// way the locale folders are (Poedit writes `de_DE` where the folder is `de-DE`).
function resolveLocale(
  file: ImportedFile,
  options: PlanImportOptions,
  report: Report,
): string | undefined {
  const { data, sourceLocale } = options;
  const source = languageName(sourceLocale);
  const named = (options.locale ?? file.locale).replaceAll('_', '-');
  if (!isLocaleCode(named)) {
    report({
      severity: 'error',
      code: 'wrong-locale',
      ...(options.locale === undefined && { line: 1 }),
      message: `"${named}" is not a locale code, so it cannot be told which locale to import into.`,
      fix: "Set the file's target language to a locale code such as de or pt-BR, or pass --locale <code>.",
    });
    return undefined;
  }
  const [locale] = Intl.getCanonicalLocales(named) as [string];
  if (
    file.sourceLocale !== undefined &&
    (!isLocaleCode(file.sourceLocale) ||
      new Intl.Locale(file.sourceLocale).language !== new Intl.Locale(sourceLocale).language)
  ) {
    report({
      severity: 'error',
      code: 'wrong-locale',
      line: 1,
      message: `The file's source language is "${file.sourceLocale}"; Attune's texts are translated from ${source} (${sourceLocale}).`,
      fix: `Import a file that export wrote, whose source is ${source}.`,
    });
    return undefined;
  }
  if (locale === sourceLocale) {
    report({
      severity: 'error',
      code: 'wrong-locale',
      ...(options.locale === undefined && { line: 1 }),
      message: `The file is for ${source}, the source every locale is made from; import never changes it.`,
      fix: `Edit the ${source} files themselves, or set the file's target language to the locale it translates.`,
    });
    return undefined;
  }
  if (!data.has(locale)) {
    report({
      severity: 'error',
      code: 'wrong-locale',
      ...(options.locale === undefined && { line: 1 }),
      message: `The file is for ${locale} (${languageName(locale)}), and the locales folder has no ${locale}/.`,
      fix: `Create it with "attune-content new-locale ${locale}", or, if the tool names the language otherwise (es-ES for es), pass --locale with the folder's code.`,
    });
    return undefined;
  }
  return locale;
}

function namespacePlanOf(
  plans: Map<string, NamespacePlan | undefined>,
  data: LocalesData,
  sourceLocale: string,
  locale: string,
  namespace: string,
): NamespacePlan | undefined {
  const id = `${locale}\u0000${namespace}`;
  if (plans.has(id)) return plans.get(id);
  const sourceContent = data.get(sourceLocale)?.get(namespace)?.content;
  const file = data.get(locale)?.get(namespace);
  let result: NamespacePlan | undefined;
  if (isKeyObject(sourceContent) && (!file || isKeyObject(file.content))) {
    const sourceTexts = flatten(sourceContent).texts;
    const plan = planKeys(sourceTexts, locale);
    result = {
      sourceTexts,
      texts: file ? flatten(file.content).texts : new Map(),
      plan,
      expected: new Map(plan.expected.map((entry) => [entry.key, entry])),
    };
  }
  plans.set(id, result);
  return result;
}

function namespaceProblem(
  data: LocalesData,
  sourceLocale: string,
  locale: string,
  unit: ImportedUnit,
  line: number | undefined,
): Omit<ImportProblem, 'path'> {
  const source = languageName(sourceLocale);
  const where = line !== undefined ? { line } : {};
  const sourceFile = data.get(sourceLocale)?.get(unit.namespace);
  if (!sourceFile) {
    return {
      severity: 'error',
      code: 'unknown-namespace',
      ...where,
      message: `"${unit.namespace}" is not a namespace of ${source}: ${sourceLocale}/${unit.namespace}.json does not exist.`,
      fix: 'Keep the file id (XLIFF) or the part of msgctxt before ":" (PO) as export wrote it, or export the locale again.',
    };
  }
  const broken = isKeyObject(sourceFile.content)
    ? `${locale}/${unit.namespace}.json`
    : sourceFile.path;
  return {
    severity: 'error',
    code: 'broken-locale-file',
    ...where,
    message: `${broken} cannot be read, so the translations cannot be merged into it.`,
    fix: `Run "attune-content check" to see what is wrong with ${broken}, fix it, then import again.`,
  };
}

function unknownKey(
  plan: KeyPlan,
  unit: ImportedUnit,
  locale: string,
  sourceLocale: string,
): TextProblem {
  const form = plan.pluralFormOf(unit.key);
  if (form) {
    return {
      severity: 'error',
      code: 'unknown-key',
      message: `${languageName(locale)} has no “${form.category}” ${form.ordinal ? 'ordinal' : 'plural'} form (it uses ${pluralCategories(locale, form.ordinal).join(', ')}), so this text would never be shown.`,
      fix: 'Delete the unit; export the locale again to get exactly the forms it uses.',
    };
  }
  return {
    severity: 'error',
    code: 'unknown-key',
    message: `${languageName(sourceLocale)} ${unit.namespace}.json has no key "${unit.key}".`,
    fix: 'Keep each id as export wrote it. If the key was renamed since the file was exported, export again and move the translation to the new key; otherwise delete the unit.',
  };
}

interface TextCheck {
  readonly namespacePlan: NamespacePlan;
  readonly meta: TranslationMeta;
  readonly namespace: string;
  readonly locale: string;
  readonly language: string;
  readonly sourceLocale: string;
}

// The checks of `check` that a translation fails on its own: placeholders, nestings and markup
// that differ from the English, numbered steps, a maximum length.
function textProblems(
  text: string,
  sourceText: string,
  expected: ExpectedKey,
  { namespacePlan, meta, namespace, locale, language, sourceLocale }: TextCheck,
): TextProblem[] {
  const allowed = expected.plural
    ? expected.plural.sourceKeys.map((key) => namespacePlan.sourceTexts.get(key) ?? '')
    : [sourceText];
  const where = { locale, namespace, key: expected.key };
  const problems: TextProblem[] = compareTexts(
    text,
    sourceText,
    allowed,
    expected.plural !== undefined,
    where,
    language,
  ).map((issue) => ({
    severity: 'error',
    code: issue.kind as 'placeholder-mismatch' | 'nesting-mismatch' | 'markup-mismatch',
    message: issue.message,
    fix: issue.fix,
  }));
  const steps = numberedLines(sourceText);
  const translatedSteps = numberedLines(text);
  if (steps > 0 && translatedSteps !== steps) {
    problems.push({
      severity: 'error',
      code: 'numbered-lines',
      message: `The ${languageName(sourceLocale)} has ${steps} numbered ${steps === 1 ? 'line' : 'lines'} (1. … ${steps}.), the translation ${translatedSteps}; the app shows each numbered line as one step.`,
      fix: `Start each step on a line of its own with its number and a period, ${steps === 1 ? '1.' : `1. to ${steps}.`}, and keep lines without a number unnumbered.`,
    });
  }
  const keyContext = contextOf(meta.context, namespace, expected);
  const maxLength = keyContext?.entry.maxLength;
  const length = [...text].length;
  if (maxLength !== undefined && length > maxLength) {
    problems.push({
      severity: 'error',
      code: 'too-long',
      message: `The translation has ${length} characters; at most ${maxLength} fit here (${keyContext?.id} in ${metaPath(sourceLocale, contextFile)}).`,
      fix: `Shorten it to ${maxLength} characters or fewer, placeholders counted as written.`,
    });
  }
  return problems;
}
