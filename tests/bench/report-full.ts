/**
 * One build of the report for 1,000 interviews answering every question (168,000 answers)
 * with the individual-responses annex, in a process of its own so its peak RSS is its own.
 * Usage: node --import tsx tests/bench/report-full.ts consolidated|drafts  → prints JSON.
 */
import { buildReport } from '../../shared/report';
import { mergeAll } from '../../shared/merge';
import type { Dataset } from '../../shared/model/types';
import { syntheticBundles } from './synthetic-bundles';

const variant = process.argv[2] === 'drafts' ? 'drafts' : 'consolidated';
const { dataset: drafts } = mergeAll(syntheticBundles(20, 50).map((b) => b.dataset));
let dataset: Dataset = drafts;
if (variant === 'consolidated') {
  // "Full consolidation": the lead has written one consolidated answer per question.
  const first = new Map<string, (typeof drafts.answers)[number]>();
  for (const a of drafts.answers) if (!first.has(a.questionId)) first.set(a.questionId, a);
  const consolidated = [...first.values()].map(({ interviewId: _interview, ...a }, i) => ({
    ...a,
    id: `c0nso1id-0000-4000-8000-${String(i).padStart(12, '0')}`,
    value: { ...a.value, review: 'reviewed' as const },
  }));
  dataset = { ...drafts, consolidated };
}
let peak = process.memoryUsage.rss();
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const bytes = await buildReport(dataset, { lang: 'kk', individualResponses: true });
const ms = performance.now() - t0;
// CPU time of the process (every thread, GC included): less sensitive than wall time to a machine shared with other work.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage.rss());
console.log(JSON.stringify({ variant, answers: dataset.answers.length, ms, cpuMs, peakRss: peak, bytes: bytes.length }));
