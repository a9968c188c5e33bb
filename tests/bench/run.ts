/**
 * Benchmarks: `npm run bench`. Each benchmark prints rows of a table; none fails a build.
 * Add a benchmark by appending to `benchmarks`.
 */

export interface BenchRow {
  name: string;
  value: string;
  goal?: string;
}

export type Benchmark = { title: string; run(): Promise<BenchRow[]> };

export const benchmarks: Benchmark[] = [
  {
    title: 'report: realistic assessment (60 interviews, full consolidation) in Node',
    async run() {
      const { buildReport } = await import('../../shared/report');
      const { syntheticDataset } = await import('../unit/report/helpers');
      const dataset = syntheticDataset(60, true);
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < 3; i++) {
        // A fresh copy each time: the consolidation index is cached per dataset object.
        const copy = { ...dataset };
        const t0 = performance.now();
        size = (await buildReport(copy, { lang: 'ru', date: '2022-03-15' })).length;
        times.push(performance.now() - t0);
      }
      const sorted = [...times].sort((a, b) => a - b);
      return [
        { name: `first build (${dataset.interviews.length} interviews, ${dataset.answers.length} answers)`, value: `${times[0]!.toFixed(0)} ms`, goal: '≤ 2 s' },
        { name: 'median of 3 builds', value: `${sorted[1]!.toFixed(0)} ms`, goal: '≤ 2 s' },
        { name: 'file size', value: `${(size / 1024).toFixed(0)} KiB` },
      ];
    },
  },
  {
    title: 'report: the full report (all sections, charts) in Node',
    async run() {
      const { narrativeReportBenchmark } = await import('./report-narrative');
      return narrativeReportBenchmark();
    },
  },
  {
    title: 'translation: units, XLIFF and XLSX, pre-flight',
    async run() {
      const { translationBenchmark } = await import('./translation');
      return translationBenchmark();
    },
  },
  {
    title: 'report: 1,000 interviews with individual responses',
    async run() {
      const { Worker } = await import('node:worker_threads');
      const { buildReport } = await import('../../shared/report');
      const { syntheticDataset } = await import('../unit/report/helpers');
      // No consolidated answers: every question is drafted from ~50–100 contributions.
      const dataset = syntheticDataset(1000, false);
      // The build is mostly synchronous, so RSS is sampled from another thread (RSS is per process).
      const sampler = new Worker(
        `const { parentPort } = require('node:worker_threads');
         let peak = 0;
         const t = setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; }, 5);
         parentPort.on('message', () => { clearInterval(t); parentPort.postMessage(peak); });`,
        { eval: true },
      );
      const t0 = performance.now();
      const bytes = await buildReport(dataset, { lang: 'en', date: '2022-03-15', individualResponses: true, landscapeAnnexes: true });
      const ms = performance.now() - t0;
      const peak = await new Promise<number>((resolve) => {
        sampler.once('message', resolve);
        sampler.postMessage('stop');
      });
      await sampler.terminate();
      return [
        { name: `build (${dataset.interviews.length} interviews, ${dataset.answers.length} answers)`, value: `${(ms / 1000).toFixed(1)} s`, goal: '≤ 20 s' },
        { name: 'peak RSS (whole process, sampled every 5 ms)', value: `${(peak / 1024 / 1024).toFixed(0)} MiB`, goal: '≤ 1 GB' },
        { name: 'file size', value: `${(bytes.length / 1024).toFixed(0)} KiB` },
      ];
    },
  },
  {
    title: 'report: 1,000 interviews answering every question (168,000 answers), with individual responses',
    async run() {
      const { execFileSync } = await import('node:child_process');
      const rows: BenchRow[] = [];
      for (const variant of ['consolidated', 'drafts']) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/report-full.ts', variant], { encoding: 'utf8', maxBuffer: 1 << 20 });
        const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; cpuMs: number; peakRss: number; bytes: number };
        const label = variant === 'consolidated' ? 'lead consolidated every question' : 'no consolidated answers (all drafted)';
        rows.push(
          { name: `${label}: build`, value: `${(r.ms / 1000).toFixed(1)} s (${(r.bytes / 1048576).toFixed(1)} MB .docx)`, goal: '≤ 20 s' },
          { name: `${label}: CPU time of the build (all threads)`, value: `${(r.cpuMs / 1000).toFixed(1)} s` },
          { name: `${label}: peak RSS (own process, incl. the generated data)`, value: `${(r.peakRss / 1048576).toFixed(0)} MiB`, goal: '≤ 1 GB' },
        );
      }
      return rows;
    },
  },
  {
    title: 'export: analysis spreadsheet for 1,000 interviews × every question (168,000 rows)',
    async run() {
      const { execFileSync } = await import('node:child_process');
      const rows: BenchRow[] = [];
      for (const format of ['xlsx', 'csv']) {
        const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/export-full.ts', format], { encoding: 'utf8', maxBuffer: 1 << 20 });
        const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; cpuMs: number; peakRss: number; bytes: number };
        rows.push(
          { name: `${format.toUpperCase()}: export (wall; CPU of the process)`, value: `${(r.ms / 1000).toFixed(1)} s; ${(r.cpuMs / 1000).toFixed(1)} s CPU (${(r.bytes / 1048576).toFixed(1)} MB)`, goal: '≤ 20 s' },
          { name: `${format.toUpperCase()}: peak RSS (own process, incl. the generated data)`, value: `${(r.peakRss / 1048576).toFixed(0)} MiB`, goal: '≤ 1 GB' },
        );
      }
      return rows;
    },
  },
  {
    title: 'bundle: merge 20 bundles × 50 interviews × ~170 answers in Node (decode + merge)',
    async run() {
      const { mergeBenchmark } = await import('./bundle-bench');
      return mergeBenchmark(20, 50);
    },
  },
  {
    title: 'bundle: fuzz the reader with 10,000 mutated bundles',
    async run() {
      const { fuzzBenchmark } = await import('./bundle-bench');
      return fuzzBenchmark(10_000);
    },
  },
  {
    title: 'bundle: readiness validate on hostile files (2,000,000 `{}`, 1,000,000 null, …)',
    async run() {
      const { hostileCliBenchmark } = await import('./hostile-cli');
      return hostileCliBenchmark();
    },
  },
  {
    title: 'wizard: open, type and save in Chromium',
    async run() {
      const { wizardBenchmark } = await import('./wizard');
      return wizardBenchmark();
    },
  },
  {
    title: 'storage: one grouped record by size in Chromium (strict durability)',
    async run() {
      const { recordSizeBenchmark } = await import('./record-size');
      return recordSizeBenchmark();
    },
  },
  {
    title: 'autosave: whole-browser SIGKILL while typing in Chromium',
    async run() {
      const { killBenchmark } = await import('./kill');
      return killBenchmark('.', 10);
    },
  },
  {
    title: 'import: bundles into IndexedDB in Chromium vs the floor',
    async run() {
      const { importChromiumBenchmark } = await import('./import-chromium');
      return importChromiumBenchmark();
    },
  },
  {
    title: 'bundle: format 2 container, 60 interviews with 200 attachments (300 MB), export and import in Chromium',
    async run() {
      const { containerChromiumBenchmark } = await import('./container-chromium');
      return containerChromiumBenchmark();
    },
  },
  {
    title: 'report writing: typing in a 50-paragraph finding in Chromium',
    async run() {
      const { writingBenchmark } = await import('./writing');
      return writingBenchmark();
    },
  },
  {
    title: 'report: built in the app (Web Worker), UI responsiveness',
    async run() {
      const { reportUiBenchmark } = await import('./report-ui');
      return reportUiBenchmark();
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
