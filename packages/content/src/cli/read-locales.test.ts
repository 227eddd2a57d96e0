/// <reference types="node" />
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { readLocalesFolder } from './read-locales.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readLocalesFolder', () => {
  it('reads one folder per locale and one file per namespace, skipping everything else', () => {
    dir = mkdtempSync(join(tmpdir(), 'attune-read-'));
    mkdirSync(join(dir, 'en'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'en', 'common.json'), '{"a":"b"}');
    writeFileSync(join(dir, 'en', 'notes.txt'), 'ignored');
    writeFileSync(join(dir, 'README.md'), 'ignored');
    const data = readLocalesFolder(dir);
    expect([...data.keys()]).toEqual(['en']);
    expect(data.get('en')?.get('common')).toEqual({ path: 'en/common.json', content: { a: 'b' } });
  });

  it('leaves out metadata and pseudo-locales unless pseudo-locales are asked for', () => {
    dir = mkdtempSync(join(tmpdir(), 'attune-read-'));
    mkdirSync(join(dir, 'de', '_meta'), { recursive: true });
    mkdirSync(join(dir, 'en-XA'));
    mkdirSync(join(dir, '_shared'));
    writeFileSync(join(dir, 'de', 'common.json'), '{"a":"b"}');
    writeFileSync(join(dir, 'de', '_notes.json'), '{}');
    writeFileSync(join(dir, 'de', '_meta', 'intended-same.json'), '{}');
    writeFileSync(join(dir, 'en-XA', 'common.json'), '{"a":"[ƀ]"}');
    const data = readLocalesFolder(dir);
    expect([...data.keys()]).toEqual(['de']);
    expect([...(data.get('de')?.keys() ?? [])]).toEqual(['common']);
    expect([...readLocalesFolder(dir, { includePseudo: true }).keys()]).toEqual(['de', 'en-XA']);
  });

  it('keeps a broken file with a message that says where the problem is', () => {
    dir = mkdtempSync(join(tmpdir(), 'attune-read-'));
    mkdirSync(join(dir, 'de'));
    writeFileSync(join(dir, 'de', 'common.json'), '{\n  "a": "b",\n}\n');
    const file = readLocalesFolder(dir).get('de')?.get('common');
    expect(file?.content).toBeUndefined();
    expect(file?.error).toMatch(/^The file is not valid JSON: .+ at line 3, column 1\.$/);
  });

  it('explains a folder that does not exist', () => {
    expect(() => readLocalesFolder('/no/such/folder')).toThrow(CliError);
    expect(() => readLocalesFolder('/no/such/folder')).toThrow(
      /There is no folder at \/no\/such\/folder/,
    );
  });
});
