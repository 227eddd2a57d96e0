#!/usr/bin/env node
/// <reference types="node" />
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './main.js';
import { findPackageLocales } from './package-locales.js';

// Piped into `head`, the reader may leave before the output ends; that is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  defaultLocalesDir: findPackageLocales(dirname(fileURLToPath(import.meta.url))),
  env: process.env,
});
