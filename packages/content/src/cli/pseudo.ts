import { isKeyObject } from './flatten.js';

// Accented look-alikes keep the text readable while showing at a glance which words were not
// translated (they stay plain) and which fonts lack accents.
const accents: Readonly<Record<string, string>> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ü',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ü',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

// German and Finnish run about a third longer than English; padding by that much shows where
// a layout will clip or wrap before a real translation arrives.
const growth = 0.35;
const padding = '~';

// Placeholders, nested keys and tags must reach i18next untouched.
const protectedPattern = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^<>]*>)/;

/**
 * Turns a text into its pseudo-translation: accented letters, about 35% longer, in brackets,
 * with placeholders, `$t(…)` and markup left exactly as they were.
 *
 * @example
 * ```ts
 * pseudoLocalize('Hello {{partner}}'); // '[Ĥéļļö {{partner}} ~~]'
 * ```
 */
export function pseudoLocalize(text: string): string {
  let visible = 0;
  const parts = text.split(protectedPattern).map((part, index) => {
    if (index % 2 === 1) return part;
    visible += [...part].length;
    return [...part].map((char) => accents[char] ?? char).join('');
  });
  const extra = Math.round(visible * growth);
  return `[${parts.join('')}${extra > 0 ? ` ${padding.repeat(Math.max(extra - 1, 1))}` : ''}]`;
}

/** Pseudo-translates every text of a namespace file, keeping its keys and structure. */
export function pseudoNamespace(source: unknown): unknown {
  if (typeof source === 'string') return pseudoLocalize(source);
  if (Array.isArray(source)) return source.map(pseudoNamespace);
  if (!isKeyObject(source)) return source;
  return Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, pseudoNamespace(value)]),
  );
}
