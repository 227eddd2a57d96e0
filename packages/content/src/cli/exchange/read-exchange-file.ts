/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ExchangeFileError } from './exchange-file-error.js';
import type { ExchangeFormat, ImportedFile } from './exchange-unit.js';
import { readPo } from './read-po.js';
import { readXliff } from './read-xliff.js';

/** The format a returned file is in, by its name: `.xlf` or `.xliff` for XLIFF, `.po` for PO. */
export function formatOfFile(path: string): ExchangeFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlf' || extension === '.xliff') return 'xliff';
  if (extension === '.po') return 'po';
  return undefined;
}

/**
 * Reads one file a translation tool returned, in the format its name says. Throws an
 * {@link ExchangeFileError} when it cannot be read, saying where and how to fix it.
 *
 * @param path The file to read.
 * @param shown The file as messages name it.
 */
export function readExchangeFile(path: string, shown: string): ImportedFile {
  const format = formatOfFile(path);
  if (format === undefined) {
    throw new ExchangeFileError(
      'It is neither XLIFF (.xlf, .xliff) nor PO (.po), the formats import reads.',
      'Give the files export wrote, after the translation tool filled them in.',
    );
  }
  const bytes = readFileSync(path);
  // Some Windows tools save as UTF-16, which XML and PO readers here do not take.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ExchangeFileError(
      'The file is saved as UTF-16.',
      'Save it as UTF-8 (in most editors: "Save with encoding" → UTF-8), then import it again.',
      1,
    );
  }
  return format === 'xliff' ? readXliff(bytes.toString('utf8'), shown) : readPo(bytes, shown);
}
