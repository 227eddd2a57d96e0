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

/**
 * The part of React DOM the apps in the docs mount with. The workspace root does not install
 * react-dom; scripts/docs-apps-test.mjs type-checks those apps against the real `@types/react-dom`.
 */
declare module 'react-dom/client' {
  export function createRoot(container: Element | DocumentFragment): {
    render(children: import('react').ReactNode): void;
    unmount(): void;
  };
}
