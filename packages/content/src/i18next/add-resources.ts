import { namespaces, sourceLocale } from '../namespaces.js';
import { bestLocale, type ResourceLoader, type ShippedResources } from '../resource-loader.js';

/**
 * The part of an i18next instance that Attune needs to add its namespaces, so any i18next
 * version from 21 on (and a test double) fits.
 */
export interface I18nextTarget {
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
}

/** Options of `addAttuneResources`. */
export interface AddAttuneResourcesOptions {
  /** The locale to load; the instance's current language by default. */
  readonly locale?: string;
  /**
   * Attune namespaces to load; the program's ({@link namespaces}) by default. Deck namespaces
   * (`deckNamespaces`) load only when listed. Load only the ones a screen uses.
   */
  readonly namespaces?: readonly string[];
  /** How to load one file; `loadResources` by default. */
  readonly load?: ResourceLoader;
  /** The locales `load` can serve; the shipped ones by default. Give it with your own `load`. */
  readonly locales?: readonly string[];
}

/** What `addAttuneResources` added: the shipped locale it used, and the namespaces loaded. */
export interface AddedAttuneResources {
  /** The shipped locale whose files were added, such as `es` for `es-MX`. */
  readonly locale: string;
  /** The namespaces added by this call; those added before are not loaded again. */
  readonly namespaces: readonly string[];
}

// Bundles already added per instance, so calling again (after a language change, on each
// screen) never refetches. A WeakMap keeps nothing alive and registers nothing globally.
const added = new WeakMap<I18nextTarget, Set<string>>();

/**
 * Adds Attune's namespaces to an i18next instance from the files an entry ships (see
 * `addAttuneResources`, which every entry of the package wraps with its own files).
 *
 * @internal
 */
export async function addResourcesFrom(
  shipped: ShippedResources,
  i18n: I18nextTarget,
  options: AddAttuneResourcesOptions = {},
): Promise<AddedAttuneResources> {
  const requested = options.locale ?? i18n.language ?? sourceLocale;
  const locale = bestLocale(requested, options.locales ?? shipped.locales);
  const load = options.load ?? shipped.load;
  const done = added.get(i18n) ?? new Set<string>();
  added.set(i18n, done);
  /** Adds one file to the instance, once; whether the file exists. */
  const add = async (from: string, namespace: string): Promise<boolean> => {
    const key = `${from}/${namespace}`;
    if (done.has(key)) return false;
    // Marked before loading, so that two calls at once do not both fetch the file.
    done.add(key);
    try {
      const strings = await load(from, namespace);
      if (!strings) return false;
      i18n.addResourceBundle(from, namespace, strings, true, false);
      return true;
    } catch (error) {
      done.delete(key);
      throw error;
    }
  };
  // The package's own files are complete in every shipped locale (`attune-content check` refuses a
  // missing key), so English comes along only for files the app brings — its own translations, a
  // plugin's — which may lack keys. Loading it for shipped files would double what a phone fetches.
  const fallBack = locale !== sourceLocale && options.load !== undefined;
  const loaded = await Promise.all(
    (options.namespaces ?? namespaces).map(async (namespace) => {
      // A file added by an earlier call is not missing, though `add` reports nothing new for it.
      const held = done.has(`${locale}/${namespace}`);
      // Both at once: English is what i18next falls back to for each key the translation lacks.
      const [translated, english] = fallBack
        ? await Promise.all([add(locale, namespace), add(sourceLocale, namespace)])
        : [await add(locale, namespace), false];
      // A namespace the locale has no file for at all comes in English.
      if (!translated && !english && !held && locale !== sourceLocale && !fallBack) {
        return (await add(sourceLocale, namespace)) ? namespace : undefined;
      }
      return translated || english ? namespace : undefined;
    }),
  );
  return { locale, namespaces: loaded.filter((name) => name !== undefined) };
}
