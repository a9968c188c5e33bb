/** One schema, defined in zod: the published JSON Schema, and the fast checker derived from it. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJsonSchema, type JsonSchemaNode } from '../../../shared/bundle/compiled';
import { checkDataset } from '../../../shared/bundle/checkDataset.generated';
import { bundleJsonSchema, bundleJsonSchemaText, datasetCheckerSource, DatasetSchema } from '../../../shared/bundle/schema';
import { z } from 'zod';
import { baseParts } from '../../fixtures/hostile/generate';

const schemaFile = new URL('../../../docs/bundle.schema.json', import.meta.url);
const hostile = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/hostile/${name}`, import.meta.url), 'utf8'));

describe('docs/bundle.schema.json', () => {
  it('is up to date (regenerate with: npx tsx build/gen-bundle-schema.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(bundleJsonSchemaText());
  });

  it('the generated payload checker is up to date (same command)', () => {
    expect(readFileSync(new URL('../../../shared/bundle/checkDataset.generated.ts', import.meta.url), 'utf8')).toBe(datasetCheckerSource());
  });

  it('accepts real bundles and rejects broken ones (checked with ajv)', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, logger: false });
    const validate = ajv.compile(bundleJsonSchema());
    expect(validate(hostile('valid.rsb'))).toBe(true);
    expect(validate(hostile('another-assessment.rsb'))).toBe(true);
    expect(validate(hostile('wrong-types.rsb'))).toBe(false);
    expect(validate(hostile('extra-field.rsb'))).toBe(false);
    expect(validate(hostile('future-version.rsb'))).toBe(false);
  });
});

/** A random JSON value to put somewhere it may not belong. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', 'yes', 'en', 'techA', '2021-10-04', '2021-10-04T10:00:00.000Z', '2021-02-30', 'x'.repeat(600)),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.constant({}),
);

function paths(v: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(prefix);
  if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

describe('the compiled and the generated checker', () => {
  it('agree with zod on valid and mutated payloads (property)', async () => {
    const { payload } = await baseParts();
    const all = paths(payload).filter((p) => p.length > 0);
    const checker = compileJsonSchema(z.toJSONSchema(DatasetSchema) as JsonSchemaNode);
    expect(checker.check(payload)).toBe(true);
    expect(checkDataset(payload)).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...all), junk, fc.boolean(), (path, value, extraKey) => {
        const copy = structuredClone(payload) as Record<string | number, unknown>;
        let node = copy;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        // (JSON has no undefined: an added member always has a value.)
        if (extraKey && node && typeof node === 'object' && !Array.isArray(node)) node[`x${String(last)}`] = value ?? null;
        else if (value === undefined) delete node[last];
        else node[last] = value;
        const expected = DatasetSchema.safeParse(copy).success;
        expect(checker.check(copy)).toBe(expected);
        expect(checkDataset(copy)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
