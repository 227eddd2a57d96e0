/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from './json-schema.js';

describe('shipped JSON Schemas', () => {
  it('match the zod schemas; run `pnpm --filter @attune/core schemas` when this fails', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const file = new URL(`../../schemas/${name}.schema.json`, import.meta.url);
      const shipped: unknown = JSON.parse(readFileSync(file, 'utf8'));
      expect(shipped, `schemas/${name}.schema.json is stale`).toEqual(schema);
    }
  });

  it('describe the program with the input shape and the content pack as nested strings', () => {
    const { program, 'content-pack': contentPack } = jsonSchemas();
    expect(program).toMatchObject({ type: 'object', required: expect.arrayContaining(['steps']) });
    expect(JSON.stringify(program)).toContain('"safety-check"');
    expect(contentPack).toMatchObject({ type: 'object', additionalProperties: expect.any(Object) });
  });
});
