/**
 * The page's side of the import worker: if the worker dies on one file, that file alone is
 * reported, a new worker takes over, and the files checked before are checked again in it.
 */
import { describe, expect, it } from 'vitest';
import { ImportWorker, WorkerCrashed } from '../../../renderer/screens/exchange/importWorker';
import type { CheckedSummary, ImportRequest, ImportResponse } from '../../../renderer/workers/importProtocol';

/** A stand-in worker: answers checks at once, dies on a file named "poison.rsb". */
class FakeWorker {
  static created: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly seen: string[] = [];
  terminated = false;
  constructor() {
    FakeWorker.created.push(this);
  }
  postMessage(m: ImportRequest) {
    queueMicrotask(() => {
      if (m.type === 'check') {
        this.seen.push(m.name);
        if (m.name === 'poison.rsb') return this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
        this.onmessage?.({ data: { type: 'progress', key: m.key, fraction: 0.5 } } as MessageEvent<ImportResponse>);
        const result: CheckedSummary = m.name.startsWith('good')
          ? { ok: true, manifest: {} as never, encrypted: false, warnings: [], formatVersion: 2 }
          : { ok: false, error: { code: 'notJson', params: { file: m.name } } };
        const data: ImportResponse = { type: 'checked', key: m.key, result };
        this.onmessage?.({ data } as MessageEvent<ImportResponse>);
      } else if (m.type === 'plan') {
        this.onmessage?.({ data: { type: 'planned', plan: undefined } } as MessageEvent<ImportResponse>);
      }
    });
  }
  terminate() {
    this.terminated = true;
  }
}

describe('ImportWorker', () => {
  it('isolates a file that kills the worker and carries on with the others', async () => {
    FakeWorker.created = [];
    const w = new ImportWorker(() => new FakeWorker() as unknown as Worker);
    const blob = new Blob(['x']);
    const progress: number[] = [];
    expect(await w.check({ key: 'g', name: 'good.rsb', blob }, (f) => progress.push(f))).toMatchObject({ ok: true });
    expect(await w.check({ key: 'a', name: 'a.rsb', blob })).toMatchObject({ ok: false, error: { code: 'notJson' } });
    expect(progress).toEqual([0.5]);
    await expect(w.check({ key: 'p', name: 'poison.rsb', blob })).rejects.toBeInstanceOf(WorkerCrashed);
    expect(FakeWorker.created[0]!.terminated).toBe(true);
    expect(await w.check({ key: 'b', name: 'b.rsb', blob })).toMatchObject({ ok: false });
    expect(FakeWorker.created).toHaveLength(2);
    // The new worker got the valid file checked before the crash again, then the next one.
    expect(FakeWorker.created[1]!.seen).toEqual(['good.rsb', 'b.rsb']);
    expect(await w.plan(['b'])).toBeUndefined();
  });
});
