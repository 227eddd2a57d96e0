/// <reference types="node" />
import { ExchangeFileError } from './exchange-file-error.js';
import type { ImportedFile, ImportedUnit } from './exchange-unit.js';
import { unescapePo } from './po-strings.js';
import { fingerprintComment } from './write-po.js';

/** One entry of a PO file while it is being read. */
interface Entry {
  readonly line: number;
  readonly extracted: string[];
  readonly flags: string[];
  context?: string;
  id?: string;
  plural?: string;
  readonly strings: string[];
}

type Field = 'context' | 'id' | 'plural' | number;

const malformedFix =
  'Correct the file at that line, or save it again from the translation tool. Each msgctxt, msgid and msgstr is followed by text in double quotes, a quote inside written \\" and a line break \\n.';

// `s`: a text may hold U+2028 and other characters `.` leaves out.
const keywordLine = /^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*)$/s;

/**
 * Reads the entries of a PO text, with the line each starts on. Throws an
 * {@link ExchangeFileError} at the first line that is not PO.
 */
function readEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  let field: Field | undefined;
  let pendingExtracted: string[] = [];
  let pendingFlags: string[] = [];

  const fail = (line: number, message: string): never => {
    throw new ExchangeFileError(
      `It is not a valid PO file: ${message} (line ${line}).`,
      malformedFix,
      line,
    );
  };
  const finish = (): void => {
    if (entry) {
      if (entry.id === undefined) fail(entry.line, 'an entry has a msgctxt but no msgid');
      if (entry.strings.length === 0) fail(entry.line, 'an entry has no msgstr');
      entries.push(entry);
    }
    entry = undefined;
    field = undefined;
  };
  const quoted = (rest: string, line: number): string => {
    const inside =
      /^"(.*)"[ \t]*$/s.exec(rest)?.[1] ??
      fail(line, 'a text must be in double quotes, opened and closed on one line');
    const read = unescapePo(inside);
    if ('problem' in read) return fail(line, read.problem);
    return read.text;
  };
  const append = (value: string): void => {
    if (!entry || field === undefined) return;
    if (typeof field === 'number') entry.strings[field] = (entry.strings[field] ?? '') + value;
    else entry[field] = (entry[field] ?? '') + value;
  };

  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    const content = raw.replace(/\r$/, '');
    if (content.trim() === '') {
      if (entry?.strings.length) finish();
      field = undefined;
      continue;
    }
    if (content.startsWith('#')) {
      if (entry?.strings.length) finish();
      field = undefined;
      if (content.startsWith('#~')) {
        // An obsolete entry is no longer in the source; its comments go with it.
        pendingExtracted = [];
        pendingFlags = [];
      } else if (content.startsWith('#.'))
        pendingExtracted.push(content.slice(2).replace(/^ /, ''));
      else if (content.startsWith('#,')) pendingFlags.push(...content.slice(2).split(','));
      continue;
    }
    if (content.trimStart().startsWith('"')) {
      if (field === undefined) fail(line, 'a quoted line follows no msgctxt, msgid or msgstr');
      append(quoted(content.trim(), line));
      continue;
    }
    const match =
      keywordLine.exec(content.trimStart()) ??
      fail(
        line,
        `"${content.slice(0, 30)}" is neither a comment, a msgctxt, msgid or msgstr, nor a quoted line`,
      );
    const keyword = match[1] as string;
    const rest = match[3] as string;
    if (keyword === 'msgctxt' || keyword === 'msgid') {
      const started =
        keyword === 'msgctxt'
          ? entry?.context !== undefined || entry?.id !== undefined
          : entry?.id !== undefined;
      if (started) finish();
    } else if (entry?.id === undefined) fail(line, `${keyword} comes before its msgid`);
    if (!entry) {
      entry = {
        line,
        extracted: pendingExtracted,
        flags: pendingFlags.map((flag) => flag.trim()),
        strings: [],
      };
      pendingExtracted = [];
      pendingFlags = [];
    }
    const current = entry as Entry;
    if (keyword === 'msgstr') {
      const at = match[2] === undefined ? 0 : Number(match[2]);
      current.strings[at] = '';
      field = at;
    } else {
      field = keyword === 'msgctxt' ? 'context' : keyword === 'msgid' ? 'id' : 'plural';
      current[field] = '';
    }
    append(quoted(rest, line));
  }
  finish();
  return entries;
}

// The header is the entry with an empty msgid and no context: `Name: value` lines.
function headerOf(entries: readonly Entry[]): ReadonlyMap<string, string> {
  const header = entries.find((entry) => entry.context === undefined && entry.id === '');
  const fields = new Map<string, string>();
  for (const line of (header?.strings[0] ?? '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return fields;
}

const tryDecode = (bytes: Uint8Array, charset: string): string | undefined => {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

// A file is read as UTF-8, or in the charset its header names (an older tool may save Latin-1).
// The header is ASCII in every charset PO files are saved in, so a Latin-1 reading finds it.
function decode(bytes: Uint8Array): string {
  const utf8 = tryDecode(bytes, 'utf-8');
  const raw = utf8 ?? new TextDecoder('latin1').decode(bytes);
  const charset = /^"Content-Type:[^"]*charset=([^\s;"\\]+)/im.exec(raw)?.[1] ?? 'utf-8';
  if (/^utf-?8$/i.test(charset)) {
    if (utf8 !== undefined) return utf8;
    throw new ExchangeFileError(
      'The file is read as UTF-8, as its header says or as PO files are by default, but holds bytes that are not UTF-8.',
      'Save it again as UTF-8 from the translation tool, or set the charset in its Content-Type header to the one it is saved in.',
      1,
    );
  }
  const text = tryDecode(bytes, charset);
  if (text !== undefined) return text;
  throw new ExchangeFileError(
    `The file says it is saved in the charset "${charset}", which cannot be read here or does not match its bytes.`,
    'Save it as UTF-8 from the translation tool, with "Content-Type: text/plain; charset=UTF-8" in its header.',
    1,
  );
}

/**
 * Reads a gettext PO file that `export` wrote and a translation tool filled in: the locale from
 * its `Language` header, and per entry its namespace and key (from `msgctxt`, `namespace:key`),
 * source, translation, English fingerprint and line. An entry the tool marked `fuzzy` is read with
 * `fuzzy` set, since gettext treats such a translation as not ready. Throws an
 * {@link ExchangeFileError} with the line for a file that is not valid PO or lacks what import
 * needs.
 *
 * @example
 * ```ts
 * const file = readPo(readFileSync('de/safety.po'), 'de/safety.po');
 * file.units[0]?.key; // 'check.intro'
 * ```
 */
export function readPo(bytes: Uint8Array, path: string): ImportedFile {
  const entries = readEntries(decode(bytes));
  const language = headerOf(entries).get('language');
  if (!language) {
    throw new ExchangeFileError(
      'The file names no language (its "Language" header is missing or empty), so it cannot be told which locale to import into.',
      'Add the line "Language: de\\n" (with your locale code) to the header entry at the top, or pass --locale <code> to import.',
      1,
    );
  }
  const units: ImportedUnit[] = [];
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const context = entry.context;
    if (context === undefined && entry.id === '') continue;
    const colon = context?.indexOf(':') ?? -1;
    if (context === undefined || colon <= 0) {
      throw new ExchangeFileError(
        `The entry for "${(entry.id ?? '').slice(0, 40)}" has ${context === undefined ? 'no msgctxt' : `the msgctxt "${context}", which is not namespace:key`}, so it cannot be told which text it translates.`,
        'Keep each msgctxt as export wrote it, such as msgctxt "safety:check.answer-yes".',
        entry.line,
      );
    }
    if (entry.plural !== undefined) {
      throw new ExchangeFileError(
        `The entry "${context}" has a msgid_plural. Attune's PO files hold each plural form as an entry of its own.`,
        'Export the namespace again and translate each form (such as common:minutes_one and common:minutes_other) in its own entry.',
        entry.line,
      );
    }
    const first = seen.get(context);
    if (first !== undefined) {
      throw new ExchangeFileError(
        `It is not a valid PO file: the msgctxt "${context}" is given a second time (first at line ${first}).`,
        'Delete one of the two entries, keeping the translation you want.',
        entry.line,
      );
    }
    seen.set(context, entry.line);
    // The fingerprint is the last comment export writes; a note above it cannot stand in.
    const fingerprint = entry.extracted
      .findLast((comment) => comment.startsWith(fingerprintComment))
      ?.slice(fingerprintComment.length)
      .trim();
    units.push({
      namespace: context.slice(0, colon),
      key: context.slice(colon + 1),
      source: entry.id ?? '',
      target: entry.strings[0] ?? '',
      ...(fingerprint !== undefined && { fingerprint }),
      line: entry.line,
      ...(entry.flags.includes('fuzzy') && { fuzzy: true }),
    });
  }
  return { path, locale: language, units };
}
