import { describe, expect, it } from 'vitest';
import { markupTags, nestedKeys, placeholders, visibleText } from './text-tokens.js';

describe('text tokens', () => {
  it('finds placeholder names, with formats and unescaped values', () => {
    expect([...placeholders('Hi {{partner}}, {{ count, number }} and {{- raw}}')]).toEqual([
      'partner',
      'count',
      'raw',
    ]);
    expect(placeholders('No placeholders, { single } braces').size).toBe(0);
  });

  it('finds nested keys', () => {
    expect([...nestedKeys('See $t(common:ok) and $t(title, { "count": 2 })')]).toEqual([
      'common:ok',
      'title',
    ]);
  });

  it('lists tags in a stable order, attributes ignored', () => {
    expect(markupTags('<1>a</1> <strong class="x">b</strong><br/>')).toEqual(
      markupTags('<strong>b</strong> <br /> <1>a</1>'),
    );
    expect(markupTags('a < b and c > d')).toEqual([]);
  });

  it('keeps only the words', () => {
    expect(visibleText(' <b>Hi</b> {{partner}}, $t(x) ')).toBe('Hi ,');
  });
});
