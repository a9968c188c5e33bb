/**
 * The page's side of the import worker: one request at a time, as promises. If the worker
 * dies while checking a file (a bug, or the browser running out of memory), that file is
 * reported as failed and a new worker takes over: the files checked before are checked
 * again in it, silently, so one bad file never stops the others.
 */
import type { Id } from '../../../shared/model/types';
import type { CheckedSummary, ImportRequest, ImportResponse, PlanSummary } from '../../workers/importProtocol';

type CheckRequest = Extract<ImportRequest, { type: 'check' }>;

export class WorkerCrashed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashed';
  }
}

export class ImportWorker {
  private worker: Worker | undefined;
  /** Checked files the current worker holds, to check again after a crash. */
  private readonly kept = new Map<string, CheckRequest>();
  private queue: Promise<unknown> = Promise.resolve();
  private pending: { onMessage(m: ImportResponse): void; onCrash(message: string): void } | undefined;

  constructor(private readonly create: () => Worker = () => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' })) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent<ImportResponse>) => this.pending?.onMessage(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crashed(e.message || 'the checker stopped');
    };
    w.onmessageerror = () => this.crashed('a message could not be read');
    this.worker = w;
    return w;
  }

  private crashed(message: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    const p = this.pending;
    this.pending = undefined;
    p?.onCrash(message);
  }

  /** Sends one request and waits for its answer; requests never overlap. */
  private request<T>(m: ImportRequest, answer: (r: ImportResponse) => T | undefined, onProgress?: (r: ImportResponse) => void): Promise<T> {
    const run = () =>
      new Promise<T>((resolve, reject) => {
        this.pending = {
          onMessage: (r) => {
            if (r.type === 'progress') return onProgress?.(r);
            if (r.type === 'failed') {
              this.pending = undefined;
              return reject(new Error(r.message));
            }
            const value = answer(r);
            if (value === undefined) return;
            this.pending = undefined;
            resolve(value);
          },
          onCrash: (message) => reject(new WorkerCrashed(message)),
        };
        // Files cross as Blobs (references): the worker reads the bytes, the page never copies them.
        this.ensure().postMessage(m);
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** After a crash: the new worker gets the files the old one held. */
  private async restore(): Promise<void> {
    if (this.worker) return;
    for (const m of [...this.kept.values()]) {
      await this.request(m, (r) => (r.type === 'checked' && r.key === m.key ? true : undefined)).catch(() => this.kept.delete(m.key));
    }
  }

  async check(m: Omit<CheckRequest, 'type'>, onProgress?: (fraction: number) => void): Promise<CheckedSummary> {
    await this.restore();
    const req: CheckRequest = { type: 'check', ...m };
    try {
      const result = await this.request(
        req,
        (r) => (r.type === 'checked' && r.key === m.key ? r.result : undefined),
        (r) => r.type === 'progress' && r.key === m.key && onProgress?.(r.fraction),
      );
      if (result.ok) this.kept.set(m.key, req);
      else this.kept.delete(m.key);
      return result;
    } catch (err) {
      this.kept.delete(m.key);
      throw err;
    }
  }

  async plan(keys: readonly string[], opts: { assessmentId?: Id; asOwn?: boolean } = {}): Promise<PlanSummary | undefined> {
    await this.restore();
    return this.request({ type: 'plan', keys, ...opts }, (r) => (r.type === 'planned' ? { plan: r.plan } : undefined)).then((r) => r.plan);
  }

  async apply(): Promise<Id> {
    return this.request({ type: 'apply' }, (r) => (r.type === 'applied' ? r.assessmentId : undefined));
  }

  forget(keys: readonly string[]): void {
    for (const k of keys) this.kept.delete(k);
    // No answer to wait for: the worker drops the data when it gets to this message.
    this.worker?.postMessage({ type: 'forget', keys } satisfies ImportRequest);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.kept.clear();
  }
}
