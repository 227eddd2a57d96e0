// Writes the JSON Schemas generated from the zod schemas to packages/core/schemas/, which the build
// ships in dist/schemas/. Run by `pnpm --filter @attune/core build`; a unit test fails when the
// committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../src/validation/json-schema.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
mkdirSync(folder, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(folder, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
