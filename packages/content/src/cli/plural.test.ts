import { describe, expect, it } from 'vitest';
import { exampleCounts, parsePluralKey, pluralCategories, pluralFormKey } from './plural.js';

describe('plural keys', () => {
  it('reads cardinal and ordinal suffixes, and nothing else', () => {
    expect(parsePluralKey('notes_few')).toEqual({ base: 'notes', ordinal: false, category: 'few' });
    expect(parsePluralKey('a_b_one')).toEqual({ base: 'a_b', ordinal: false, category: 'one' });
    expect(parsePluralKey('place_ordinal_two')).toEqual({
      base: 'place',
      ordinal: true,
      category: 'two',
    });
    expect(parsePluralKey('notes')).toBeUndefined();
    expect(parsePluralKey('_one')).toBeUndefined();
  });

  it('writes the key of a form', () => {
    expect(pluralFormKey('notes', false, 'many')).toBe('notes_many');
    expect(pluralFormKey('place', true, 'one')).toBe('place_ordinal_one');
  });

  it("lists a language's categories in CLDR order, from the runtime's plural rules", () => {
    expect(pluralCategories('ar', false)).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralCategories('ja', false)).toEqual(['other']);
    expect(pluralCategories('de', false)).toEqual(['one', 'other']);
    expect(pluralCategories('en', true)).toEqual(['one', 'two', 'few', 'other']);
  });

  it('finds counts that take a form, large ones included', () => {
    expect(exampleCounts('ar', 'few', false)).toEqual([3, 4, 5]);
    expect(exampleCounts('ar', 'zero', false)).toEqual([0]);
    expect(exampleCounts('en', 'two', true)).toEqual([2, 22, 32]);
    expect(exampleCounts('es', 'many', false)).toEqual(
      pluralCategories('es', false).includes('many') ? [1000000] : [],
    );
  });
});
