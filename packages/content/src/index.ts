export type { TextDirection } from './direction.js';
export { textDirection } from './direction.js';
export type { AttuneResources } from './generated/resource-types.js';
export type {
  AddAttuneResourcesOptions,
  AddedAttuneResources,
  I18nextTarget,
} from './i18next/add-attune-resources.js';
export { addAttuneResources } from './i18next/add-attune-resources.js';
export type { CreateAttuneI18nOptions } from './i18next/create-attune-i18n.js';
export { createAttuneI18n } from './i18next/create-attune-i18n.js';
export type { AttuneNamespace, DeckNamespace } from './namespaces.js';
export { deckNamespaces, namespaces, sourceLocale } from './namespaces.js';
export type { ResourceLoader, ResourceTree } from './resources.js';
export { loadResources, matchLocale, shippedLocales } from './resources.js';
