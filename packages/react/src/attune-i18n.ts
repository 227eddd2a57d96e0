import type { Translate } from '@attune/core';

/**
 * The part of an i18next instance that Attune's hooks use, so the app's own instance (i18next 25 or
 * later) fits without `@attune/react` depending on i18next, and a test double fits too.
 */
// Declared here rather than extending `I18nextTarget` of `@attune/content`, so that the main entry's
// types hold without `@attune/content` installed (it is an optional peer); the members match it.
export interface AttuneI18n {
  /** The instance's current language. */
  readonly language: string | undefined;
  /** Adds strings to a namespace, as i18next's `addResourceBundle`. */
  addResourceBundle(
    language: string,
    namespace: string,
    resources: object,
    deep?: boolean,
    overwrite?: boolean,
  ): unknown;
  /**
   * Whether a namespace holds strings for a language, as i18next's `hasResourceBundle`. With it, a
   * text hook whose namespace is already there is ready at once, also when rendering on a server.
   */
  hasResourceBundle?(language: string, namespace: string): boolean;
  /** Translates a key, as i18next's `t`. */
  readonly t: Translate;
  /** Starts listening to an i18next event: a language change, or namespaces a backend loaded. */
  on(event: 'languageChanged' | 'loaded', listener: () => void): unknown;
  /** Stops listening to an i18next event. */
  off(event: 'languageChanged' | 'loaded', listener: () => void): unknown;
  /**
   * The instance's resource store, as i18next's `store`: its `added` and `removed` events tell the
   * text hooks that words arrived however they were added (`addAttuneResources`, `addResourceBundle`
   * or a backend), so what they show completes itself.
   */
  readonly store?: {
    /** Calls `listener` whenever words are added to the store or removed from it. */
    on(event: 'added' | 'removed', listener: () => void): unknown;
    /** Stops calling a listener given to `on`. */
    off(event: 'added' | 'removed', listener: () => void): unknown;
  };
}
