import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const TEMPLATE = fileURLToPath(new URL('./service-worker.js', import.meta.url));
const MARKER = "/* build manifest */ { version: 'unbuilt', shell: [] }";

/** Locale files are fetched only for the language in use, so the worker keeps them as they load. */
const isLocaleFile = (file: string) => /^assets\/locale\./.test(file);

/**
 * Emits the service worker as `/sw.js` with the build's manifest: a version made from the names of
 * the built files (which carry content hashes), and the app shell to keep on install — the page and
 * every built file except other languages' words.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'attune-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((file) => !file.endsWith('.map'))
        .sort();
      const shell = [
        '/',
        ...files
          .filter((file) => file.startsWith('assets/') && !isLocaleFile(file))
          .map((file) => `/${file}`),
      ];
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const template = readFileSync(TEMPLATE, 'utf8');
      if (!template.includes(MARKER)) {
        throw new Error(
          `${TEMPLATE} no longer holds the line the build replaces with its manifest: ${MARKER}`,
        );
      }
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace(MARKER, JSON.stringify({ version, shell })),
      });
    },
  };
}
