/**
 * Bundles in and out of the database: checking files, planning an import, writing it in
 * one transaction, and exporting. The decisions are in shared/bundle and shared/merge;
 * this module only moves data between them and IndexedDB.
 */
import {
  blobFile,
  blobSource,
  decodeBundleSource,
  encodeContainer,
  memorySource,
  type BlobLike,
  type DecodeResult,
  type DecodeStage,
  type FileBytes,
} from '../../shared/bundle';
import { indexTombstones, isAssessmentDeleted, planImport, type ImportPlan, type IncomingBundle } from '../../shared/merge';
import type { Dataset, Id, Interviewer, Tombstone } from '../../shared/model/types';
import type { ImportProgress, Repo } from './repo';
import type { ImportLogEntry } from './schema';

export interface CheckedFile {
  name: string;
  result: DecodeResult;
}

/** A file to import: a browser File/Blob (read in ranges, never whole) or bytes already in memory. */
export interface FileToCheck {
  name: string;
  blob?: BlobLike;
  bytes?: Uint8Array;
  passphrase?: string;
}

/** Decodes every file, one after another, reporting progress. Nothing is written. */
export async function checkFiles(
  files: ReadonlyArray<FileToCheck>,
  onProgress?: (done: number, total: number) => void,
  onStage?: (stage: DecodeStage) => void,
): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const [i, f] of files.entries()) {
    onProgress?.(i, files.length);
    const source = f.blob ? blobSource(f.blob) : memorySource(f.bytes ?? new Uint8Array(0));
    const result = await decodeBundleSource(source, { fileName: f.name, ...(f.passphrase ? { passphrase: f.passphrase } : {}), ...(onStage ? { onStage } : {}) });
    out.push({ name: f.name, result });
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

/**
 * Restoring a deleted assessment from a backup. Merging alone cannot do it: the backup's
 * assessment record is older than the deletion, so the tombstone wins (as it must when an
 * old bundle comes in after a deletion made elsewhere). So an import restores explicitly:
 * when the merged assessment is deleted but one of the files imported still has it live (a
 * backup made before the deletion), the preview says so and the import writes the
 * assessment again with a newer `updatedAt` — the same "write it again" as undo; the
 * tombstone stays in the history. A file that itself carries the deletion restores nothing.
 * Returns the deletion being undone, or undefined.
 */
export function assessmentRestore(plan: ImportPlan, files: readonly IncomingBundle[]): Tombstone | undefined {
  if (!isAssessmentDeleted(plan.merged)) return undefined;
  const backup = files.some((f) => f.dataset.assessment.id === plan.assessmentId && !isAssessmentDeleted(f.dataset));
  return backup ? indexTombstones(plan.merged.tombstones).assessment.get(plan.assessmentId) : undefined;
}

/** The plan with its assessment written again, newer than `deletion` (see assessmentRestore). */
export function withRestore(plan: ImportPlan, deletion: Tombstone, now: () => string = () => new Date().toISOString()): ImportPlan {
  const t = now();
  const updatedAt = t > deletion.at ? t : new Date(Date.parse(deletion.at) + 1).toISOString();
  return { ...plan, writes: { ...plan.writes, assessment: { ...plan.merged.assessment, updatedAt } } };
}

/**
 * Where attachment bytes live: content-addressed Blobs. Provided by the storage layer
 * (repo.putBlob / repo.getBlob); until a repo has them, exports carry no attachment bytes
 * of their own and imports skip writing bytes (there are no attachment records to point
 * at them either).
 */
export interface BlobStore {
  putBlob(sha256: string, blob: Blob): Promise<void>;
  getBlob(sha256: string): Promise<Blob | undefined>;
}

/** The repo's blob store, when it has one. */
export function blobStoreOf(repo: unknown): BlobStore | undefined {
  const r = repo as Partial<BlobStore>;
  return typeof r.putBlob === 'function' && typeof r.getBlob === 'function' ? (r as BlobStore) : undefined;
}

/**
 * A Blob of a stream of chunks. Every 8 MiB the pending chunks become a Blob of their own
 * (the browser moves Blob data out of the JS heap), and the result is one Blob over those
 * parts: no chunk piles up in the heap, and no part is copied twice.
 */
export async function blobOf(chunks: AsyncIterable<Uint8Array>, type = 'application/octet-stream'): Promise<Blob> {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const c of chunks) {
    pending.push(c);
    pendingBytes += c.length;
    if (pendingBytes >= 8 * 1024 * 1024) {
      parts.push(new Blob(pending as BlobPart[]));
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pending.length > 0) parts.push(new Blob(pending as BlobPart[]));
  return new Blob(parts, { type });
}

/**
 * Writes the bytes of every attachment the plan imports, from the checked files (each
 * re-read and re-verified as it streams into a Blob), before the records. Blobs are
 * content-addressed, so one written for an import that then fails is harmless.
 */
export async function writeAttachmentFiles(store: BlobStore, plan: ImportPlan, files: readonly CheckedFile[]): Promise<number> {
  const available = new Map<string, FileBytes>();
  for (const f of files) if (f.result.ok) for (const [sha, bytes] of f.result.files) if (!available.has(sha)) available.set(sha, bytes);
  let written = 0;
  const done = new Set<string>();
  for (const a of plan.writes.attachments) {
    if (done.has(a.sha256)) continue;
    done.add(a.sha256);
    const bytes = available.get(a.sha256);
    if (!bytes) continue; // deleted by a tombstone and left out of the bundle
    if (await store.getBlob(a.sha256)) continue;
    await store.putBlob(a.sha256, await blobOf(bytes.chunks(), a.mediaType));
    written++;
  }
  return written;
}

/** Writes a plan: attachment bytes first, then all its records and one log entry per file, in one transaction. */
export async function applyPlan(
  repo: Repo,
  plan: ImportPlan,
  now: () => string = () => new Date().toISOString(),
  files: readonly CheckedFile[] = [],
  onProgress?: ImportProgress,
): Promise<void> {
  const store = blobStoreOf(repo);
  if (store) await writeAttachmentFiles(store, plan, files);
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

/** An attachment's bytes from the blob store, for the container writer. */
function storeFiles(store: BlobStore | undefined): (sha256: string) => Promise<FileBytes | undefined> {
  return async (sha256) => {
    const blob = await store?.getBlob(sha256);
    return blob ? blobFile(blob) : undefined;
  };
}

/**
 * Builds the bundle for an export: a format 2 container, as a Blob assembled chunk by chunk
 * (attachments streamed from the blob store). The caller seals the revisions once it is saved.
 */
export async function exportBundle(
  repo: Repo,
  opts: { assessmentId: Id; interviewIds?: readonly Id[]; who: Interviewer; appVersion: string; passphrase?: string; kind: 'interviews' | 'backup'; store?: BlobStore },
): Promise<{ blob: Blob; dataset: Dataset }> {
  const dataset = await repo.exportDataset(opts.assessmentId, opts.interviewIds);
  const chunks = encodeContainer(
    dataset,
    { interviewer: { id: opts.who.id, name: opts.who.name, organization: opts.who.organization }, deviceId: opts.who.deviceId, appVersion: opts.appVersion, kind: opts.kind },
    { files: storeFiles(opts.store ?? blobStoreOf(repo)), ...(opts.passphrase ? { passphrase: opts.passphrase } : {}) },
  );
  return { blob: await blobOf(chunks, 'application/zip'), dataset };
}
