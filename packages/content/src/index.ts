export type { TextDirection } from './direction.js';
export { textDirection } from './direction.js';
export type { ResourceTree } from './resources.js';
export { loadResources, namespaces, shippedLocales, sourceLocale } from './resources.js';
