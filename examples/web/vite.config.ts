import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { welcomeWords, welcomeWordsLocale } from './first-screen/welcome-words-plugin.js';
import { serviceWorker } from './offline/service-worker-plugin.js';

const LOCALE_FILE = /\/locales\/([^/]+)\/([^/]+)\.json$/;

// The sync server (examples/sync-server), reached under /relay/ on the app's own origin, so couples
// with a phone each need no cross-origin setup. `pnpm start` runs it on port 8787; the end-to-end
// tests start their own and say where with ATTUNE_RELAY_URL.
const relayProxy = {
  '/relay/': {
    target: process.env.ATTUNE_RELAY_URL ?? 'http://127.0.0.1:8787',
    rewrite: (path: string) => path.slice('/relay'.length),
  },
};

export default defineConfig({
  plugins: [react(), welcomeWords(), serviceWorker()],
  // Resolve the workspace packages to their TypeScript sources, so the app runs with no build step.
  resolve: { conditions: ['@attune/source', 'module', 'browser', 'development|production'] },
  server: { port: 5173, strictPort: true, proxy: relayProxy },
  preview: { proxy: relayProxy },
  build: {
    rolldownOptions: {
      output: {
        // On a phone's network each file can cost a round trip, so the code comes in a few files
        // rather than dozens of small ones: everything the first screen runs in one, and a couple's
        // engine, store and hooks (with all they import) in another, which every screen after
        // onboarding shares. The rest (pairing, sync, each screen of its own) is split as Vite splits.
        codeSplitting: {
          groups: [
            { name: 'first-screen', tags: ['$initial'] },
            {
              name: 'couple',
              test: /[\\/]packages[\\/](core[\\/]src[\\/](engine|storage|program)|react[\\/]src)[\\/]/,
            },
          ],
        },
        // Each locale file gets its locale in its name, so the end-to-end tests can tell which
        // locale's content the browser fetched.
        chunkFileNames(chunk) {
          const welcome = welcomeWordsLocale(chunk.facadeModuleId);
          if (welcome) return `assets/locale.${welcome}.welcome-[hash].js`;
          const match = LOCALE_FILE.exec(chunk.facadeModuleId ?? '');
          return match
            ? `assets/locale.${match[1]}.${match[2]}-[hash].js`
            : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
