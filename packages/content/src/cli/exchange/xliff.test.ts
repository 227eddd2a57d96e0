import { describe, expect, it } from 'vitest';
import type { ExchangeFileError } from './exchange-file-error.js';
import { readXliff } from './read-xliff.js';
import { writeXliff } from './write-xliff.js';

const open =
  '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">\n<file id="safety">\n';
const close = '</file>\n</xliff>\n';
const read = (units: string) => readXliff(`${open}${units}${close}`, 'ar.xlf');

function refusal(text: string): ExchangeFileError {
  try {
    readXliff(text, 'ar.xlf');
  } catch (error) {
    return error as ExchangeFileError;
  }
  throw new Error('expected the file to be refused');
}

describe('writeXliff', () => {
  it('writes a unit per key with its notes, fingerprint, size restriction and direction', () => {
    const text = writeXliff({
      sourceLocale: 'en',
      locale: 'ar',
      content: {
        namespace: 'safety',
        units: [
          {
            key: 'check.answer-yes',
            source: 'Yes & <no>\r\u0007',
            target: 'نعم',
            fingerprint: '85a39ab345',
            maxLength: 12,
            notes: [{ category: 'context', text: 'Answer button, <b>not</b> a link.' }],
          },
          {
            key: 'check.skip',
            source: 'Stop for now',
            target: '',
            fingerprint: '0123456789',
            notes: [],
          },
        ],
      },
    });
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" version="2.0" srcLang="en" trgLang="ar">',
        '  <file id="safety" original="safety.json" canResegment="no" srcDir="ltr" trgDir="rtl">',
        '    <slr:profiles generalProfile="xliff:codepoints"/>',
        '    <unit id="check.answer-yes" slr:sizeRestriction="12">',
        '      <notes>',
        '        <note category="context">Answer button, &lt;b&gt;not&lt;/b&gt; a link.</note>',
        '        <note category="source-fingerprint">85a39ab345</note>',
        '      </notes>',
        '      <segment state="translated">',
        '        <source xml:space="preserve">Yes &amp; &lt;no&gt;&#13;<cp hex="0007"/></source>',
        '        <target xml:space="preserve">نعم</target>',
        '      </segment>',
        '    </unit>',
        '    <unit id="check.skip">',
        '      <notes>',
        '        <note category="source-fingerprint">0123456789</note>',
        '      </notes>',
        '      <segment state="initial">',
        '        <source xml:space="preserve">Stop for now</source>',
        '      </segment>',
        '    </unit>',
        '  </file>',
        '</xliff>',
        '',
      ].join('\n'),
    );
  });

  it('refuses a key that cannot be an XLIFF id', () => {
    expect(() =>
      writeXliff({
        sourceLocale: 'en',
        locale: 'de',
        content: {
          namespace: 'safety',
          units: [{ key: 'a key', source: 'A', target: '', fingerprint: '0123456789', notes: [] }],
        },
      }),
    ).toThrow('cannot be an XLIFF id');
  });
});

describe('readXliff', () => {
  it('joins the segments a tool split a unit into, with what it set aside between them', () => {
    const file = read(
      '<unit id="steps"><segment><source>1. Sit.</source><target>١. اجلسا.</target></segment><ignorable><source>\n</source></ignorable><segment><source>2. Talk.</source><target>٢. تحدثا.</target></segment></unit>\n',
    );
    expect(file.units[0]).toMatchObject({
      namespace: 'safety',
      key: 'steps',
      source: '1. Sit.\n2. Talk.',
      target: '١. اجلسا.\n٢. تحدثا.',
    });
  });

  it('reads CDATA, code points, annotations and a byte order mark', () => {
    const file = readXliff(
      `\uFEFF${open}<unit id="a"><segment><source>x</source><target><![CDATA[<b>&]]> <mrk id="m1" type="term">نعم</mrk><cp hex="1F600"/></target></segment></unit>\n${close}`,
      'ar.xlf',
    );
    expect(file.units[0]?.target).toBe('<b>& نعم😀');
  });

  it('gives an empty target for a unit that has none, and the line of each unit', () => {
    const file = read('<unit id="a">\n<segment><source>x</source></segment>\n</unit>\n');
    expect(file.units[0]).toMatchObject({ target: '', line: 4 });
  });

  it.each([
    [
      'well-formed XML',
      `${open}<unit id="a"><segment><source>x</source></segment>\n</file>\n</xliff>`,
      'not well-formed XML',
      5,
    ],
    [
      'XLIFF 2',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="3.0" srcLang="en" trgLang="ar"/>',
      'version="3.0"',
      1,
    ],
    ['an <xliff> document', '<html xmlns="http://www.w3.org/1999/xhtml"/>', 'not an XLIFF 2.0', 1],
    [
      'a target language',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"></xliff>',
      'no target language',
      1,
    ],
    [
      'a unit id',
      `${open}<unit><segment><source>x</source></segment></unit>${close}`,
      'has no id',
      4,
    ],
    [
      'a segment',
      `${open}<unit id="a"><notes><note>n</note></notes></unit>${close}`,
      'has no <segment>',
      4,
    ],
    [
      'a target for every segment',
      `${open}<unit id="a"><segment><source>x</source><target>y</target></segment><segment><source>z</source></segment></unit>${close}`,
      'only 1 of them',
      4,
    ],
    [
      'a valid code point',
      `${open}<unit id="a"><segment><source>x</source><target><cp hex="zz"/></target></segment></unit>${close}`,
      'does not name a character',
      4,
    ],
    [
      'an undefined entity',
      `${open}<unit id="a"><segment><source>x</source><target>&nbsp;</target></segment></unit>${close}`,
      'undefined entity',
      4,
    ],
  ])('refuses a file without %s, saying the line', (_, text, words, line) => {
    const error = refusal(text);
    expect(error.message).toContain(words);
    expect(error.line).toBe(line);
    expect(error.fix).not.toBe('');
  });
});
