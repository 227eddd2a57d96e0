import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appDir } from './app-server.js';

/** The build's output folder. */
export const distDir: string = join(appDir, 'dist');

/** Locale files are content, counted on their own, not as the app's code. */
export const isLocaleFile = (path: string): boolean => /\/locale\.[^/]+$/.test(path);

/** The gzip size of one built file, by its path in the site (`/assets/index-….js`). */
export function gzipSize(path: string): number {
  return gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length;
}

/**
 * The JavaScript the built index.html loads before anything is rendered: its module script and the
 * modules it preloads. Lazily loaded screens and locale files are not in it.
 */
export function eagerScripts(): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)].map(
    (match) => match[1] as string,
  );
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (match) => match[1] as string,
  );
  return [...new Set([...scripts, ...preloads])];
}
