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
      // Example plugins, each tested as its own package, the way an outside author would.
      {
        extends: true,
        test: {
          name: 'plugin-question-ladder',
          root: 'examples/plugin-question-ladder',
          environment: 'node',
          typecheck: { enabled: true, tsconfig: 'tsconfig.json', include: ['src/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'plugin-flooding-break',
          root: 'examples/plugin-flooding-break',
          environment: 'node',
          typecheck: { enabled: true, tsconfig: 'tsconfig.json', include: ['src/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'sync-server',
          root: 'examples/sync-server',
          environment: 'node',
          // Every suite runs against SQLite and PostgreSQL; this finds or starts the PostgreSQL.
          globalSetup: ['src/testing/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'cli', root: 'examples/cli', environment: 'node' },
      },
      {
        // The example web app's logic that runs without a browser: the sync loop and its helpers, and
        // the service worker against stand-ins for the browser's caches and network.
        extends: true,
        test: {
          name: 'web',
          root: 'examples/web',
          include: ['src/**/*.test.ts', 'offline/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        // The example web app in headless Chromium: a production build served by `vite preview`
        // (built once in the global setup; each file starts its own server and browser).
        test: {
          name: 'e2e',
          root: 'examples/web',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          // One Chromium at a time: the machines that run this have two cores.
          fileParallelism: false,
          // Generous: the e2e files run beside every other project's tests on two cores.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 15_000 } },
        },
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
