/// <reference lib="webworker" />
/**
 * Reads, checks, plans and writes imports off the main thread, so the page stays
 * responsive however large or hostile a file is (no main-thread task over 100 ms while a
 * 35 MB bundle is checked). The decoded datasets and the plan stay here; the page only
 * receives what it shows: per-file results, progress and a summary of the plan. The
 * worker opens its own connection to the app's database (the page checked its version
 * before starting anything, see renderer/db/open.ts).
 */
import type { DecodeOk, DecodeStage } from '../../shared/bundle';
import type { ImportPlan } from '../../shared/merge';
import type { Tombstone } from '../../shared/model/types';
import { applyPlan, assessmentRestore, checkFiles, planFor, withRestore, type CheckedFile } from '../db/exchange';
import { createRepo } from '../db/repo';
import { ReadinessDb } from '../db/schema';
import { summarisePlan, UNREADABLE, type ImportRequest, type ImportResponse } from './importProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: ImportResponse) => scope.postMessage(m);

let repo: ReturnType<typeof createRepo> | undefined;
const db = () => (repo ??= createRepo(new ReadinessDb()));

/** Decoded files by key, kept until the page forgets them. */
const checked = new Map<string, CheckedFile>();
let plan: ImportPlan | undefined;
/** The deletion of the assessment this import undoes (a backup of a deleted assessment), if any. */
let restore: Tombstone | undefined;

/** How far through one file each stage is, for the progress bar. */
const STAGE: Record<DecodeStage, number> = { scan: 0.05, parse: 0.25, decrypt: 0.35, payload: 0.6, records: 0.8 };

async function handle(m: ImportRequest): Promise<void> {
  switch (m.type) {
    case 'check': {
      let reached = 0;
      // The Blob itself: the reader takes the ranges it needs (a container entry by entry).
      if (!(m.blob instanceof Blob)) throw new Error(UNREADABLE);
      const [file] = await checkFiles([{ name: m.name, blob: m.blob, ...(m.passphrase ? { passphrase: m.passphrase } : {}) }], undefined, (stage) => {
        reached = Math.max(reached, STAGE[stage]);
        post({ type: 'progress', key: m.key, fraction: reached });
      });
      const f = file!;
      // Only the decoded data is kept (a container's attachments are re-read from the Blob when written).
      checked.set(m.key, f);
      const r = f.result;
      post({
        type: 'checked',
        key: m.key,
        result: r.ok ? { ok: true, manifest: r.manifest, encrypted: r.encrypted, warnings: r.warnings, formatVersion: r.formatVersion } : { ok: false, error: r.error },
      });
      return;
    }
    case 'plan': {
      const files = m.keys.flatMap((k) => {
        const f = checked.get(k);
        return f && f.result.ok ? [{ fileName: f.name, manifest: f.result.manifest, dataset: (f.result as DecodeOk).dataset }] : [];
      });
      let target = m.assessmentId;
      if (target === undefined && !m.asOwn) {
        // From the home screen: the assessment of the first file, if this computer has it.
        const id = files[0]?.dataset.assessment.id;
        target = id && (await db().db.assessments.get(id)) ? id : undefined;
      }
      plan = files.length > 0 ? await planFor(db(), target, files) : undefined;
      restore = plan ? assessmentRestore(plan, files) : undefined;
      post({ type: 'planned', plan: plan ? { ...summarisePlan(plan), ...(restore ? { restores: { at: restore.at, byName: restore.byName } } : {}) } : undefined });
      return;
    }
    case 'apply': {
      if (!plan) throw new Error('nothing planned');
      await applyPlan(db(), restore ? withRestore(plan, restore) : plan, undefined, [...checked.values()]);
      post({ type: 'applied', assessmentId: plan.assessmentId });
      plan = undefined;
      restore = undefined;
      return;
    }
    case 'forget':
      for (const k of m.keys) checked.delete(k);
      plan = undefined;
      restore = undefined;
      return;
  }
}

scope.onmessage = (e: MessageEvent<ImportRequest>) => {
  handle(e.data).catch((err: unknown) => post({ type: 'failed', request: e.data.type, message: err instanceof Error ? err.message : String(err) }));
};
