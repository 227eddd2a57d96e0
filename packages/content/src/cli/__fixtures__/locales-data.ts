import type { LocalesData, NamespaceFile } from '../read-locales.js';

/** Builds in-memory locales data from `{ locale: { namespace: content } }`, for tests. */
export function localesData(
  locales: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): LocalesData {
  return new Map(
    Object.entries(locales).map(([locale, files]) => [
      locale,
      new Map<string, NamespaceFile>(
        Object.entries(files).map(([namespace, content]) => [
          namespace,
          { path: `${locale}/${namespace}.json`, content },
        ]),
      ),
    ]),
  );
}
