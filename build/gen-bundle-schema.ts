/**
 * Writes, from the zod schema in shared/bundle/schema.ts:
 *  - docs/bundle.schema.json, the published JSON Schema of a bundle file;
 *  - shared/bundle/checkDataset.generated.ts and checkDatasetV1.generated.ts, the fast payload
 *    validators of format 2 and format 1.
 * Run: npx tsx build/gen-bundle-schema.ts   (tests/unit/bundle/schema.test.ts fails when either is stale)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleJsonSchemaText, datasetCheckerSource, datasetV1CheckerSource } from '../shared/bundle/schema';

for (const [path, text] of [
  ['../docs/bundle.schema.json', bundleJsonSchemaText()],
  ['../shared/bundle/checkDataset.generated.ts', datasetCheckerSource()],
  ['../shared/bundle/checkDatasetV1.generated.ts', datasetV1CheckerSource()],
] as const) {
  const target = fileURLToPath(new URL(path, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
