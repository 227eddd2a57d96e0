import type { AttuneI18n } from './attune-i18n.js';
import { useAttuneContext } from './context.js';

/**
 * The i18next instance given to `AttuneProvider`.
 *
 * @throws when none was given, naming the fix.
 */
export function useI18n(): AttuneI18n {
  const { i18n } = useAttuneContext();
  if (!i18n) {
    throw new Error('Attune text hooks need <AttuneProvider i18n={…}>.');
  }
  return i18n;
}
