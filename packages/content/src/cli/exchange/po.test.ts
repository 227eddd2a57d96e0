/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import type { ExchangeFileError } from './exchange-file-error.js';
import { escapePo, poLines, unescapePo } from './po-strings.js';
import { readPo } from './read-po.js';
import { writePo } from './write-po.js';

const header =
  'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n';
const read = (text: string) => readPo(Buffer.from(text, 'utf8'), 'de.po');

function refusal(text: string | Buffer): ExchangeFileError {
  try {
    readPo(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'de.po');
  } catch (error) {
    return error as ExchangeFileError;
  }
  throw new Error('expected the file to be refused');
}

describe('writePo', () => {
  it('writes a header, the notes and fingerprint as extracted comments, and the key as msgctxt', () => {
    const text = writePo({
      sourceLocale: 'en',
      locale: 'de',
      content: {
        namespace: 'safety',
        units: [
          {
            key: 'check.answer-yes',
            source: 'Yes',
            target: 'Ja',
            fingerprint: '85a39ab345',
            maxLength: 12,
            notes: [
              { category: 'context', text: 'Answer button.' },
              { category: 'max-length', text: 'At most 12 characters fit here.' },
            ],
          },
          {
            key: 'steps',
            source: '1. Sit.\n2. Talk.',
            target: '',
            fingerprint: '0123456789',
            notes: [],
          },
        ],
      },
    });
    expect(text).toBe(
      [
        '# Attune, safety: translate each msgstr; keep msgctxt as it is.',
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: @attune/content safety\\n"',
        '"Language: de\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"X-Source-Language: en\\n"',
        '"X-Generator: attune-content export\\n"',
        '',
        '#. Answer button.',
        '#. At most 12 characters fit here.',
        '#. source-fingerprint: 85a39ab345',
        'msgctxt "safety:check.answer-yes"',
        'msgid "Yes"',
        'msgstr "Ja"',
        '',
        '#. source-fingerprint: 0123456789',
        'msgctxt "safety:steps"',
        'msgid ""',
        '"1. Sit.\\n"',
        '"2. Talk."',
        'msgstr ""',
        '',
      ].join('\n'),
    );
  });

  it('escapes as gettext does, and reads every escape gettext writes', () => {
    expect(escapePo('a\\b"c\n\t\r\u0007\u0000\u001f')).toBe('a\\\\b\\"c\\n\\t\\r\\a\\000\\037');
    expect(unescapePo("\\a\\b\\f\\v\\'\\?\\101\\x42")).toEqual({ text: "\u0007\b\f\v'?AB" });
    expect(unescapePo('\\q')).toEqual({ problem: expect.stringContaining('\\q is not an escape') });
    expect(poLines('msgstr', 'one\n')).toEqual(['msgstr "one\\n"']);
  });
});

describe('readPo', () => {
  it('reads entries split over lines, CRLF line ends, fuzzy marks and the last fingerprint comment', () => {
    const text = `${header}\n#. source-fingerprint: 1111111111 (a note that looks like one)\n#. source-fingerprint: 85a39ab345\n#, fuzzy, c-format\nmsgctxt "safety:steps"\nmsgid ""\n"1. Sit.\\n"\n"2. Talk."\nmsgstr ""\n"1. Setzt euch.\\n"\n"2. Redet."\n`;
    const file = read(text.replaceAll('\n', '\r\n'));
    expect(file.locale).toBe('de');
    expect(file.units).toEqual([
      {
        namespace: 'safety',
        key: 'steps',
        source: '1. Sit.\n2. Talk.',
        target: '1. Setzt euch.\n2. Redet.',
        fingerprint: '85a39ab345',
        line: 9,
        fuzzy: true,
      },
    ]);
  });

  it('leaves out obsolete entries', () => {
    const file = read(`${header}\n#~ msgctxt "safety:old"\n#~ msgid "Old"\n#~ msgstr "Alt"\n`);
    expect(file.units).toEqual([]);
  });

  it('reads a file in the charset its header names', () => {
    const latin1 = `msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgctxt "safety:check.answer-no"\nmsgid "No"\nmsgstr "Nö"\n`;
    expect(readPo(Buffer.from(latin1, 'latin1'), 'de.po').units[0]?.target).toBe('Nö');
  });

  it.each([
    [
      'an unescaped quote',
      `${header}\nmsgctxt "safety:a"\nmsgid "A"\nmsgstr "B "C""\n`,
      8,
      'double quote',
    ],
    [
      'an unclosed string',
      `${header}\nmsgctxt "safety:a"\nmsgid "A\nmsgstr "B"\n`,
      7,
      'double quotes',
    ],
    [
      'a msgstr before its msgid',
      `${header}\nmsgctxt "safety:a"\nmsgstr "B"\n`,
      7,
      'before its msgid',
    ],
    [
      'a line that is not PO',
      `${header}\nmsgctxt "safety:a"\nmsgid "A"\nmsgstr "B"\nhello\n`,
      9,
      'neither a comment',
    ],
    ['an entry without msgstr', `${header}\nmsgctxt "safety:a"\nmsgid "A"\n\n`, 6, 'no msgstr'],
    [
      'a msgctxt given twice',
      `${header}\nmsgctxt "safety:a"\nmsgid "A"\nmsgstr "B"\n\nmsgctxt "safety:a"\nmsgid "A"\nmsgstr "C"\n`,
      10,
      'second time (first at line 6)',
    ],
    ['an entry without msgctxt', `${header}\nmsgid "A"\nmsgstr "B"\n`, 6, 'no msgctxt'],
    [
      'a plural entry',
      `${header}\nmsgctxt "common:minutes"\nmsgid "A"\nmsgid_plural "As"\nmsgstr[0] "B"\nmsgstr[1] "Bs"\n`,
      6,
      'msgid_plural',
    ],
  ])('refuses %s, saying the line', (_, text, line, words) => {
    const error = refusal(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(words);
    expect(error.fix).not.toBe('');
  });

  it('refuses a file that names no language', () => {
    expect(
      refusal('msgid ""\nmsgstr ""\n\nmsgctxt "safety:a"\nmsgid "A"\nmsgstr "B"\n').message,
    ).toContain('names no language');
  });

  it('refuses bytes that are not the UTF-8 the file says it is in', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${header}\nmsgctxt "safety:a"\nmsgid "A"\nmsgstr "`),
      Buffer.from([0xff]),
      Buffer.from('"\n'),
    ]);
    expect(refusal(bytes).message).toContain('bytes that are not UTF-8');
  });
});
