import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import {
  LANGUAGE_KEY,
  pickWords,
  preloadWelcomeWords,
  type WordTree,
  welcomeWordKeys,
} from '../src/welcome-words.js';

/**
 * What the app adds to an app words file to import the welcome words of its locale instead:
 * `./locales/de/app.json?welcome-words` (src/i18n.ts).
 */
const WELCOME_QUERY = '?welcome-words';
const SOURCE_LOCALE = 'en';

// The program's words as @attune/content publishes them (its `locales/` folder), and the app's own.
const contentLocales = join(
  dirname(createRequire(import.meta.url).resolve('@attune/content/package.json')),
  'locales',
);
const appLocales = fileURLToPath(new URL('../src/locales', import.meta.url));

const readJson = (file: string): WordTree => JSON.parse(readFileSync(file, 'utf8'));

/** A namespace's file in a locale: the app's own words, or the content's. */
function namespaceFile(locale: string, namespace: string): string {
  return namespace === 'app'
    ? join(appLocales, locale, 'app.json')
    : join(contentLocales, locale, `${namespace}.json`);
}

function readNamespace(locale: string, namespace: string): WordTree {
  try {
    return readJson(namespaceFile(locale, namespace));
  } catch {
    return {};
  }
}

/** Fills in what `words` lack from `fallback`, key by key. */
function withFallback(words: WordTree, fallback: WordTree): WordTree {
  const merged: Record<string, string | WordTree> = { ...fallback };
  for (const [key, value] of Object.entries(words)) {
    const under = merged[key];
    merged[key] =
      typeof value === 'object' && typeof under === 'object' ? withFallback(value, under) : value;
  }
  return merged;
}

/**
 * One locale's welcome words, by namespace. A key the locale lacks comes in English, since no
 * English file is loaded beside it for i18next to fall back to.
 */
export function welcomeWordsOf(locale: string): Record<string, WordTree> {
  return Object.fromEntries(
    Object.entries(welcomeWordKeys).map(([namespace, keys]) => {
      const words = pickWords(readNamespace(locale, namespace), keys);
      const english = pickWords(readNamespace(SOURCE_LOCALE, namespace), keys);
      return [namespace, locale === SOURCE_LOCALE ? words : withFallback(words, english)];
    }),
  );
}

/** The locale of a welcome words module, by its id; `undefined` for any other module. */
export function welcomeWordsLocale(moduleId: string | null | undefined): string | undefined {
  if (!moduleId?.endsWith(WELCOME_QUERY)) return undefined;
  return /\/locales\/([^/]+)\/app\.json\?/.exec(moduleId)?.[1];
}

/**
 * The welcome screen's words as a file per locale (see src/welcome-words.ts), imported as
 * `./locales/<locale>/app.json?welcome-words`, and, in a build, a script in the page's `<head>` that
 * starts fetching the file of the language the app will start in, alongside the app's own code.
 */
export function welcomeWords(): Plugin {
  let base = '/';
  return {
    name: 'attune-welcome-words',
    configResolved(config) {
      base = config.base;
    },
    load(id) {
      const locale = welcomeWordsLocale(id);
      if (locale === undefined) return undefined;
      for (const namespace of Object.keys(welcomeWordKeys)) {
        this.addWatchFile(namespaceFile(locale, namespace));
      }
      return `export default ${JSON.stringify(welcomeWordsOf(locale))};\n`;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return undefined;
        const files: Record<string, string> = {};
        for (const output of Object.values(bundle)) {
          const locale =
            output.type === 'chunk' ? welcomeWordsLocale(output.facadeModuleId) : undefined;
          if (locale !== undefined) files[locale] = base + output.fileName;
        }
        const call = `(${preloadWelcomeWords.toString()})(${JSON.stringify(files)}, ${JSON.stringify(LANGUAGE_KEY)});`;
        // First in the head: a script after the stylesheet would wait for it.
        return [{ tag: 'script', children: call, injectTo: 'head-prepend' }];
      },
    },
  };
}
