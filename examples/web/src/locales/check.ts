import type { AppKey, AppWords, BaseKey, LeafKeys, PluralCategory } from '../app-text.js';

// Type checks only: `tsc` fails when a locale's `app.json` misses a key English has, has one English
// does not, or lacks a plural form its language uses. Nothing here is part of the app.

/** Keys English counts with (`…_one`, `…_other`), without the suffix. */
type PluralKey = BaseKey<Extract<LeafKeys<AppWords>, `${string}_other`>>;

/** Every key that differs from English, ignoring plural suffixes; must be none. */
type KeyMismatch<Words> =
  | Exclude<AppKey, BaseKey<LeafKeys<Words>>>
  | Exclude<BaseKey<LeafKeys<Words>>, AppKey>;

/** Plural forms missing for the language's categories, or forms it does not use; must be none. */
type PluralMismatch<Words, Categories extends PluralCategory> =
  | Exclude<`${PluralKey}_${Categories}`, LeafKeys<Words>>
  | Exclude<Extract<LeafKeys<Words>, `${string}_${PluralCategory}`>, `${PluralKey}_${Categories}`>;

type None<T extends never> = T;

type Es = typeof import('./es/app.json');
type De = typeof import('./de/app.json');
type Ar = typeof import('./ar/app.json');
type Ja = typeof import('./ja/app.json');

/** Each shipped locale against English, with the plural categories of its language. */
export type CheckedLocales = [
  None<PluralMismatch<AppWords, 'one' | 'other'>>,
  None<KeyMismatch<Es>>,
  None<PluralMismatch<Es, 'one' | 'many' | 'other'>>,
  None<KeyMismatch<De>>,
  None<PluralMismatch<De, 'one' | 'other'>>,
  None<KeyMismatch<Ar>>,
  None<PluralMismatch<Ar, 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'>>,
  None<KeyMismatch<Ja>>,
  None<PluralMismatch<Ja, 'other'>>,
];
