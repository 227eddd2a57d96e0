// Names the documentation's code snippets use without defining them: an app's own objects that
// a snippet assumes exist. Snippets are type-checked against these by scripts/check-doc-snippets.mjs.
import type { AttunePlugin, Engine } from '@attune/core';
import type { i18n as I18n } from 'i18next';

declare global {
  /** An engine the app created with `createEngine`. */
  const engine: Engine;
  /** The app's i18next instance. */
  const i18n: I18n;
  /** A program document read from a file. */
  const text: string;
  /** Translations of the source locale, namespace by namespace. */
  const resources: Record<string, Record<string, string>>;
  /** The plugin docs/plugins.md builds, imported from the plugin's own source. */
  const questionLadderPlugin: AttunePlugin;
}
