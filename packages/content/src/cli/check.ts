import { type ExpectedPluralForm, planKeys } from './expected-keys.js';
import { fingerprint } from './fingerprint.js';
import { flatten, isKeyObject } from './flatten.js';
import { isLocaleCode, languageName } from './language-name.js';
import {
  contextFile,
  contextOf,
  intendedSameFile,
  type KeyContext,
  keyId,
  type LocaleMeta,
  metaPath,
  noMeta,
  type TranslationMeta,
} from './meta.js';
import { exampleCounts, parsePluralKey, pluralCategories } from './plural.js';
import type { LocalesData, NamespaceFile } from './read-locales.js';
import { markupTags, nestedKeys, placeholders, visibleText } from './text-tokens.js';
import { isUntranslated, numberedLines } from './untranslated.js';

/** How much an issue matters: an error fails `check`, a warning is only shown. */
export type IssueSeverity = 'error' | 'warning';

/** What kind of problem an issue is. */
export type IssueKind =
  | 'invalid-locale'
  | 'invalid-file'
  | 'missing-namespace'
  | 'extra-namespace'
  | 'missing-key'
  | 'empty-text'
  | 'extra-key'
  | 'not-text'
  | 'placeholder-mismatch'
  | 'nesting-mismatch'
  | 'plural-missing'
  | 'plural-extra'
  | 'markup-mismatch'
  | 'untranslated'
  | 'numbered-lines'
  | 'too-long'
  | 'outdated'
  | 'length-ratio'
  | 'invalid-meta'
  | 'stale-meta'
  | 'pseudo-locale';

/** One problem found in a locale, with where it is and how to fix it. */
export interface Issue {
  /** Whether the problem fails the check. */
  readonly severity: IssueSeverity;
  /** What kind of problem it is. */
  readonly kind: IssueKind;
  /** The locale folder: `de`. */
  readonly locale: string;
  /** The namespace file, without `.json`; empty for a problem with the whole locale. */
  readonly namespace: string;
  /** The dotted key, when the problem is in one key. */
  readonly key?: string;
  /**
   * The file the problem is in, relative to the locales folder, when it is not the namespace's
   * own file: `de/_meta/intended-same.json`.
   */
  readonly file?: string;
  /** What is wrong, in words for a translator. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Options of {@link checkLocales}. */
export interface CheckOptions {
  /** The locale the others are translated from. */
  readonly sourceLocale: string;
  /**
   * The folder's metadata: context and maximum lengths, texts meant to stay the same, source
   * fingerprints, pseudo-locales. Without it, every identical text counts as untranslated and
   * nothing is compared with fingerprints.
   */
  readonly meta?: TranslationMeta;
}

// Below this many characters a length comparison says nothing: "OK" and "Einverstanden" are both right.
const minLengthForRatio = 20;
const maxRatio = 2.5;
const minRatio = 0.33;
// Chinese, Japanese and Korean say in a few characters what English says in many words.
const minRatioCompactScripts = 0.1;
const compactScriptLanguages = new Set(['ja', 'zh', 'ko', 'yue']);

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
const list = (items: Iterable<string>): string => [...items].join(', ');
const braces = (names: Iterable<string>): string => list([...names].map((name) => `{{${name}}}`));

/**
 * Checks every locale of a locales folder against the source locale: missing and extra keys,
 * placeholders, plural forms, markup, numbered steps, untranslated and outdated text, maximum and
 * suspicious lengths. Pure: the result depends only on the data given.
 *
 * @example
 * ```ts
 * const issues = checkLocales(readLocalesFolder('locales'), { sourceLocale: 'en' });
 * const failed = issues.some((issue) => issue.severity === 'error');
 * ```
 */
export function checkLocales(data: LocalesData, options: CheckOptions): readonly Issue[] {
  const { sourceLocale, meta = noMeta } = options;
  const source = data.get(sourceLocale);
  const issues: Issue[] = [];
  if (!source) return issues;
  issues.push(...metaIssues(data, sourceLocale, meta));
  for (const [locale, files] of data) {
    if (!isLocaleCode(locale)) {
      issues.push({
        severity: 'error',
        kind: 'invalid-locale',
        locale,
        namespace: '',
        message: `The folder "${locale}" is not named after a locale code, so no app will load it.`,
        fix: 'Rename the folder to a BCP 47 code such as fr, pt-BR or zh-Hant.',
      });
      continue;
    }
    for (const [namespace, sourceFile] of source) {
      issues.push(
        ...checkNamespace(locale, namespace, sourceFile, files.get(namespace), {
          sourceLocale,
          context: meta.context,
          localeMeta: meta.locales.get(locale),
        }),
      );
    }
    for (const [namespace, file] of files) {
      if (source.has(namespace)) continue;
      issues.push({
        severity: 'warning',
        kind: 'extra-namespace',
        locale,
        namespace,
        message: `${file.path} has no ${languageName(sourceLocale)} counterpart, so nothing uses it.`,
        fix: `Delete it, or check that its name matches a file in ${sourceLocale}/.`,
      });
    }
  }
  return issues;
}

interface NamespaceCheck {
  readonly sourceLocale: string;
  readonly context: ReadonlyMap<string, KeyContext>;
  readonly localeMeta: LocaleMeta | undefined;
}

function checkNamespace(
  locale: string,
  namespace: string,
  sourceFile: NamespaceFile,
  file: NamespaceFile | undefined,
  { sourceLocale, context, localeMeta }: NamespaceCheck,
): Issue[] {
  const issues: Issue[] = [];
  const at = (key?: string) => ({ locale, namespace, ...(key !== undefined && { key }) });
  const language = languageName(locale);
  if (!file) {
    issues.push({
      severity: 'error',
      kind: 'missing-namespace',
      ...at(),
      message: `${locale}/${namespace}.json is missing, so none of its ${languageName(sourceLocale)} text is translated.`,
      fix: `Run "attune-content new-locale ${locale}" to add it with every key, then translate it.`,
    });
    return issues;
  }
  const fileProblem =
    file.error ??
    (isKeyObject(file.content)
      ? undefined
      : 'The file must hold an object of keys, such as { "step": { "title": "…" } }.');
  if (fileProblem) {
    issues.push({
      severity: 'error',
      kind: 'invalid-file',
      ...at(),
      message: `${file.path}: ${fileProblem}`,
      fix: 'Fix the file in a text editor; a JSON validator shows where the problem is.',
    });
    return issues;
  }
  // A broken source file is reported once, for the source locale, not again for each translation.
  if (sourceFile.error !== undefined || !isKeyObject(sourceFile.content)) return issues;

  const sourceTexts = flatten(sourceFile.content).texts;
  const { texts, notText } = flatten(file.content);
  for (const key of notText) {
    issues.push({
      severity: 'error',
      kind: 'not-text',
      ...at(key),
      message: 'The value is a number, true/false or null; the app can only show text.',
      fix: 'Write the value as text in double quotes.',
    });
  }
  const plan = planKeys(sourceTexts, locale);
  const expectedKeys = new Set(plan.expected.map((entry) => entry.key));
  const sameLanguage = new Intl.Locale(locale).language === new Intl.Locale(sourceLocale).language;

  for (const expected of plan.expected) {
    const sourceText = sourceTexts.get(expected.sourceKey) ?? '';
    const text = texts.get(expected.key);
    if (text === undefined) {
      if (notText.includes(expected.key)) continue;
      issues.push(
        expected.plural
          ? pluralMissing(locale, expected.key, expected.plural, sourceText, at(expected.key))
          : {
              severity: 'error',
              kind: 'missing-key',
              ...at(expected.key),
              message: `This key is in ${languageName(sourceLocale)} but not in ${language}.`,
              fix: `Add "${expected.key}" with the ${language} for ${quote(sourceText)}.`,
            },
      );
      continue;
    }
    if (text.trim() === '') {
      issues.push({
        severity: 'error',
        kind: 'empty-text',
        ...at(expected.key),
        message: 'The text is empty, so the app would show nothing here.',
        fix:
          locale === sourceLocale
            ? 'Write the text.'
            : `Write the ${language} for ${quote(sourceText)}.`,
      });
      continue;
    }
    const allowed = expected.plural
      ? expected.plural.sourceKeys.map((key) => sourceTexts.get(key) ?? '')
      : [sourceText];
    issues.push(
      ...compareTexts(text, sourceText, allowed, !!expected.plural, at(expected.key), language),
    );
    const keyContext = contextOf(context, namespace, expected);
    const maxLength = keyContext?.entry.maxLength;
    const length = [...text].length;
    if (maxLength !== undefined && length > maxLength) {
      issues.push({
        severity: 'error',
        kind: 'too-long',
        ...at(expected.key),
        message: `The text has ${length} characters; at most ${maxLength} fit here (${keyContext?.id} in ${metaPath(sourceLocale, contextFile)}).`,
        fix: `Shorten it to ${maxLength} characters or fewer, placeholders counted as written.${keyContext?.entry.context ? ` Where it is used: ${keyContext.entry.context}` : ''}`,
      });
    }
    if (locale === sourceLocale) continue;
    const id = keyId(namespace, expected.key);
    const intended = keyContext?.entry.properName === true || !!localeMeta?.intendedSame.has(id);
    if (isUntranslated(text, sourceText, { sameLanguage, intended })) {
      issues.push({
        severity: 'error',
        kind: 'untranslated',
        ...at(expected.key),
        message: `The text is the same as in ${languageName(sourceLocale)}, so it is not translated yet: ${quote(text)}.`,
        fix: `Translate it. If these exact words are right in ${language} (a word both languages share), add "${id}": "why it stays the same" to ${metaPath(locale, intendedSameFile)}.`,
      });
      continue;
    }
    const steps = numberedLines(sourceText);
    const translatedSteps = numberedLines(text);
    if (steps > 0 && translatedSteps !== steps) {
      issues.push({
        severity: 'error',
        kind: 'numbered-lines',
        ...at(expected.key),
        message: `The ${languageName(sourceLocale)} has ${steps} numbered ${steps === 1 ? 'line' : 'lines'} (1. … ${steps}.), the ${language} has ${translatedSteps}; the app shows each numbered line as one step.`,
        fix: `Start each step on a line of its own with its number and a period, as in the ${languageName(sourceLocale)} (${steps === 1 ? '1.' : `1. to ${steps}.`}), and keep lines without a number, such as a closing tip, unnumbered.`,
      });
    }
    const recorded = localeMeta?.fingerprints?.get(namespace)?.get(expected.key);
    if (recorded !== undefined && recorded !== fingerprint(sourceText)) {
      issues.push({
        severity: 'warning',
        kind: 'outdated',
        ...at(expected.key),
        message: `The ${languageName(sourceLocale)} changed after this was translated. It now reads ${quote(sourceText)}.`,
        fix: `Compare the ${language} with the new ${languageName(sourceLocale)} and update it, then run "attune-content mark-translated ${locale} ${id}" to record that it is current.`,
      });
    }
    const ratioIssue = lengthRatio(text, sourceText, locale, at(expected.key), sourceLocale);
    if (ratioIssue) issues.push(ratioIssue);
  }

  for (const [key, text] of texts) {
    if (expectedKeys.has(key)) continue;
    const form = plan.pluralFormOf(key);
    if (form) {
      const used = pluralCategories(locale, form.ordinal);
      issues.push({
        severity: 'warning',
        kind: 'plural-extra',
        ...at(key),
        message: `${language} has no "${form.category}" ${form.ordinal ? 'ordinal' : 'plural'} form (it uses ${list(used)}), so this text is never shown.`,
        fix: `Delete "${key}".`,
      });
      continue;
    }
    const variantOf = plan.contextSourceOf(key);
    if (variantOf !== undefined) {
      const sourceText = sourceTexts.get(variantOf) ?? '';
      issues.push(...compareTexts(text, sourceText, [sourceText], true, at(key), language));
      continue;
    }
    issues.push({
      severity: 'warning',
      kind: 'extra-key',
      ...at(key),
      message: `This key is not in ${languageName(sourceLocale)}, so the app never shows it.`,
      fix: `Delete it, or if it was renamed in ${languageName(sourceLocale)}, move the text to the new key.`,
    });
  }
  return issues;
}

function pluralMissing(
  locale: string,
  key: string,
  form: ExpectedPluralForm,
  sourceText: string,
  where: Pick<Issue, 'locale' | 'namespace' | 'key'>,
): Issue {
  const language = languageName(locale);
  const counts = exampleCounts(locale, form.category, form.ordinal);
  const when =
    counts.length > 0 ? ` It is used for counts such as ${list(counts.map(String))}.` : '';
  return {
    severity: 'error',
    kind: 'plural-missing',
    ...where,
    message: `The "${form.category}" plural form is missing. ${language} uses ${list(pluralCategories(locale, form.ordinal))}.${when}`,
    fix: `Add "${key}" with the ${language} for ${quote(sourceText)} in that form.`,
  };
}

/**
 * Compares what must survive translation unchanged: placeholders, `$t(…)` nestings and markup.
 * In a plural form or context variant (`lenient`), `{{count}}` may be left out ("one note" needs
 * no number) and any placeholder of `allowedSources`, the other forms of the key, may appear.
 * `import` refuses a text with the same checks.
 */
export function compareTexts(
  text: string,
  sourceText: string,
  allowedSources: readonly string[],
  lenient: boolean,
  where: Pick<Issue, 'locale' | 'namespace' | 'key'>,
  language: string,
): Issue[] {
  const issues: Issue[] = [];
  const found = placeholders(text);
  const required = new Set(placeholders(sourceText));
  const allowed = new Set(allowedSources.flatMap((source) => [...placeholders(source)]));
  if (lenient) {
    required.delete('count');
    allowed.add('count');
  }
  const missing = [...required].filter((name) => !found.has(name));
  const unknown = [...found].filter((name) => !allowed.has(name));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      ...(unknown.length > 0 ? [`${braces(unknown)} is not in the original`] : []),
      ...(missing.length > 0 ? [`${braces(missing)} is missing`] : []),
    ];
    issues.push({
      severity: 'error',
      kind: 'placeholder-mismatch',
      ...where,
      message: `The placeholders differ from the original: ${parts.join(', and ')}.`,
      fix: `Keep each placeholder exactly as in the original, spelling included: ${braces(required.size > 0 ? required : allowed) || 'none'}. The app fills them in; translate only the words around them.`,
    });
  }
  const nested = [...nestedKeys(text)].sort().join(' ');
  const sourceNested = [...nestedKeys(sourceText)].sort().join(' ');
  if (nested !== sourceNested) {
    issues.push({
      severity: 'error',
      kind: 'nesting-mismatch',
      ...where,
      message: `The $t(…) references differ from the original (${sourceNested || 'none'}).`,
      fix: 'Copy each $t(…) exactly as it is in the original; it inserts another text.',
    });
  }
  const tags = markupTags(text).join(' ');
  const sourceTags = markupTags(sourceText).join(' ');
  if (tags !== sourceTags) {
    issues.push({
      severity: 'error',
      kind: 'markup-mismatch',
      ...where,
      message: `The markup differs from the original: it has ${sourceTags || 'no tags'}, the ${language} has ${tags || 'no tags'}.`,
      fix: 'Use the same tags as the original, around the words that match, and close each one.',
    });
  }
  return issues;
}

function lengthRatio(
  text: string,
  sourceText: string,
  locale: string,
  where: Pick<Issue, 'locale' | 'namespace' | 'key'>,
  sourceLocale: string,
): Issue | undefined {
  const sourceLength = [...visibleText(sourceText)].length;
  if (sourceLength < minLengthForRatio) return undefined;
  const ratio = [...visibleText(text)].length / sourceLength;
  const compact = compactScriptLanguages.has(new Intl.Locale(locale).language);
  const tooShort = ratio < (compact ? minRatioCompactScripts : minRatio);
  if (!tooShort && ratio <= maxRatio) return undefined;
  const times = ratio.toFixed(1);
  return {
    severity: 'warning',
    kind: 'length-ratio',
    ...where,
    message: `The text is ${times} times as long as the ${languageName(sourceLocale)}, which often means part is ${tooShort ? 'missing' : 'repeated or left over'}.`,
    fix: tooShort
      ? `Check that the whole of ${quote(sourceText)} is translated.`
      : 'Check that nothing is repeated and that no other text was pasted in; if it reads right, keep it.',
  };
}

// Every `namespace:key` of the source, plural bases included (`common:minutes` for
// `minutes_one` and `minutes_other`), which metadata files may name.
function sourceKeyIds(data: LocalesData, sourceLocale: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [namespace, file] of data.get(sourceLocale) ?? []) {
    if (!isKeyObject(file.content)) continue;
    for (const [key, text] of flatten(file.content).texts) {
      ids.set(keyId(namespace, key), text);
      const plural = parsePluralKey(key);
      if (plural && !ids.has(keyId(namespace, plural.base))) {
        ids.set(keyId(namespace, plural.base), text);
      }
    }
  }
  return ids;
}

// Problems with the metadata files themselves, and pseudo-locales left in the folder.
function metaIssues(data: LocalesData, sourceLocale: string, meta: TranslationMeta): Issue[] {
  const issues: Issue[] = [];
  for (const problem of meta.problems) {
    issues.push({
      severity: 'error',
      kind: 'invalid-meta',
      locale: problem.locale,
      namespace: '',
      file: problem.path,
      message: `${problem.path}: ${problem.message}`,
      fix: 'Fix the file in a text editor; docs/translating.md shows the shape of each metadata file.',
    });
  }
  for (const locale of meta.pseudoLocales) {
    issues.push({
      severity: 'warning',
      kind: 'pseudo-locale',
      locale,
      namespace: '',
      message: `${locale}/ is a pseudo-locale. It is not checked and the app's loaders leave it out, but a package built from this folder would still carry its files.`,
      fix: `Delete ${locale}/ when you are done testing layouts; "attune-content pseudo" writes to .pseudo/ unless asked for --into-locales.`,
    });
  }
  if (meta.context.size === 0 && meta.locales.size === 0) return issues;
  const ids = sourceKeyIds(data, sourceLocale);
  const source = languageName(sourceLocale);
  for (const id of meta.context.keys()) {
    if (ids.has(id)) continue;
    issues.push({
      severity: 'warning',
      kind: 'stale-meta',
      locale: sourceLocale,
      namespace: '',
      key: id,
      file: metaPath(sourceLocale, contextFile),
      message: `The context is for "${id}", which the ${source} files do not have.`,
      fix: 'Rename the entry to the key it describes ("namespace:dotted.key"), or delete it.',
    });
  }
  for (const [locale, localeMeta] of meta.locales) {
    const files = data.get(locale);
    for (const id of localeMeta.intendedSame.keys()) {
      const where = {
        locale,
        namespace: '',
        key: id,
        file: metaPath(locale, intendedSameFile),
      };
      if (!ids.has(id)) {
        issues.push({
          severity: 'warning',
          kind: 'stale-meta',
          ...where,
          message: `"${id}" is listed as meant to stay the same, but the ${source} files have no such key.`,
          fix: 'Delete the entry, or correct it to "namespace:dotted.key" as "check" prints keys.',
        });
        continue;
      }
      const colon = id.indexOf(':');
      const content = files?.get(id.slice(0, colon))?.content;
      const text = isKeyObject(content) ? flatten(content).texts.get(id.slice(colon + 1)) : '';
      if (text !== undefined && text !== '' && text.trim() !== ids.get(id)?.trim()) {
        issues.push({
          severity: 'warning',
          kind: 'stale-meta',
          ...where,
          message: `"${id}" is listed as meant to stay the same, but its text now differs from the ${source}.`,
          fix: 'Delete the entry: the text is translated, so the list no longer needs it.',
        });
      }
    }
  }
  return issues;
}
