import { describe, expect, it } from 'vitest';
import { scaffoldNamespace } from './scaffold.js';

const source = {
  step: { title: 'Empathy', why: 'Because' },
  notes_one: 'One note',
  notes_other: '{{count}} notes',
  place_ordinal_one: '{{count}}st',
  place_ordinal_other: '{{count}}th',
  list: ['a', 'b'],
};

describe('scaffoldNamespace', () => {
  it('creates every key, empty, with the plural forms of the language', () => {
    expect(scaffoldNamespace(source, undefined, { locale: 'ar', fill: 'empty' })).toEqual({
      step: { title: '', why: '' },
      notes_zero: '',
      notes_one: '',
      notes_two: '',
      notes_few: '',
      notes_many: '',
      notes_other: '',
      place_ordinal_other: '',
      list: ['', ''],
    });
  });

  it('can copy the source text instead, the other form standing in for missing ones', () => {
    const tree = scaffoldNamespace(source, undefined, { locale: 'pl', fill: 'source' });
    expect(tree).toMatchObject({
      notes_one: 'One note',
      notes_few: '{{count}} notes',
      notes_many: '{{count}} notes',
      notes_other: '{{count}} notes',
    });
  });

  it('keeps existing translations and keys, adding only what is missing', () => {
    const existing = { step: { title: 'Empathie' }, notes_one: 'Eine Notiz', old: 'Alt' };
    expect(scaffoldNamespace(source, existing, { locale: 'de', fill: 'empty' })).toEqual({
      step: { title: 'Empathie', why: '' },
      notes_one: 'Eine Notiz',
      notes_other: '',
      place_ordinal_other: '',
      list: ['', ''],
      old: 'Alt',
    });
  });

  it('adds a zero form when the source has one, whatever the language', () => {
    const tree = scaffoldNamespace(
      { n_zero: 'None', n_one: 'One', n_other: '{{count}}' },
      undefined,
      { locale: 'ja', fill: 'empty' },
    );
    expect(tree).toEqual({ n_zero: '', n_other: '' });
  });

  it('keeps values that are not text as they are', () => {
    expect(scaffoldNamespace({ a: 1 }, undefined, { locale: 'de', fill: 'empty' })).toEqual({
      a: 1,
    });
  });
});
