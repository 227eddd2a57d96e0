// The words of the first screen a new couple sees, apart from the rest of the language. The build
// (first-screen/welcome-words-plugin.ts) writes these, and only these, into one small file per locale,
// and the page starts fetching that file before the app's code runs, so the welcome screen waits for
// no second round trip; the rest of the language loads once the welcome screen is shown. Nothing
// here imports anything: the build runs it in Node, and `preloadWelcomeWords` runs inline in the page.

/** A tree of words, as in an i18next JSON file. */
export interface WordTree {
  readonly [key: string]: string | WordTree;
}

/**
 * What the welcome screen and its frame show, by namespace: each entry a key, or a group of keys
 * under it (`onboarding`). `welcome-words.test.ts` renders the welcome screen with only these words
 * and fails on any it looks up beyond them.
 */
export const welcomeWordKeys: Readonly<Record<string, readonly string[]>> = {
  common: ['program.title', 'program.not-therapy'],
  safety: ['help.title', 'device.warning'],
  app: ['loading', 'skip-link', 'language', 'nav', 'onboarding'],
};

/**
 * The part of a namespace's words that `keys` name, with the plural forms of each key
 * (`done_one`, `done_other`…) and everything under a group.
 */
export function pickWords(words: WordTree, keys: readonly string[]): WordTree {
  const picked: Record<string, string | WordTree> = {};
  for (const key of keys) {
    const path = key.split('.');
    const last = path.pop() as string;
    let from: WordTree | undefined = words;
    let into = picked;
    for (const part of path) {
      const next: string | WordTree | undefined = from?.[part];
      from = typeof next === 'object' ? next : undefined;
      into[part] = typeof into[part] === 'object' ? { ...into[part] } : {};
      into = into[part] as Record<string, string | WordTree>;
    }
    for (const [name, value] of Object.entries(from ?? {})) {
      if (name === last || name.startsWith(`${last}_`)) into[name] = value;
    }
  }
  return picked;
}

/** Where the page notes the language in use, so the next visit fetches that language's words first. */
export const LANGUAGE_KEY = 'attune:language';

/**
 * Runs inline in the page's `<head>`, before the app's code: preloads the welcome words of the
 * language the app will start in — the one last used on this device, else the browser's — chosen as
 * `matchLocale` chooses among the shipped locales (the test holds the two to the same answers).
 *
 * @param files - each shipped locale's welcome words file, by locale.
 * @param languageKey - the localStorage key of the language last used, {@link LANGUAGE_KEY}.
 */
export function preloadWelcomeWords(
  files: Readonly<Record<string, string>>,
  languageKey: string,
): void {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(languageKey);
  } catch {
    // Storage can be blocked; the browser's language serves then.
  }
  const wanted = (remembered || navigator.language || 'en').toLowerCase().split(/[-_]/);
  const locales = Object.keys(files);
  let file = files.en;
  for (; wanted.length > 0; wanted.pop()) {
    const found = locales.find((locale) => locale.toLowerCase() === wanted.join('-'));
    if (found) {
      file = files[found];
      break;
    }
  }
  if (!file) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = file;
  // As Vite's own preloads, so that the app's `import()` of the file finds this fetch.
  link.crossOrigin = '';
  document.head.appendChild(link);
}
