import { keyId } from '../meta.js';
import type { ExchangeDocument, ExchangeUnit } from './exchange-unit.js';
import { poLines } from './po-strings.js';

/** How the English fingerprint starts its extracted comment line in PO. */
export const fingerprintComment = 'source-fingerprint: ';

// A comment is one line; a note with line breaks becomes several comment lines.
const comments = (prefix: string, text: string): string[] =>
  text.split(/\r\n|\r|\n/).map((line) => `${prefix} ${line}`.trimEnd());

function writeEntry(namespace: string, unit: ExchangeUnit): string[] {
  return [
    ...unit.notes.flatMap((note) => comments('#.', note.text)),
    `#. ${fingerprintComment}${unit.fingerprint}`,
    // The context is the key, as check prints it: it tells two texts with the same English apart
    // and names the namespace, so that files merged into one still import.
    ...poLines('msgctxt', keyId(namespace, unit.key)),
    ...poLines('msgid', unit.source),
    ...poLines('msgstr', unit.target),
  ];
}

/**
 * Writes one namespace of a locale as a gettext PO file: an entry per key, with `namespace:key`
 * as its `msgctxt`, the English as `msgid`, the locale's text as `msgstr` (empty where there is
 * none yet), and the translator's notes and the English fingerprint as extracted comments
 * (`#.`), which tools show beside the text. Each plural form is an entry of its own
 * (`common:minutes_few`): gettext numbers `msgstr[n]` by a formula of the tool's choosing, which
 * cannot be mapped exactly onto i18next's CLDR categories for every language.
 *
 * @example
 * ```ts
 * writeFileSync('safety.po', writePo({ sourceLocale: 'en', locale: 'de', content }));
 * ```
 */
export function writePo(document: ExchangeDocument): string {
  const { sourceLocale, locale, content } = document;
  const headers = [
    `Project-Id-Version: @attune/content ${content.namespace}`,
    `Language: ${locale}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    `X-Source-Language: ${sourceLocale}`,
    'X-Generator: attune-content export',
  ];
  const header = [
    `# Attune, ${content.namespace}: translate each msgstr; keep msgctxt as it is.`,
    'msgid ""',
    'msgstr ""',
    ...headers.map((line) => `"${line}\\n"`),
  ];
  const entries = content.units.map((unit) => writeEntry(content.namespace, unit));
  return `${[header, ...entries].map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
