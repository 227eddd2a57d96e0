import { describe, expect, it } from 'vitest';
import { pseudoLocalize, pseudoNamespace } from './pseudo.js';
import { markupTags, placeholders, visibleText } from './text-tokens.js';

describe('pseudoLocalize', () => {
  const text = 'Take <strong>five minutes</strong> with {{partner}} to talk about your week.';
  const pseudo = pseudoLocalize(text);

  it('brackets and accents the text', () => {
    expect(pseudo.startsWith('[Ţáķé')).toBe(true);
    expect(pseudo.endsWith(']')).toBe(true);
    expect(visibleText(pseudo)).not.toMatch(/[a-z]/);
  });

  it('makes the words 30 to 40 percent longer', () => {
    const grown = [...visibleText(pseudo)].length - 2;
    const ratio = grown / [...visibleText(text)].length;
    expect(ratio).toBeGreaterThanOrEqual(1.3);
    expect(ratio).toBeLessThanOrEqual(1.4);
  });

  it('leaves placeholders, nesting and markup exactly as they were', () => {
    expect([...placeholders(pseudo)]).toEqual(['partner']);
    expect(markupTags(pseudo)).toEqual(markupTags(text));
    expect(pseudoLocalize('$t(common:ok)')).toBe('[$t(common:ok)]');
  });

  it('pads even a short word', () => {
    expect(pseudoLocalize('Hi')).toBe('[Ĥí ~]');
  });
});

describe('pseudoNamespace', () => {
  it('keeps keys, lists and non-text values', () => {
    expect(pseudoNamespace({ a: { b: 'ok' }, list: ['x'], n: 1 })).toEqual({
      a: { b: '[öķ ~]' },
      list: ['[ẋ]'],
      n: 1,
    });
  });
});
