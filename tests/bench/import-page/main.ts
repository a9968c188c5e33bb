/**
 * The import benchmark page: the app's own import path (renderer/db/exchange) against two
 * floors, in a real Chromium with real IndexedDB. Built by tests/bench/import-chromium.ts.
 *  - the physical floor: JSON.parse of the same bytes + one transaction putting the data in
 *    its stored layout (schema 4: revisions grouped per owner);
 *  - the row floor (schema 3's layout, for comparison): JSON.parse + one bulkPut of one row
 *    per record.
 */
import Dexie from 'dexie';
import { ReadinessDb, consolidatedBucket, textBucket } from '../../../renderer/db/schema';
import type { AnswerRevision, ConsolidatedRevision, TextRevision } from '../../../shared/model/types';
import { createRepo } from '../../../renderer/db/repo';
import { applyPlan, checkFiles, incoming, planFor } from '../../../renderer/db/exchange';

interface Perf {
  memory?: { usedJSHeapSize: number };
}

function heapSampler() {
  let peak = 0;
  const sample = () => {
    const used = (performance as unknown as Perf).memory?.usedJSHeapSize ?? 0;
    if (used > peak) peak = used;
  };
  const timer = setInterval(sample, 20);
  sample();
  return () => {
    sample();
    clearInterval(timer);
    return peak;
  };
}

async function fetchAll(urls: string[]): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  return Promise.all(urls.map(async (u) => ({ name: u.split('/').pop()!, bytes: new Uint8Array(await (await fetch(u)).arrayBuffer()) })));
}

/** JSON.parse + one transaction writing schema 4's records (the app's own tables and indexes). */
async function physicalFloor(files: Array<{ bytes: Uint8Array }>) {
  const stop = heapSampler();
  const t0 = performance.now();
  const decoder = new TextDecoder();
  type Payload = { assessment: { id: string }; stakeholders: object[]; interviews: object[]; answers: AnswerRevision[]; consolidated: ConsolidatedRevision[]; texts?: TextRevision[] };
  const docs = files.map((f) => JSON.parse(decoder.decode(f.bytes)) as { payload: Payload });
  const tParsed = performance.now();
  const group = <R, K>(list: R[], key: (r: R) => K, make: (k: K) => { revisions: R[] }) => {
    const out = new Map<K, { revisions: R[] }>();
    for (const r of list) {
      const k = key(r);
      let g = out.get(k);
      if (!g) out.set(k, (g = make(k)));
      g.revisions.push(r);
    }
    return [...out.values()];
  };
  const answers = docs.flatMap((d) => d.payload.answers);
  const consolidated = docs.flatMap((d) => d.payload.consolidated);
  const texts = docs.flatMap((d) => d.payload.texts ?? []);
  const db = new ReadinessDb(`physical-floor-${Math.random()}`);
  await db.open();
  await db.transaction('rw', [db.assessments, db.stakeholders, db.interviews, db.answerGroups, db.consolidatedGroups, db.textGroups], async () => {
    await db.assessments.bulkPut(docs.map((d) => d.payload.assessment) as never[]);
    await db.stakeholders.bulkPut(docs.flatMap((d) => d.payload.stakeholders) as never[]);
    await db.interviews.bulkPut(docs.flatMap((d) => d.payload.interviews) as never[]);
    await db.answerGroups.bulkPut(group(answers, (a) => a.interviewId, (interviewId) => ({ interviewId, assessmentId: answers[0]!.assessmentId, revisions: [], editable: [] })) as never[]);
    await db.consolidatedGroups.bulkPut(group(consolidated, (c) => consolidatedBucket(c.questionId), (bucket) => ({ assessmentId: consolidated[0]!.assessmentId, bucket, revisions: [], editable: [] })) as never[]);
    await db.textGroups.bulkPut(group(texts, (t) => textBucket(t.key, t.lang), (bucket) => ({ assessmentId: texts[0]!.assessmentId, bucket, revisions: [], editable: [] })) as never[]);
  });
  const t1 = performance.now();
  const peak = stop();
  db.close();
  await db.delete();
  return { ms: t1 - t0, parseMs: tParsed - t0, peak };
}

async function floor(files: Array<{ bytes: Uint8Array }>) {
  const stop = heapSampler();
  const t0 = performance.now();
  const decoder = new TextDecoder();
  const docs = files.map((f) => JSON.parse(decoder.decode(f.bytes)) as { payload: Record<string, unknown[]> & { assessment: unknown } });
  const tParsed = performance.now();
  const db = new Dexie(`floor-${Math.random()}`, { chromeTransactionDurability: 'strict' });
  db.version(1).stores({ assessments: 'id', stakeholders: 'id', interviews: 'id', answers: 'id', consolidated: 'id' });
  await db.open();
  await db.transaction('rw', ['assessments', 'stakeholders', 'interviews', 'answers', 'consolidated'], async () => {
    await db.table('assessments').bulkPut(docs.map((d) => d.payload.assessment));
    for (const t of ['stakeholders', 'interviews', 'answers', 'consolidated']) await db.table(t).bulkPut(docs.flatMap((d) => d.payload[t] ?? []));
  });
  const t1 = performance.now();
  const peak = stop();
  db.close();
  await Dexie.delete(db.name);
  return { ms: t1 - t0, parseMs: tParsed - t0, peak };
}

async function app(files: Array<{ name: string; bytes: Uint8Array }>) {
  const db = new ReadinessDb(`app-${Math.random()}`);
  const repo = createRepo(db);
  const stop = heapSampler();
  const t0 = performance.now();
  const checked = await checkFiles(files);
  const tChecked = performance.now();
  const valid = incoming(checked);
  if (valid.length !== files.length) throw new Error('a synthetic bundle did not validate');
  const plan = await planFor(repo, undefined, valid);
  const tPlanned = performance.now();
  await applyPlan(repo, plan);
  const t1 = performance.now();
  const peak = stop();
  const answers = (await db.answerGroups.toArray()).reduce((n, g) => n + g.revisions.length, 0);
  db.close();
  await db.delete();
  return { ms: t1 - t0, checkMs: tChecked - t0, planMs: tPlanned - tChecked, writeMs: t1 - tPlanned, peak, answers };
}

(window as unknown as { runImportBench: unknown }).runImportBench = async (urls: string[]) => {
  const files = await fetchAll(urls);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const f = await floor(files);
  const p = await physicalFloor(files);
  const a = await app(files);
  return { bytes, floor: f, physical: p, app: a };
};
document.getElementById('status')!.textContent = 'loaded';
