// Size budgets, min + gzip, one named scenario per public entry point.
// Tighten a budget when the code allows; never loosen one without saying why in the commit.

/** Leaves lazily imported chunks (such as locale files) out of a measurement of the eager code. */
const lazyChunksExternal = {
  name: 'lazy-chunks-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

const withoutLazyChunks = (config) => ({
  ...config,
  plugins: [...(config.plugins ?? []), lazyChunksExternal],
});

export default [
  {
    name: '@attune/core — the engine (createEngine), no validation',
    path: 'packages/core/dist/index.js',
    import: '{ createEngine }',
    gzip: true,
    // The target is 6 kB. The engine with views, suggestions, due items and its event checks measures
    // 9.6 kB; this budget holds it there until it is brought down to the target.
    limit: '10 kB',
  },
  {
    name: '@attune/core — nine-step program data',
    path: 'packages/core/dist/index.js',
    import: '{ nineStepProgram }',
    gzip: true,
    limit: '3 kB',
  },
  {
    name: '@attune/core/validation — schemas and validateProgram, zod shared with the app',
    path: 'packages/core/dist/validation/index.js',
    import: '*',
    ignore: ['zod'],
    gzip: true,
    // Holds every check's messages and fixes, and the event schema; set when validation was complete.
    limit: '8 kB',
  },
  {
    name: '@attune/core/testing — simulation kit, for tests only',
    path: 'packages/core/dist/testing/index.js',
    import: '*',
    gzip: true,
    limit: '5 kB',
  },
  {
    name: '@attune/content — index without locale resources',
    path: 'packages/content/dist/index.js',
    import: '*',
    ignore: ['i18next'],
    modifyEsbuildConfig: withoutLazyChunks,
    gzip: true,
    limit: '1.5 kB',
  },
  {
    name: '@attune/content/help — help resources per region',
    path: 'packages/content/dist/help/index.js',
    import: '*',
    gzip: true,
    // Mostly data: six regions' numbers with their sources. Set when the first regions shipped.
    limit: '2.5 kB',
  },
  {
    name: '@attune/content — all English resources, every namespace',
    path: 'packages/content/dist/locales/en/*.js',
    gzip: true,
    limit: '30 kB',
  },
  {
    name: '@attune/react — on top of core',
    path: 'packages/react/dist/index.js',
    import: '*',
    ignore: ['react', 'react-dom', 'i18next', 'react-i18next', '@attune/core'],
    gzip: true,
    limit: '1.5 kB',
  },
];
