/**
 * Bundles in and out of the database: checking files, planning an import, writing it in
 * one transaction, and exporting. The decisions are in shared/bundle and shared/merge;
 * this module only moves data between them and IndexedDB.
 */
import { decodeBundle, encodeBundle, type DecodeResult, type DecodeStage } from '../../shared/bundle';
import { planImport, type ImportPlan, type IncomingBundle } from '../../shared/merge';
import type { Dataset, Id, Interviewer } from '../../shared/model/types';
import type { ImportProgress, Repo } from './repo';
import type { ImportLogEntry } from './schema';

export interface CheckedFile {
  name: string;
  bytes: Uint8Array;
  result: DecodeResult;
}

/** Decodes every file, one after another, reporting progress. Nothing is written. */
export async function checkFiles(
  files: ReadonlyArray<{ name: string; bytes: Uint8Array; passphrase?: string }>,
  onProgress?: (done: number, total: number) => void,
  onStage?: (stage: DecodeStage) => void,
): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const [i, f] of files.entries()) {
    onProgress?.(i, files.length);
    const result = await decodeBundle(f.bytes, { fileName: f.name, ...(f.passphrase ? { passphrase: f.passphrase } : {}), ...(onStage ? { onStage } : {}) });
    out.push({ name: f.name, bytes: f.bytes, result });
    // Let the progress bar paint between files.
    await new Promise((r) => setTimeout(r, 0));
  }
  onProgress?.(files.length, files.length);
  return out;
}

export function incoming(files: readonly CheckedFile[]): IncomingBundle[] {
  return files.flatMap((f) => (f.result.ok ? [{ fileName: f.name, manifest: f.result.manifest, dataset: f.result.dataset }] : []));
}

/** The plan for importing valid files into an assessment (or into a new one when `assessmentId` is undefined). */
export async function planFor(repo: Repo, assessmentId: Id | undefined, files: readonly IncomingBundle[]): Promise<ImportPlan> {
  const existing = assessmentId && (await repo.db.assessments.get(assessmentId)) ? await repo.exportDataset(assessmentId) : undefined;
  return planImport(existing, files);
}

/** Writes a plan: all its records and one log entry per file, in one transaction. */
export async function applyPlan(repo: Repo, plan: ImportPlan, now: () => string = () => new Date().toISOString(), onProgress?: ImportProgress): Promise<void> {
  const at = now();
  const log: ImportLogEntry[] = plan.files
    .filter((f) => !f.assessmentDiffers)
    .map((f) => ({
      id: crypto.randomUUID(),
      assessmentId: plan.assessmentId,
      at,
      fileName: f.fileName,
      payloadSha256: f.manifest.payloadSha256,
      bundleId: f.manifest.bundleId,
      interviewerName: f.manifest.interviewer.name,
      deviceId: f.manifest.deviceId,
      counts: f.manifest.counts,
      added: { stakeholders: f.counts.stakeholders.new, interviews: f.counts.interviews.new, answers: f.counts.answers.new, consolidated: f.counts.consolidated.new },
      conflicts: f.newConflicts.length,
    }));
  const w = plan.writes;
  await repo.applyImport(
    {
      assessments: w.assessment ? [w.assessment] : [],
      stakeholders: [...w.stakeholders],
      interviews: [...w.interviews],
      answers: [...w.answers],
      consolidated: [...w.consolidated],
      texts: [...w.texts],
      tombstones: [...w.tombstones],
      attachments: [...w.attachments],
    },
    log,
    onProgress,
  );
}

/** "readiness-aigerim-sarsenbayeva-2026-11-25.rsb": who and when, safe on every file system. */
export function suggestedBundleName(interviewerName: string, date: Date, kind: 'interviews' | 'backup'): string {
  const slug =
    interviewerName
      .normalize('NFC')
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'interviewer';
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `readiness-${kind === 'backup' ? 'backup-' : ''}${slug}-${day}.rsb`;
}

/** Builds the bundle bytes for an export; the caller seals the revisions once it is saved. */
export async function exportBundle(
  repo: Repo,
  opts: { assessmentId: Id; interviewIds?: readonly Id[]; who: Interviewer; appVersion: string; passphrase?: string; kind: 'interviews' | 'backup' },
): Promise<{ bytes: Uint8Array; dataset: Dataset }> {
  const dataset = await repo.exportDataset(opts.assessmentId, opts.interviewIds);
  const bytes = await encodeBundle(
    dataset,
    { interviewer: { id: opts.who.id, name: opts.who.name, organization: opts.who.organization }, deviceId: opts.who.deviceId, appVersion: opts.appVersion, kind: opts.kind },
    opts.passphrase ? { passphrase: opts.passphrase } : {},
  );
  return { bytes, dataset };
}
