/// <reference lib="webworker" />
/**
 * Builds the Word report off the main thread so the app stays responsive. Receives the
 * assessment id and options, reads the dataset from IndexedDB itself (handing a large
 * dataset over with postMessage would copy it on the main thread: a long task), posts
 * progress (0…1), then the bytes (transferred, not copied).
 * The chart rasteriser (resvg's WebAssembly and the DejaVu Sans fonts) is fetched as Vite
 * assets the first time a full report is built, so it works offline like the rest.
 */
import { buildReport, createResvgRasterizer, type ChartRasterizer, type ReportOptions } from '../../shared/report';
import { hasNarrative } from '../../shared/narrative';
import { createRepo } from '../db/repo';
import { ReadinessDb } from '../db/schema';
import wasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';

export type ReportRequest = { assessmentId: string; options: Omit<ReportOptions, 'onProgress' | 'rasterizer'> };
export type ReportMessage = { type: 'progress'; fraction: number } | { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const post = (m: ReportMessage, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

let rasterizer: Promise<ChartRasterizer> | undefined;
function chartRasterizer(): Promise<ChartRasterizer> {
  rasterizer ??= (async () => {
    const fonts = await Promise.all([fontUrl, boldFontUrl].map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer())));
    return createResvgRasterizer(fetch(wasmUrl), fonts);
  })();
  return rasterizer;
}

self.onmessage = async (e: MessageEvent<ReportRequest>) => {
  const db = new ReadinessDb();
  try {
    const dataset = await createRepo(db).exportDataset(e.data.assessmentId);
    db.close();
    const { options } = e.data;
    const full = (options.sections ?? (hasNarrative(dataset) ? 'full' : 'annexes')) === 'full';
    const bytes = await buildReport(dataset, { ...options, ...(full ? { rasterizer: await chartRasterizer() } : {}), onProgress: (fraction) => post({ type: 'progress', fraction }) });
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};
