import { spawnSync } from 'node:child_process';
import { appDir, viteBin } from './app-server.js';

/**
 * Builds the app once for every end-to-end test file: the tests run against the production build
 * served by `vite preview`, as close to what a couple gets as this repository can be, and the only
 * place where the first screen's weight and the locale files fetched mean something.
 */
export function setup(): void {
  const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: appDir,
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`Building the web app failed:\n${result.stdout}\n${result.stderr}`);
  }
}
