// The layer check that `pnpm test` runs (`pnpm test:layers`): no import loop inside a package, and
// in @attune/core no import from a lower layer up to a higher one. docs/architecture.md draws the
// same layers; change both together.

// @attune/core's folders, lowest first. A folder may import its own layer and any layer below it.
const coreLayers = [
  ['errors', 'messages'],
  ['rules'],
  ['program'],
  ['decks', 'practice', 'time', 'events'],
  ['log'],
  ['crypto'],
  ['progress'],
  ['visibility'],
  ['plugins'],
  ['validation'],
  ['engine'],
  ['export'],
  ['sync'],
  ['storage'],
  ['node', 'testing'],
];

const core = (folders) => `^packages/core/src/(${folders.join('|')})/`;

const upward = coreLayers.slice(0, -1).map((layer, i) => ({
  name: `core-layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} must not import a higher layer of @attune/core`,
  severity: 'error',
  from: { path: core(layer) },
  to: { path: core(coreLayers.slice(i + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      comment: 'An import loop inside a package, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    includeOnly: '^packages/[^/]+/src/',
    // Tests and their fixtures may reach anywhere; the layers are about the shipped code.
    exclude: { path: '(\\.test\\.tsx?|\\.test-d\\.ts|/fixtures\\.ts|/__fixtures__/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
