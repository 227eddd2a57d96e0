import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import { ExchangeFileError } from './exchange-file-error.js';
import type { ImportedFile, ImportedUnit } from './exchange-unit.js';
import { fingerprintCategory, xliff12Namespace, xliffNamespace } from './xliff-vocabulary.js';

/** One `<segment>` or `<ignorable>` of a unit, in the unit's order. */
interface Part {
  readonly kind: 'segment' | 'ignorable';
  source: string;
  target: string | undefined;
}

/** A unit while it is being read. */
interface OpenUnit {
  readonly namespace: string;
  readonly key: string;
  readonly line: number;
  readonly parts: Part[];
  fingerprint?: string;
}

// Inline elements that only mark up text: their content is the text. The others (`<ph>`, `<pc>`,
// `<sc>`, `<ec>`) stand for codes of an original format, which Attune's texts never have.
const markers = new Set(['mrk', 'sm', 'em']);

const attribute = (tag: SaxesTagNS, local: string): string | undefined =>
  Object.values(tag.attributes as Record<string, SaxesAttributeNS>).find(
    (found) => found.local === local && found.uri === '',
  )?.value;

const malformedFix =
  'Correct the file at that line (an XML editor shows where), or export it from the translation tool again. In a text, & and < are written &amp; and &lt;.';

/**
 * Reads an XLIFF 2.0 (or 2.1) document that `export` wrote and a translation tool filled in: the
 * target language, and per unit its namespace (the `<file>` id), key (the `<unit>` id), source,
 * target and English fingerprint. A unit a tool split into segments is joined back. Throws an
 * {@link ExchangeFileError} with the line for a file that is not well-formed XML, not XLIFF 2,
 * or lacks an id or language.
 *
 * @example
 * ```ts
 * const file = readXliff(readFileSync('de/safety.xlf', 'utf8'), 'de/safety.xlf');
 * file.locale; // 'de'
 * ```
 */
export function readXliff(text: string, path: string): ImportedFile {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const units: ImportedUnit[] = [];
  const open: SaxesTagNS[] = [];
  let locale: string | undefined;
  let sourceLocale: string | undefined;
  let namespace: string | undefined;
  let unit: OpenUnit | undefined;
  let note: { category: string | undefined; text: string } | undefined;
  // The source or target being read, and how deep inline markers go inside it.
  let content: { part: Part; which: 'source' | 'target' } | undefined;
  let depth = 0;

  const fail = (message: string, fix: string): never => {
    throw new ExchangeFileError(message, fix, parser.line);
  };
  const append = (chunk: string): void => {
    if (content) {
      const { part, which } = content;
      part[which] = (part[which] ?? '') + chunk;
    } else if (note) note.text += chunk;
  };

  parser.on('opentag', (tag) => {
    const parent = open[open.length - 1];
    open.push(tag);
    if (!parent) {
      readRoot(tag, fail);
      locale = attribute(tag, 'trgLang');
      sourceLocale = attribute(tag, 'srcLang');
      return;
    }
    if (content) {
      depth += 1;
      if (tag.uri === xliffNamespace && tag.local === 'cp') append(codePointOf(tag, fail));
      else if (tag.uri !== xliffNamespace || !markers.has(tag.local)) {
        fail(
          `The ${content.which} of "${unit?.key}" holds a <${tag.name}> element. Attune's texts are plain text, with placeholders such as {{partner}} written out.`,
          'Remove the element and write its text as plain text, or export from the translation tool as plain-text XLIFF (in Weblate: "XLIFF 2.0 translation file", not "with placeables").',
        );
      }
      return;
    }
    if (tag.uri !== xliffNamespace) return;
    switch (tag.local) {
      case 'file':
        namespace = attribute(tag, 'id');
        if (!namespace) {
          fail(
            'A <file> has no id, so it cannot be told which namespace it holds.',
            'Give it the id it was exported with: the namespace, such as id="safety".',
          );
        }
        break;
      case 'unit': {
        const key = attribute(tag, 'id');
        if (!key) {
          fail(
            'A <unit> has no id, so it cannot be told which text it holds.',
            'Give it the id it was exported with: the key, such as id="check.answer-yes".',
          );
        }
        if (namespace === undefined) {
          fail(
            'A <unit> stands outside any <file>, so it cannot be told which namespace it belongs to.',
            'Keep each unit inside the <file> export wrote it in.',
          );
        }
        unit = { namespace: namespace as string, key: key as string, line: parser.line, parts: [] };
        break;
      }
      case 'segment':
      case 'ignorable':
        unit?.parts.push({ kind: tag.local, source: '', target: undefined });
        break;
      case 'source':
      case 'target': {
        const part = unit?.parts[unit.parts.length - 1];
        if (part && parent.uri === xliffNamespace && parent.local === part.kind) {
          if (tag.local === 'target') part.target = '';
          content = { part, which: tag.local };
          depth = 0;
        }
        break;
      }
      case 'note':
        if (unit) note = { category: attribute(tag, 'category'), text: '' };
        break;
    }
  });
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', (tag) => {
    open.pop();
    if (content) {
      if (depth > 0) depth -= 1;
      else content = undefined;
      return;
    }
    if (tag.uri !== xliffNamespace) return;
    if (tag.local === 'note' && note) {
      if (unit && note.category === fingerprintCategory) unit.fingerprint = note.text.trim();
      note = undefined;
    } else if (tag.local === 'unit' && unit) {
      units.push(finishUnit(unit));
      unit = undefined;
    } else if (tag.local === 'file') namespace = undefined;
  });

  try {
    // A byte order mark is not part of the document.
    parser.write(text.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    if (error instanceof ExchangeFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const where = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const line = where ? Number(where[1]) : undefined;
    const reason = (where?.[3] ?? message).replace(/\.$/, '');
    throw new ExchangeFileError(
      `It is not well-formed XML: ${reason}${where ? ` (line ${where[1]}, column ${Number(where[2]) + 1})` : ''}.`,
      malformedFix,
      line,
    );
  }
  if (!locale) {
    throw new ExchangeFileError(
      'The <xliff> element names no target language (trgLang), so it cannot be told which locale to import into.',
      `Add trgLang with the locale code, such as trgLang="de", or pass --locale <code> to import.`,
      1,
    );
  }
  return { path, locale, ...(sourceLocale !== undefined && { sourceLocale }), units };
}

function readRoot(tag: SaxesTagNS, fail: (message: string, fix: string) => never): void {
  if (tag.local === 'xliff' && tag.uri === xliff12Namespace) {
    fail(
      'This is an XLIFF 1.2 file; import reads XLIFF 2.0, the format export writes.',
      'Upload the file export wrote to the translation tool and download it as XLIFF 2.0, or export with --format po if the tool reads PO.',
    );
  }
  if (tag.local !== 'xliff' || tag.uri !== xliffNamespace) {
    fail(
      `The document is a <${tag.name}>, not an XLIFF 2.0 <xliff> in the namespace ${xliffNamespace}.`,
      'Import the .xlf files that export wrote, after the translation tool filled them in.',
    );
  }
  const version = attribute(tag, 'version') ?? '';
  if (!/^2\.\d+$/.test(version)) {
    fail(
      `The <xliff> element says version="${version}"; import reads XLIFF 2.0 and 2.1.`,
      'Download the file from the translation tool as XLIFF 2.0.',
    );
  }
}

function codePointOf(tag: SaxesTagNS, fail: (message: string, fix: string) => never): string {
  const value = attribute(tag, 'hex') ?? '';
  const codePoint = /^[0-9A-Fa-f]{1,6}$/.test(value) ? Number.parseInt(value, 16) : Number.NaN;
  if (!(codePoint <= 0x10ffff)) {
    fail(
      `<cp hex="${value}"/> does not name a character.`,
      'Write the code point in hexadecimal, such as <cp hex="0007"/>.',
    );
  }
  return String.fromCodePoint(codePoint);
}

// A tool may split a unit into segments, with what lies between them as `<ignorable>`; the text is
// all of it in order. A target exists when every segment has one.
function finishUnit(unit: OpenUnit): ImportedUnit {
  const segments = unit.parts.filter((part) => part.kind === 'segment');
  const translated = segments.filter((part) => part.target !== undefined).length;
  if (segments.length === 0) {
    throw new ExchangeFileError(
      `The unit "${unit.key}" has no <segment>, so it holds no text.`,
      'Export the namespace again and take the unit from the new file.',
      unit.line,
    );
  }
  if (translated > 0 && translated < segments.length) {
    throw new ExchangeFileError(
      `The unit "${unit.key}" is split into ${segments.length} segments and only ${translated} of them have a translation.`,
      'Translate every segment of the unit, or none; a text is imported whole.',
      unit.line,
    );
  }
  const join = (pick: (part: Part) => string): string => unit.parts.map(pick).join('');
  return {
    namespace: unit.namespace,
    key: unit.key,
    source: join((part) => part.source),
    target: translated === 0 ? '' : join((part) => part.target ?? part.source),
    ...(unit.fingerprint !== undefined && { fingerprint: unit.fingerprint }),
    line: unit.line,
  };
}
