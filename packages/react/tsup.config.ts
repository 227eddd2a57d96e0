import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', text: 'src/text.ts', practice: 'src/practice.ts' },
  // The entries share the provider's context through one chunk; two copies would be two contexts.
  splitting: true,
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // tsup has no charset option of its own; esbuild's keeps non-ASCII text as it is.
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
  external: ['react', '@attune/core', '@attune/content'],
  // Hooks run only on the client; frameworks with server components need the directive in the output.
  banner: { js: "'use client';" },
});
