/**
 * One export of the analysis spreadsheet for 1,000 interviews answering every question
 * (168,000 rows in the answers sheet), in a process of its own so its peak RSS is its own.
 * Usage: node --import tsx tests/bench/export-full.ts xlsx|csv  → prints JSON.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAnalysisFile } from '../../cli/analysisFiles';
import { mergeAll } from '../../shared/merge';
import { syntheticBundles } from './synthetic-bundles';

const format = process.argv[2] === 'csv' ? 'csv' : 'xlsx';
const { dataset } = mergeAll(syntheticBundles(20, 50).map((b) => b.dataset));
const dir = await mkdtemp(join(tmpdir(), 'export-bench-'));
const path = join(dir, `analysis.${format}`);
let peak = process.memoryUsage.rss();
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await writeAnalysisFile(dataset, format, { lang: 'kk' }, path);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage.rss());
const bytes = (await stat(path)).size;
await rm(dir, { recursive: true, force: true });
console.log(JSON.stringify({ format, interviews: dataset.interviews.length, answers: dataset.answers.length, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss: peak, bytes }));
