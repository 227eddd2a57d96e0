import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through this export condition,
// so tests run without a build step.
const source = '@attune/source';

export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          root: 'packages/core',
          environment: 'node',
          typecheck: { enabled: true, tsconfig: 'tsconfig.json', include: ['src/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: { name: 'content', root: 'packages/content', environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'react',
          root: 'packages/react',
          environment: 'happy-dom',
          typecheck: {
            enabled: true,
            tsconfig: 'tsconfig.test.json',
            include: ['src/**/*.test-d.ts'],
          },
        },
      },
      {
        extends: true,
        test: { name: 'docs', root: 'docs', environment: 'node' },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.{ts,tsx}'],
      exclude: ['**/*.test.{ts,tsx}', '**/*.test-d.ts', '**/index.ts', '**/types.ts'],
      reporter: ['text-summary', 'html'],
      thresholds: {
        'packages/core/src/**': { lines: 85, branches: 85, functions: 85, statements: 85 },
        'packages/content/src/**': { lines: 80, branches: 80 },
        'packages/react/src/**': { lines: 80, branches: 80 },
      },
    },
  },
});
