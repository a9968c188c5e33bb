/**
 * Benchmarks: `npm run bench`. Each benchmark prints rows of a table; none fails a build.
 * Add a benchmark by appending to `benchmarks`.
 */
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  value: string;
  goal?: string;
}

export type Benchmark = { title: string; run(): Promise<BenchRow[]> };

export const benchmarks: Benchmark[] = [
  {
    title: 'harness',
    async run() {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 1));
      return [{ name: 'timer resolution check', value: `${(performance.now() - t0).toFixed(2)} ms` }];
    },
  },
];

function printTable(rows: Array<BenchRow & { bench: string }>) {
  const header = { bench: 'benchmark', name: 'measure', value: 'result', goal: 'goal' };
  const all = [header, ...rows.map((r) => ({ ...r, goal: r.goal ?? '' }))];
  const w = (k: keyof typeof header) => Math.max(...all.map((r) => String(r[k]).length));
  const line = (r: typeof header) =>
    `| ${r.bench.padEnd(w('bench'))} | ${r.name.padEnd(w('name'))} | ${r.value.padEnd(w('value'))} | ${r.goal.padEnd(w('goal'))} |`;
  console.log(line(header));
  console.log(`|${'-'.repeat(w('bench') + 2)}|${'-'.repeat(w('name') + 2)}|${'-'.repeat(w('value') + 2)}|${'-'.repeat(w('goal') + 2)}|`);
  for (const r of all.slice(1)) console.log(line(r as typeof header));
}

const only = process.argv.slice(2);
const rows: Array<BenchRow & { bench: string }> = [];
for (const b of benchmarks) {
  if (only.length && !only.some((o) => b.title.includes(o))) continue;
  try {
    for (const r of await b.run()) rows.push({ ...r, bench: b.title });
  } catch (err) {
    rows.push({ bench: b.title, name: 'error', value: err instanceof Error ? err.message : String(err) });
  }
}
printTable(rows);
