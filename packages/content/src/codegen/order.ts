import { deckNamespaces, namespaces, sourceLocale } from '../namespaces.js';

/** Orders locales for generated code: the source locale first, then the others by code. */
export function orderLocales(locales: Iterable<string>): string[] {
  return [...locales].sort((a, b) =>
    a === sourceLocale ? -1 : b === sourceLocale ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}

const known: readonly string[] = [...namespaces, ...deckNamespaces];

/**
 * Orders namespaces for generated code: the program's in program order, then the decks', then any
 * others by name.
 */
export function orderNamespaces(names: Iterable<string>): string[] {
  const rank = (name: string): number => {
    const index = known.indexOf(name);
    return index === -1 ? known.length : index;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Writes an object key the way the formatter does: bare when it can be, quoted otherwise. */
export function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/[\\']/g, '\\$&')}'`;
}
