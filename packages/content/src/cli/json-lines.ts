/**
 * Finds the line of every key in a JSON text, by the dotted path `check` reports
 * (`safety-check.questions.afraid`, `steps.0`), so that a finding can point at the line to edit.
 * A text that is not valid JSON gives what was found before the problem.
 *
 * @example
 * ```ts
 * keyLines('{\n  "step": {\n    "title": "Empathy"\n  }\n}').get('step.title'); // 3
 * ```
 */
export function keyLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  let at = 0;
  let line = 1;

  const skipSpace = (): void => {
    while (at < text.length && /\s/.test(text[at] as string)) {
      if (text[at] === '\n') line += 1;
      at += 1;
    }
  };
  const readString = (): string => {
    const start = at;
    at += 1;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at += 1;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const fail = (): never => {
    throw new SyntaxError(`Unexpected ${text[at] ?? 'end'} at ${at}`);
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text[at] !== char) fail();
    at += 1;
  };
  const join = (path: string, name: string) => (path === '' ? name : `${path}.${name}`);

  const readValue = (path: string): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') {
      at += 1;
      skipSpace();
      if (text[at] === '}') {
        at += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail();
        const keyLine = line;
        const key = join(path, readString());
        if (!lines.has(key)) lines.set(key, keyLine);
        expect(':');
        readValue(key);
        skipSpace();
        if (text[at] === ',') {
          at += 1;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (char === '[') {
      at += 1;
      skipSpace();
      if (text[at] === ']') {
        at += 1;
        return;
      }
      for (let index = 0; ; index += 1) {
        skipSpace();
        const key = join(path, String(index));
        if (!lines.has(key)) lines.set(key, line);
        readValue(key);
        skipSpace();
        if (text[at] === ',') {
          at += 1;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (char === '"') {
      readString();
      return;
    }
    const literal = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(text.slice(at, at + 40));
    if (!literal) fail();
    at += (literal as RegExpExecArray)[0].length;
  };

  try {
    readValue('');
  } catch {
    // What was read before the problem is still right; `check` reports the problem itself.
  }
  return lines;
}

/**
 * The line to point at for a key: its own, or for a key the file lacks the line of its nearest
 * parent that is there, where the key belongs; 1 when there is none.
 */
export function lineOfKey(lines: ReadonlyMap<string, number>, key: string | undefined): number {
  if (key === undefined) return 1;
  for (let path = key; path !== ''; ) {
    const line = lines.get(path);
    if (line !== undefined) return line;
    const cut = path.lastIndexOf('.');
    path = cut === -1 ? '' : path.slice(0, cut);
  }
  return 1;
}
