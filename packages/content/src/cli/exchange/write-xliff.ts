import { textDirection } from '../../direction.js';
import { CliError } from '../cli-error.js';
import type { ExchangeDocument, ExchangeUnit } from './exchange-unit.js';
import {
  fingerprintCategory,
  isNameToken,
  isXmlChar,
  sizeRestrictionNamespace,
  xliffNamespace,
} from './xliff-vocabulary.js';

const hex = (codePoint: number): string => codePoint.toString(16).toUpperCase().padStart(4, '0');

// `>` is escaped too, so that a text holding `]]>` never reads as the end of a CDATA section.
// A carriage return is written as a reference: XML parsers turn a raw one into a line feed.
// A character XML cannot hold at all (a control character) becomes XLIFF's `<cp hex="…"/>`.
function escapeContent(text: string, codes: boolean): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '\r') out += '&#13;';
    else if (isXmlChar(codePoint)) out += char;
    else out += codes ? `<cp hex="${hex(codePoint)}"/>` : '\uFFFD';
  }
  return out;
}

/** Escapes a text for `<source>` and `<target>`, where `<cp>` may stand for any character. */
const escapeText = (text: string): string => escapeContent(text, true);

/** Escapes a note, where XLIFF allows no `<cp>`; a character XML cannot hold becomes `�`. */
const escapeNote = (text: string): string => escapeContent(text, false);

/** Escapes an attribute value; tabs and line breaks as references, which attributes keep. */
function escapeAttribute(text: string): string {
  return escapeContent(text, false)
    .replaceAll('"', '&quot;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;');
}

function idOf(text: string, what: string): string {
  if (!isNameToken(text)) {
    throw new CliError(
      `The ${what} "${text}" cannot be an XLIFF id: ids hold only letters, digits and . - _ :. Rename it in the English file, or export with --format po.`,
    );
  }
  return escapeAttribute(text);
}

function writeUnit(unit: ExchangeUnit): string[] {
  const size =
    unit.maxLength !== undefined ? ` slr:sizeRestriction="${String(unit.maxLength)}"` : '';
  const notes = [
    ...unit.notes.map(
      (note) => `        <note category="${note.category}">${escapeNote(note.text)}</note>`,
    ),
    `        <note category="${fingerprintCategory}">${escapeNote(unit.fingerprint)}</note>`,
  ];
  const translated = unit.target !== '';
  return [
    `    <unit id="${idOf(unit.key, 'key')}"${size}>`,
    '      <notes>',
    ...notes,
    '      </notes>',
    `      <segment state="${translated ? 'translated' : 'initial'}">`,
    `        <source xml:space="preserve">${escapeText(unit.source)}</source>`,
    ...(translated
      ? [`        <target xml:space="preserve">${escapeText(unit.target)}</target>`]
      : []),
    '      </segment>',
    '    </unit>',
  ];
}

/**
 * Writes one namespace of a locale as an XLIFF 2.0 document: a `<file>` named after the
 * namespace, a `<unit>` per key with the key as its id, the English as `<source>`, the locale's
 * text as `<target>` (left out where there is none yet), the translator's notes, the English
 * fingerprint as a note of category `source-fingerprint`, and a maximum length as the Size and
 * Length Restriction module's `slr:sizeRestriction`, counted in code points as `check` counts.
 *
 * @example
 * ```ts
 * writeFileSync('safety.xlf', writeXliff({ sourceLocale: 'en', locale: 'de', content }));
 * ```
 */
export function writeXliff(document: ExchangeDocument): string {
  const { sourceLocale, locale, content } = document;
  const limited = content.units.some((unit) => unit.maxLength !== undefined);
  const declarations = `xmlns="${xliffNamespace}"${limited ? ` xmlns:slr="${sizeRestrictionNamespace}"` : ''}`;
  return `${[
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff ${declarations} version="2.0" srcLang="${escapeAttribute(sourceLocale)}" trgLang="${escapeAttribute(locale)}">`,
    // One unit is one text: a tool that splits it into sentences would change what is imported.
    `  <file id="${idOf(content.namespace, 'namespace')}" original="${escapeAttribute(`${content.namespace}.json`)}" canResegment="no" srcDir="${textDirection(sourceLocale)}" trgDir="${textDirection(locale)}">`,
    ...(limited ? ['    <slr:profiles generalProfile="xliff:codepoints"/>'] : []),
    ...content.units.flatMap(writeUnit),
    '  </file>',
    '</xliff>',
  ].join('\n')}\n`;
}
