import { useContext } from 'react';
import type { AttuneI18n } from './attune-i18n.js';
import { TextContext } from './text-provider.js';

/**
 * The i18next instance of the nearest `AttuneTextProvider`, or the `i18n` of the nearest
 * `AttuneProvider` given one.
 *
 * @throws when there is none, naming the fix.
 */
export function useI18n(): AttuneI18n {
  const i18n = useContext(TextContext);
  if (!i18n) {
    throw new Error(
      'Attune text hooks need <AttuneProvider i18n={…}> or <AttuneTextProvider i18n={…}>.',
    );
  }
  return i18n;
}
