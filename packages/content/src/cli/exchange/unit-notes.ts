import type { ExpectedKey } from '../expected-keys.js';
import { languageName } from '../language-name.js';
import type { KeyContext } from '../meta.js';
import { exampleCounts } from '../plural.js';
import { markupTags, nestedKeys, placeholders } from '../text-tokens.js';
import { numberedLines } from '../untranslated.js';
import type { ExchangeNote } from './exchange-unit.js';

/** What the notes of one unit are made from. */
export interface UnitNoteInput {
  /** The key the locale needs, with its plural form if it is one. */
  readonly expected: ExpectedKey;
  /** The English text the key translates. */
  readonly sourceText: string;
  /** The locale being translated. */
  readonly locale: string;
  /** What the English context file says about the key. */
  readonly context: KeyContext | undefined;
  /** Whether the English changed after the locale's text was marked as translated. */
  readonly outdated: boolean;
}

const list = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * The notes a translator needs beside one text: where it is used, how long it may be, which
 * plural form it is, the placeholders, nestings and tags to keep, its numbered steps, and whether
 * the English changed since it was translated. A tool shows them next to the text; nothing in
 * them is imported back.
 */
export function unitNotes(input: UnitNoteInput): readonly ExchangeNote[] {
  const { expected, sourceText, locale, context, outdated } = input;
  const notes: ExchangeNote[] = [];
  if (context?.context) notes.push({ category: 'context', text: context.context });
  if (context?.maxLength !== undefined) {
    notes.push({
      category: 'max-length',
      text: `At most ${context.maxLength} characters fit here, placeholders counted as written.`,
    });
  }
  const plural = expected.plural;
  if (plural) {
    const counts = exampleCounts(locale, plural.category, plural.ordinal);
    const kind = plural.ordinal ? 'ordinal form (1st, 2nd, …)' : 'plural form';
    const used = counts.length > 0 ? ` for counts such as ${counts.join(', ')}` : '';
    const shown = expected.sourceKey.endsWith(`_${plural.category}`)
      ? ''
      : ` English has no “${plural.category}” form, so its “other” form is shown.`;
    notes.push({
      category: 'plural',
      text: `The “${plural.category}” ${kind} of “${plural.base}”: ${languageName(locale)} uses it${used}.${shown}`,
    });
  }
  const keep = tokensToKeep(sourceText, plural !== undefined);
  if (keep) notes.push({ category: 'placeholders', text: keep });
  const steps = numberedLines(sourceText);
  if (steps > 0) {
    notes.push({
      category: 'steps',
      text: `Keep one numbered line per step, ${steps === 1 ? 'one line (1.)' : `${steps} in all (1. to ${steps}.)`}, each on a line of its own; the app shows each as a step.`,
    });
  }
  if (outdated) {
    notes.push({
      category: 'outdated',
      text: 'The English changed after this was translated. Compare the translation with the English and update it.',
    });
  }
  return notes;
}

// What must reach the app unchanged: the app fills in `{{…}}`, i18next puts another text in
// place of `$t(…)`, and the app styles the words between tags.
function tokensToKeep(sourceText: string, plural: boolean): string | undefined {
  const names = [...placeholders(sourceText)].map((name) => `{{${name}}}`);
  const nested = [...nestedKeys(sourceText)].map((key) => `$t(${key})`);
  const tags = [...new Set(markupTags(sourceText))];
  const sentences = [
    ...(names.length > 0
      ? [
          `Keep ${list(names)} exactly as written, spelling and braces included: the app fills ${names.length === 1 ? 'it' : 'them'} in.${plural && names.includes('{{count}}') ? ' In this form {{count}} may be left out.' : ''}`,
        ]
      : []),
    ...(nested.length > 0
      ? [`Copy ${list(nested)} exactly: it puts another of the app's texts in its place.`]
      : []),
    ...(tags.length > 0 ? [`Keep the tags ${list(tags)} around the matching words.`] : []),
  ];
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
