import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  charset: 'utf8',
  external: ['react', '@attune/core'],
  // Hooks run only on the client; frameworks with server components need the directive in the output.
  banner: { js: "'use client';" },
});
