// Files the documentation's snippets import that exist only in an app or a plugin, such as a
// plugin's `locales/en/<namespace>.json`. A script file (no imports), so these declarations are global.

/** A locale file: an i18next JSON v4 tree of strings. */
declare module '*.json' {
  interface Tree {
    readonly [key: string]: string | Tree;
  }
  const tree: Tree;
  // biome-ignore lint/style/noDefaultExport: a JSON module's strings are its default export.
  export default tree;
}
