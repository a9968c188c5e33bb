import type { DataioMessage, DataioRequest } from '../../workers/dataio.worker';

/** Runs one request in a fresh data-exchange worker; resolves to the bytes. */
export function runDataioWorker(request: DataioRequest): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../workers/dataio.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<DataioMessage>) => {
      worker.terminate();
      if (e.data.type === 'done') resolve(e.data.bytes);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage(request);
  });
}

/** A file name safe on every system: letters, digits and dashes. */
export function fileSafe(s: string, fallback: string): string {
  return s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || fallback;
}
