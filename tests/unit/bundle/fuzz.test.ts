/** A short run of the mutation fuzzer (the long one is in `npm run bench`). */
import { describe, expect, it } from 'vitest';
import { fuzzBundles } from '../../bench/fuzz-bundles';

describe('bundle reader under mutation', () => {
  it('answers every mutated bundle with ok or a BundleError, quickly', async () => {
    const report = await fuzzBundles({ cases: 300, seed: 20211201, hangMs: 3_000 });
    expect(report.failures).toEqual([]);
    expect(report.crashes).toBe(0);
    // The mutations reach many different checks, not just the first one.
    expect(Object.keys(report.codes).length).toBeGreaterThanOrEqual(10);
    // Containers are mutated too, and reach the container's own checks.
    for (const code of ['damaged', 'unsafeEntry', 'unexpectedEntry']) expect(report.codes[code], code).toBeGreaterThan(0);
  });
});
