import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'validation/index': 'src/validation/index.ts',
    'testing/index': 'src/testing/index.ts',
    'storage/index': 'src/storage/index.ts',
    'sync/index': 'src/sync/index.ts',
    'crypto/index': 'src/crypto/index.ts',
    // Imports node:fs, so it has an entry of its own that no browser entry reaches.
    'node/index': 'src/node/index.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'es2022',
  // tsup has no charset option of its own; esbuild's keeps non-ASCII text as it is.
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
  // The Node entry imports `node:fs/promises`; the prefix tells bundlers and other runtimes what it is.
  removeNodeProtocol: false,
  // Ship the JSON Schemas for editors next to the code.
  onSuccess: async () => {
    cpSync('schemas', 'dist/schemas', { recursive: true });
  },
});
