import { describe, expect, it } from 'vitest';
import { keyLines, lineOfKey } from './json-lines.js';

const text = `{
  "step": {
    "title": "Empathie",
    "why": "Verstanden zu werden, \\"wirklich\\" {zählt}."
  },
  "steps": [
    "Eins",
    { "a": "b" }
  ],
  "n": 1, "ok": true,
  "safety:check.answer-no": "No"
}
`;

describe('keyLines', () => {
  it('finds the line of every key, lists and escaped quotes included', () => {
    const lines = keyLines(text);
    expect(Object.fromEntries(lines)).toEqual({
      step: 2,
      'step.title': 3,
      'step.why': 4,
      steps: 6,
      'steps.0': 7,
      'steps.1': 8,
      'steps.1.a': 8,
      n: 10,
      ok: 10,
      'safety:check.answer-no': 11,
    });
  });

  it('keeps what it found before a syntax error', () => {
    expect(Object.fromEntries(keyLines('{\n  "a": "b",\n  "c": ,\n}'))).toEqual({ a: 2, c: 3 });
    expect(keyLines('').size).toBe(0);
  });
});

describe('lineOfKey', () => {
  const lines = keyLines(text);

  it('points at the key, or for a key the file lacks at its nearest parent', () => {
    expect(lineOfKey(lines, 'step.why')).toBe(4);
    expect(lineOfKey(lines, 'step.how')).toBe(2);
    expect(lineOfKey(lines, 'safety:check.answer-no')).toBe(11);
    expect(lineOfKey(lines, 'missing.key')).toBe(1);
    expect(lineOfKey(lines, undefined)).toBe(1);
  });
});
