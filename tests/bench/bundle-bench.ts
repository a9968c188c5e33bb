/** Bundle benchmarks, registered in tests/bench/run.ts. */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeBundle, encodeBundle, type DecodeOk } from '../../shared/bundle';
import { mergeAll, planImport } from '../../shared/merge';
import { fuzzBundles } from './fuzz-bundles';
import type { BenchRow } from './run';
import { syntheticBundles } from './synthetic-bundles';

/** A full garbage collection between timed sections, so none pays for the previous one's garbage. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const ms = (t: number) => `${Math.round(t)} ms`;

/**
 * Import of `bundles` bundles × `interviews` interviews × ~170 answers: decode every file
 * (all checks, checksum included) and merge, against the floor of decoding the same bytes
 * to text and JSON.parse-ing them. Best of `reps` runs each, interleaved.
 *
 * The floor keeps the parsed results, as an import must until its one bulk write (and as
 * decode + merge does): holding 168,000 revisions costs garbage-collection time that a
 * parse whose result is dropped at once does not pay. The optimistic variant (results
 * dropped) is printed too.
 */
export async function mergeBenchmark(bundles = 20, interviews = 50, reps = 3): Promise<BenchRow[]> {
  const synth = syntheticBundles(bundles, interviews);
  const files: Uint8Array[] = [];
  for (const b of synth) {
    files.push(
      await encodeBundle(b.dataset, {
        interviewer: { id: b.interviewer.id, name: b.interviewer.name, organization: b.interviewer.organization },
        deviceId: b.interviewer.deviceId,
        appVersion: 'bench',
        kind: 'interviews',
      }),
    );
  }
  const revisions = synth.reduce((n, b) => n + b.dataset.answers.length, 0);
  const bytes = files.reduce((n, f) => n + f.length, 0);
  synth.length = 0;

  let floor = Infinity;
  let floorDropped = Infinity;
  let parseOnly = Infinity;
  let ours = Infinity;
  let decodeOnly = Infinity;
  let plan = Infinity;
  let conflicts = -1;
  for (let rep = 0; rep < reps; rep++) {
    const td = new TextDecoder();
    collectGarbage();
    {
      const t0 = performance.now();
      for (const f of files) JSON.parse(td.decode(f));
      floorDropped = Math.min(floorDropped, performance.now() - t0);
    }
    collectGarbage();
    {
      const kept: unknown[] = [];
      let parse = 0;
      const t0 = performance.now();
      for (const f of files) {
        const text = td.decode(f);
        const p0 = performance.now();
        kept.push(JSON.parse(text));
        parse += performance.now() - p0;
      }
      floor = Math.min(floor, performance.now() - t0);
      parseOnly = Math.min(parseOnly, parse);
    }
    collectGarbage();
    {
      const t0 = performance.now();
      const decoded: DecodeOk[] = [];
      for (const f of files) {
        const r = await decodeBundle(f);
        if (!r.ok) throw new Error(`synthetic bundle refused: ${r.error.code} ${r.error.detail ?? ''}`);
        decoded.push(r);
      }
      const t1 = performance.now();
      const merged = mergeAll(decoded.map((d) => d.dataset));
      const t2 = performance.now();
      if (merged.dataset.answers.length !== revisions) throw new Error('merge lost revisions');
      decodeOnly = Math.min(decodeOnly, t1 - t0);
      ours = Math.min(ours, t2 - t0);
      const p = planImport(
        undefined,
        decoded.map((d, i) => ({ fileName: `${i}.rsb`, manifest: d.manifest, dataset: d.dataset })),
      );
      plan = Math.min(plan, performance.now() - t2);
      conflicts = p.conflicts.length;
    }
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  return [
    { name: 'input', value: `${bundles} bundles, ${bundles * interviews} interviews, ${revisions.toLocaleString('en')} answer revisions, ${mb(bytes)}` },
    { name: `floor: TextDecoder + JSON.parse, results kept (best of ${reps})`, value: ms(floor) },
    { name: '  of which JSON.parse', value: ms(parseOnly) },
    { name: '  same, results dropped at once', value: ms(floorDropped) },
    { name: `decodeBundle × ${bundles} (all checks, SHA-256)`, value: ms(decodeOnly) },
    { name: 'decode + mergeAll', value: ms(ours), goal: '≤ 1.5× floor' },
    { name: 'ratio to floor', value: `${(ours / floor).toFixed(2)}× (${(ours / floorDropped).toFixed(2)}× the results-dropped floor)`, goal: '≤ 1.5×' },
    { name: 'planImport (preview, conflicts, writes)', value: `${ms(plan)} (${conflicts} conflicts)` },
    { name: 'peak RSS (whole process)', value: mb(peak) },
  ];
}

export async function fuzzBenchmark(cases = 10_000, seed = 20211201): Promise<BenchRow[]> {
  const r = await fuzzBundles({ cases, seed });
  const rows: BenchRow[] = [
    { name: 'cases', value: r.cases.toLocaleString('en'), goal: '≥ 10,000' },
    { name: 'crashes (throws, internal errors, hangs)', value: String(r.crashes), goal: '0' },
    { name: 'time', value: `${(r.ms / 1000).toFixed(1)} s (slowest case ${ms(r.slowestMs)})` },
    { name: 'results', value: Object.entries(r.codes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') },
  ];
  for (const f of r.failures.slice(0, 5)) rows.push({ name: `crash #${f.case}`, value: `${f.mutation}: ${f.problem}` });
  return rows;
}
