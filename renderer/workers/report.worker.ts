/// <reference lib="webworker" />
/**
 * Builds the Word report off the main thread so the app stays responsive. Receives the
 * assessment id and options, reads the dataset from IndexedDB itself (handing a large
 * dataset over with postMessage would copy it on the main thread: a long task), posts
 * progress (0…1), then the bytes (transferred, not copied).
 */
import { buildReport, type ReportOptions } from '../../shared/report';
import { createRepo } from '../db/repo';
import { ReadinessDb } from '../db/schema';

export type ReportRequest = { assessmentId: string; options: Omit<ReportOptions, 'onProgress'> };
export type ReportMessage = { type: 'progress'; fraction: number } | { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const post = (m: ReportMessage, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ReportRequest>) => {
  const db = new ReadinessDb();
  try {
    const dataset = await createRepo(db).exportDataset(e.data.assessmentId);
    db.close();
    const bytes = await buildReport(dataset, { ...e.data.options, onProgress: (fraction) => post({ type: 'progress', fraction }) });
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};
