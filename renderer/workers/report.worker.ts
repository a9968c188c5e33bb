/// <reference lib="webworker" />
/**
 * Builds the Word report off the main thread so the app stays responsive. Receives the
 * dataset and options, posts progress (0…1), then the bytes (transferred, not copied).
 */
import { buildReport, type ReportOptions } from '../../shared/report';
import type { Dataset } from '../../shared/model/types';

export type ReportRequest = { dataset: Dataset; options: Omit<ReportOptions, 'onProgress'> };
export type ReportMessage = { type: 'progress'; fraction: number } | { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const post = (m: ReportMessage, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ReportRequest>) => {
  try {
    const bytes = await buildReport(e.data.dataset, { ...e.data.options, onProgress: (fraction) => post({ type: 'progress', fraction }) });
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
