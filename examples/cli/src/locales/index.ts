import { ar } from './ar.js';
import type { CliText } from './cli-text.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { ja } from './ja.js';

/** The terminal program's own words, per shipped locale. */
export const cliText: Readonly<Record<string, CliText>> = { en, ar, de, es, ja };
