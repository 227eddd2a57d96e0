import { useAttuneText } from '@attune/react/text';
import { createElement, Fragment, type ReactNode } from 'react';

/** The app's own namespace, beside the program's. */
export const APP_NAMESPACE = 'app';

/**
 * The shape of the app's own words (labels, headings and buttons around the program's content), as
 * English, the source locale, has them. Every other locale's `app.json` has the same keys, with the
 * plural forms its language has; `locales/check.ts` makes `tsc` hold them to that.
 */
export type AppWords = typeof import('./locales/en/app.json');

/** The plural categories of `Intl.PluralRules`, as i18next suffixes keys with them. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

type PluralSuffix = `_${PluralCategory}`;

/** Every leaf of a words tree as a dotted key, such as `holder.pass` or `done.together_one`. */
export type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key as `t` takes it: plural forms (`done.together_one`, `_other`…) under their shared name. */
export type BaseKey<Key extends string> = Key extends `${infer Base}${PluralSuffix}` ? Base : Key;

/** A key of the app's own words. */
export type AppKey = BaseKey<LeafKeys<AppWords>>;

/** Options for a text: values for its `{{placeholders}}`, and `count` for plural forms. */
export type AppTextOptions = Readonly<Record<string, unknown>> & { readonly count?: number };

/** The app's own words in the current language. */
export interface AppText {
  /** One text as a string, for attributes and for text without names in it. */
  t(key: AppKey, options?: AppTextOptions): string;
  /**
   * One text with parts that are not plain words: a string value is a name someone typed, kept in
   * `<bdi>` so it runs in its own direction (a Latin name in an Arabic sentence, or the reverse);
   * any other value is an element, placed as it is.
   */
  named(
    key: AppKey,
    parts: Readonly<Record<string, ReactNode>>,
    options?: AppTextOptions,
  ): ReactNode;
}

// A character from the private use area, which no translation contains, to find the parts by.
const MARK = '\uE000';

/**
 * The app's own words (labels, headings, buttons) in the language the couple chose; English where a
 * locale lacks one. Re-renders when the language changes, and when words arrive.
 */
export function useAppText(): AppText {
  // The app's words are in the same i18next instance as the program's, which `common`'s text hook
  // reads, under the provider with or without a couple's engine; its `t` takes any `namespace:key`.
  const { t: translate } = useAttuneText('common');
  const t = (key: AppKey, options?: AppTextOptions): string =>
    translate(`${APP_NAMESPACE}:${key}`, options);
  return {
    t,
    named(key, parts, options) {
      const names = Object.keys(parts);
      const marked = Object.fromEntries(
        names.map((name, index) => [name, `${MARK}${index}${MARK}`]),
      );
      const pieces = t(key, { ...options, ...marked }).split(MARK);
      // Odd pieces are the index of a part, between two marks. Given as arguments, the pieces need
      // no keys: their order is the translation's, and fixed.
      const nodes = pieces.map((piece, index) => {
        if (index % 2 === 0) return piece;
        const part = parts[names[Number(piece)] ?? ''];
        return typeof part === 'string' ? createElement('bdi', null, part) : part;
      });
      return createElement(Fragment, null, ...nodes);
    },
  };
}
