import { type TextDirection, textDirection } from '@attune/content';
import { useLanguage } from './use-language.js';

/**
 * Which way the current language's text runs, `ltr` or `rtl`, for the app to set on its root view.
 *
 * @example
 * ```tsx
 * const dir = useTextDirection();
 * return <main dir={dir}>…</main>;
 * ```
 */
export function useTextDirection(): TextDirection {
  return textDirection(useLanguage());
}
