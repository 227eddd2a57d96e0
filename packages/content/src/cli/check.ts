import { type ExpectedPluralForm, planKeys } from './expected-keys.js';
import { flatten, isKeyObject } from './flatten.js';
import { isLocaleCode, languageName } from './language-name.js';
import { exampleCounts, pluralCategories } from './plural.js';
import type { LocalesData, NamespaceFile } from './read-locales.js';
import { markupTags, nestedKeys, placeholders, visibleText } from './text-tokens.js';

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
  | 'same-as-source'
  | 'length-ratio';

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
  /** What is wrong, in words for a translator. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Options of {@link checkLocales}. */
export interface CheckOptions {
  /** The locale the others are translated from. */
  readonly sourceLocale: string;
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
 * placeholders, plural forms, markup, untranslated text and suspicious lengths. Pure: the result
 * depends only on the data given.
 *
 * @example
 * ```ts
 * const issues = checkLocales(readLocalesFolder('locales'), { sourceLocale: 'en' });
 * const failed = issues.some((issue) => issue.severity === 'error');
 * ```
 */
export function checkLocales(data: LocalesData, options: CheckOptions): readonly Issue[] {
  const { sourceLocale } = options;
  const source = data.get(sourceLocale);
  const issues: Issue[] = [];
  if (!source) return issues;
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
        ...checkNamespace(locale, namespace, sourceFile, files.get(namespace), sourceLocale),
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

function checkNamespace(
  locale: string,
  namespace: string,
  sourceFile: NamespaceFile,
  file: NamespaceFile | undefined,
  sourceLocale: string,
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
    if (locale === sourceLocale) continue;
    // Short words such as "No" or "OK" are often the same in both languages.
    const words = visibleText(sourceText);
    if (!sameLanguage && text === sourceText && words.length >= 4 && /\p{L}{2,}/u.test(words)) {
      issues.push({
        severity: 'warning',
        kind: 'same-as-source',
        ...at(expected.key),
        message: `The text is the same as in ${languageName(sourceLocale)}: ${quote(text)}.`,
        fix: `Translate it, unless these exact words are right in ${language} (a name, for instance).`,
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

// Compares what must survive translation unchanged: placeholders, nested keys and markup. In a
// plural form `{{count}}` may be left out ("one note" needs no number), and any placeholder of
// another form of the same key may appear.
function compareTexts(
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
