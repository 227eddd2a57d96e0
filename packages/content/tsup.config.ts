import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Each locale × namespace becomes its own chunk, fetched only when an app asks for it.
  splitting: true,
  target: 'es2022',
  charset: 'utf8',
});
