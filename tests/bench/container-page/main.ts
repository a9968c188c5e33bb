/**
 * The container benchmark page (built by tests/bench/container-chromium.ts): a dataset of 60
 * interviews with 200 attachments (~300 MB) exported as a format 2 container with the app's
 * writer (attachments streamed from Blobs, the container assembled as a Blob), then imported
 * with the app's pipeline from that Blob (checked entry by entry, planned, attachment bytes
 * streamed into IndexedDB, records written). Peak JS heap is sampled every 20 ms.
 */
import Dexie from 'dexie';
import { encodeContainer, readAllBytes, type FileBytes } from '../../../shared/bundle';
import { blobFile } from '../../../shared/bundle/source';
import { Sha256 } from '../../../shared/bundle/sha256';
import { toHex } from '../../../shared/bundle/crypto';
import type { Attachment, Dataset } from '../../../shared/model/types';
import { ReadinessDb } from '../../../renderer/db/schema';
import { createRepo } from '../../../renderer/db/repo';
import { applyPlan, blobOf, checkFiles, incoming, planFor, writeAttachmentFiles, type BlobStore } from '../../../renderer/db/exchange';

interface Perf {
  memory?: { usedJSHeapSize: number };
}
const heap = () => (performance as unknown as Perf).memory?.usedJSHeapSize ?? 0;
const gc = () => (globalThis as unknown as { gc?: () => void }).gc?.();

function heapSampler() {
  let peak = 0;
  const sample = () => {
    const used = heap();
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

/** One attachment's bytes as a Blob (made chunk by chunk) and its SHA-256. */
async function makeFile(index: number, size: number, block: Uint8Array): Promise<{ blob: Blob; sha256: string }> {
  const h = new Sha256();
  async function* chunks() {
    for (let o = 0; o < size; o += block.length) {
      const piece = block.slice(0, Math.min(block.length, size - o));
      // Every file and every MiB differs, so no two files share a hash.
      new DataView(piece.buffer).setUint32(0, index);
      if (piece.length >= 8) new DataView(piece.buffer).setUint32(4, o);
      h.update(piece);
      yield piece;
    }
  }
  const blob = await blobOf(chunks());
  return { blob, sha256: toHex(h.digest()) };
}

(window as unknown as { runContainerBench: unknown }).runContainerBench = async (datasetUrl: string, sizes: number[], passphrase: string | null) => {
  const base = (await (await fetch(datasetUrl)).json()) as Dataset;
  const block = new Uint8Array(1024 * 1024);
  for (let o = 0; o < block.length; o += 65536) crypto.getRandomValues(block.subarray(o, o + 65536));
  const store = new Map<string, Blob>();
  const attachments: Attachment[] = [];
  for (const [i, size] of sizes.entries()) {
    const { blob, sha256 } = await makeFile(i, size, block);
    store.set(sha256, blob);
    const interview = base.interviews[i % base.interviews.length]!;
    attachments.push({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      assessmentId: base.assessment.id,
      sha256,
      size,
      mediaType: 'application/pdf',
      fileName: `document-${i + 1}.pdf`,
      title: `Document ${i + 1}`,
      received: '2021-11-24',
      organization: interview.organization,
      links: [{ kind: 'answer', interviewId: interview.id, questionId: 'A1.1' }],
      createdAt: '2021-11-24T09:00:00.000Z',
      updatedAt: '2021-11-24T09:00:00.000Z',
      updatedBy: base.interviews[0]!.interviewerId,
    });
  }
  const dataset: Dataset = { ...base, attachments };
  const files = (sha: string): FileBytes | undefined => {
    const b = store.get(sha);
    return b ? blobFile(b) : undefined;
  };
  const info = { interviewer: { id: base.interviews[0]!.interviewerId, name: 'Bench', organization: 'ESCAP' }, deviceId: 'bench-device', appVersion: 'bench', kind: 'backup' as const };

  // ---- Export -----------------------------------------------------------------------
  gc();
  const exportBase = heap();
  let stop = heapSampler();
  let t0 = performance.now();
  const container = await blobOf(encodeContainer(dataset, info, { files, ...(passphrase ? { passphrase } : {}) }), 'application/zip');
  const exportMs = performance.now() - t0;
  const exportPeak = stop();

  // ---- Import -----------------------------------------------------------------------
  const db = new ReadinessDb(`bench-${Math.random()}`);
  const repo = createRepo(db);
  const blobDb = new Dexie(`bench-blobs-${Math.random()}`);
  blobDb.version(1).stores({ blobs: 'sha256' });
  await blobDb.open();
  const blobStore: BlobStore = {
    putBlob: async (sha256, blob) => void (await blobDb.table('blobs').put({ sha256, blob })),
    getBlob: async (sha256) => ((await blobDb.table('blobs').get(sha256)) as { blob: Blob } | undefined)?.blob,
  };
  gc();
  const importBase = heap();
  stop = heapSampler();
  t0 = performance.now();
  const checked = await checkFiles([{ name: 'bench.rsb', blob: container, ...(passphrase ? { passphrase } : {}) }]);
  const tChecked = performance.now();
  const valid = incoming(checked);
  if (valid.length !== 1) throw new Error(`the container did not validate: ${JSON.stringify(checked[0]!.result.ok ? '' : checked[0]!.result.error)}`);
  const plan = await planFor(repo, undefined, valid);
  const tPlanned = performance.now();
  const written = await writeAttachmentFiles(blobStore, plan, checked);
  const tFiles = performance.now();
  await applyPlan(repo, plan);
  const importMs = performance.now() - t0;
  const importPeak = stop();

  // Spot-check: a stored blob has the bytes of the original.
  const sample = attachments[7]!;
  const stored = await blobStore.getBlob(sample.sha256);
  const same = stored !== undefined && toHex(new Sha256().update(await readAllBytes(blobFile(stored))).digest()) === sample.sha256;
  const json = (checked[0]!.result.ok && JSON.stringify(checked[0]!.result.dataset).length) || 0;
  const interviews = await db.interviews.count();
  db.close();
  await db.delete();
  blobDb.close();
  await Dexie.delete(blobDb.name);
  return {
    containerBytes: container.size,
    attachmentBytes: sizes.reduce((a, b) => a + b, 0),
    largest: Math.max(...sizes),
    jsonChars: json,
    export: { ms: exportMs, base: exportBase, peak: exportPeak },
    import: { ms: importMs, checkMs: tChecked - t0, planMs: tPlanned - tChecked, filesMs: tFiles - tPlanned, recordsMs: performance.now() - tFiles, base: importBase, peak: importPeak },
    written,
    interviews,
    same,
  };
};
document.getElementById('status')!.textContent = 'loaded';
