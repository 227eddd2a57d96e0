import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'validation/index': 'src/validation/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  target: 'es2022',
  charset: 'utf8',
  // Ship the JSON Schemas for editors next to the code.
  onSuccess: async () => {
    cpSync('schemas', 'dist/schemas', { recursive: true });
  },
});
