// PO strings are C strings in double quotes. These are the escapes GNU gettext writes and reads;
// any other control character is written in octal, which gettext reads too.
const named: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

const unnamed: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\u0007',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '?': '?',
};

/** Escapes a text for the inside of a PO string: `Say "hi"\n` becomes `Say \"hi\"\\n`. */
export function escapePo(text: string): string {
  return text.replace(/[\\"]|\p{Cc}/gu, (char) => {
    const known = named[char];
    if (known !== undefined) return known;
    const code = char.codePointAt(0) as number;
    // C1 controls (U+0080–U+009F) are written as they are: an octal escape is a byte to gettext.
    return code > 0x7f ? char : `\\${code.toString(8).padStart(3, '0')}`;
  });
}

/**
 * Reads the inside of a PO string back into text, or gives the reason it cannot: an escape
 * gettext does not know, or a quote left unescaped.
 */
export function unescapePo(inside: string): { text: string } | { problem: string } {
  let text = '';
  for (let at = 0; at < inside.length; at++) {
    const char = inside[at] as string;
    if (char === '"') return { problem: 'a double quote inside the text is not written \\"' };
    if (char !== '\\') {
      text += char;
      continue;
    }
    const next = inside[at + 1];
    if (next === undefined) return { problem: 'the text ends in a lone backslash' };
    const simple = unnamed[next];
    if (simple !== undefined) {
      text += simple;
      at += 1;
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(inside.slice(at + 1))?.[0];
    const hex = next === 'x' ? /^[0-9A-Fa-f]+/.exec(inside.slice(at + 2))?.[0] : undefined;
    if (octal !== undefined) {
      text += String.fromCharCode(Number.parseInt(octal, 8));
      at += octal.length;
    } else if (hex !== undefined) {
      text += String.fromCharCode(Number.parseInt(hex, 16));
      at += 1 + hex.length;
    } else return { problem: `\\${next} is not an escape PO knows (use \\\\ for a backslash)` };
  }
  return { text };
}

/**
 * Writes a keyword and its text as PO lines, the way gettext's tools do: on one line, or, for a
 * text with line breaks, as `""` followed by one quoted line per line of the text.
 *
 * @example
 * ```ts
 * poLines('msgid', 'One\nTwo'); // ['msgid ""', '"One\\n"', '"Two"']
 * ```
 */
export function poLines(keyword: string, text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  if (lines.length <= 1) return [`${keyword} "${escapePo(text)}"`];
  return [`${keyword} ""`, ...lines.map((line) => `"${escapePo(line)}"`)];
}
