/** A short run of the mutation fuzzer (the long one is in `npm run bench`). */
import { describe, expect, it } from 'vitest';
import { fuzzBundles } from '../../bench/fuzz-bundles';

describe('bundle reader under mutation', () => {
  it('starts from bundles the reader accepts', async () => {
    const { fuzzBases } = await import('../../bench/fuzz-bundles');
    const { decodeBundle } = await import('../../../shared/bundle');
    const b = await fuzzBases();
    const r = await decodeBundle(b.plain);
    expect(r.ok ? 'ok' : r.error).toBe('ok');
  });

  it('answers every mutated bundle with ok or a BundleError, quickly', async () => {
    const report = await fuzzBundles({ cases: 300, seed: 20211201, hangMs: 3_000 });
    expect(report.failures).toEqual([]);
    expect(report.crashes).toBe(0);
    // The mutations reach many different checks, not just the first one.
    expect(Object.keys(report.codes).length).toBeGreaterThanOrEqual(10);
    // Graph and value mutations reach their checks.
    expect(report.codes.revisionCycle ?? 0).toBeGreaterThan(0);
    expect(report.codes.invalidValue ?? 0).toBeGreaterThan(0);
    // Containers are mutated too, and reach the container's own checks.
    for (const code of ['damaged', 'unsafeEntry', 'unexpectedEntry']) expect(report.codes[code], code).toBeGreaterThan(0);
  });
});
