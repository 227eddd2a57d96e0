import * as z from 'zod';
import type { ContentTree } from '../program/content-tree.js';
import { programSchema } from './schemas.js';

/** Schema of one content namespace file: nested objects whose leaves are strings (i18next JSON v4). */
export const contentTreeSchema: z.ZodType<ContentTree> = z.record(
  z.string().min(1).max(200),
  z.union([z.string().max(20_000), z.lazy((): z.ZodType<ContentTree> => contentTreeSchema)]),
);

/** A JSON Schema document, as produced for editors. */
export type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, id: string, title: string): JsonSchema {
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }),
    $id: id,
    title,
  };
}

/**
 * The JSON Schemas shipped in `@attune/core/schemas/`, generated from the zod schemas, so a content
 * author gets autocompletion and checks in an editor.
 */
export function jsonSchemas(): Record<'program' | 'content-pack', JsonSchema> {
  return {
    program: toJsonSchema(
      programSchema,
      'https://unpkg.com/@attune/core/dist/schemas/program.schema.json',
      'Attune program',
    ),
    'content-pack': toJsonSchema(
      contentTreeSchema,
      'https://unpkg.com/@attune/core/dist/schemas/content-pack.schema.json',
      'Attune content namespace (i18next JSON v4)',
    ),
  };
}
