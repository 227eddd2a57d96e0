/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = import.meta.dirname;
const isTest = (file: string) => /\.test(-d)?\.tsx?$|^test-fixtures\.tsx$/.test(file);

describe('the package source', () => {
  it('uses no DOM API, so it runs in React Native', () => {
    const files = readdirSync(src).filter((file) => /\.tsx?$/.test(file) && !isTest(file));
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      readFileSync(join(src, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /react-dom|\bwindow\b|\bdocument\b/.test(line) ? [`${file}:${index + 1}: ${line}`] : [],
        ),
    );
    expect(offending).toEqual([]);
  });
});
