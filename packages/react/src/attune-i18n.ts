import type { I18nextTarget } from '@attune/content';
import type { Translate } from '@attune/core';

/**
 * The part of an i18next instance that Attune's hooks use, so the app's own instance (i18next 25 or
 * later) fits without `@attune/react` depending on i18next, and a test double fits too.
 */
export interface AttuneI18n extends I18nextTarget {
  /** Translates a key, as i18next's `t`. */
  readonly t: Translate;
  /** Starts listening to an i18next event. */
  on(event: 'languageChanged', listener: () => void): unknown;
  /** Stops listening to an i18next event. */
  off(event: 'languageChanged', listener: () => void): unknown;
}
