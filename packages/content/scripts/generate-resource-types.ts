// Writes src/generated/resource-types.ts, the AttuneResources type, from locales/en/. Run by
// `pnpm --filter @attune/content generate` and before every build; a unit test fails when the
// committed file no longer matches the English files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resourceTypesFile } from '../src/codegen/generated-files.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = resourceTypesFile(packageDir);
writeFileSync(join(packageDir, file.path), file.contents);
process.stdout.write(`wrote ${file.path}\n`);
