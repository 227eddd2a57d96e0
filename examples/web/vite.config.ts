import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const LOCALE_FILE = /\/locales\/([^/]+)\/([^/]+)\.json$/;

export default defineConfig({
  plugins: [react()],
  // Resolve the workspace packages to their TypeScript sources, so the app runs with no build step.
  resolve: { conditions: ['@attune/source', 'module', 'browser', 'development|production'] },
  server: { port: 5173, strictPort: true },
  build: {
    rolldownOptions: {
      output: {
        // Each locale file gets its locale in its name, so the end-to-end tests can tell which
        // locale's content the browser fetched.
        chunkFileNames(chunk) {
          const match = LOCALE_FILE.exec(chunk.facadeModuleId ?? '');
          return match
            ? `assets/locale.${match[1]}.${match[2]}-[hash].js`
            : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
