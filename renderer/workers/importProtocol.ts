/**
 * Messages between the import panel and the import worker (renderer/workers/import.worker.ts),
 * and the summary of a plan the page shows: counts, not records, so nothing large crosses
 * to the main thread.
 */
import type { BundleError, BundleManifest, BundleWarning } from '../../shared/bundle';
import type { ImportCounts, ImportPlan, MergedCycle } from '../../shared/merge';
import type { Id } from '../../shared/model/types';

export type ImportRequest =
  /** The file as a Blob (a File, or the bytes the desktop bridge read): the worker reads it, not the page. */
  | { type: 'check'; key: string; name: string; blob: Blob; passphrase?: string }
  /** `asOwn`: import into the files' own assessment, whatever exists (another assessment's file). */
  | { type: 'plan'; keys: readonly string[]; assessmentId?: Id; asOwn?: boolean }
  | { type: 'apply' }
  | { type: 'forget'; keys: readonly string[] };

/** A checked file as the page sees it: the manifest and warnings, never the dataset. */
export type CheckedSummary =
  | { ok: true; manifest: BundleManifest; encrypted: boolean; warnings: readonly BundleWarning[]; formatVersion: number }
  | { ok: false; error: BundleError };

export interface FileSummary {
  readonly fileName: string;
  readonly bundleId: string;
  readonly assessmentTitle: string;
  readonly assessmentDiffers: boolean;
  readonly counts: ImportCounts;
  readonly newConflicts: number;
  readonly duplicateStakeholders: number;
}

export interface PlanSummary {
  readonly assessmentId: Id;
  readonly files: readonly FileSummary[];
  readonly totals: ImportCounts;
  readonly newConflicts: number;
  readonly duplicateStakeholders: number;
  readonly revisionCycles: readonly MergedCycle[];
  /** The import restores a deleted assessment (a backup of it): who deleted it, and when. */
  readonly restores?: { readonly at: string; readonly byName: string };
}

/** The `failed` message of a check whose file could not be read (moved, changed or removed since it was chosen). */
export const UNREADABLE = 'unreadable';

export type ImportResponse =
  | { type: 'progress'; key: string; fraction: number }
  | { type: 'checked'; key: string; result: CheckedSummary }
  | { type: 'planned'; plan: PlanSummary | undefined }
  | { type: 'applied'; assessmentId: Id }
  | { type: 'failed'; request: ImportRequest['type']; message: string };

export function summarisePlan(p: ImportPlan): PlanSummary {
  return {
    assessmentId: p.assessmentId,
    files: p.files.map((f) => ({
      fileName: f.fileName,
      bundleId: f.manifest.bundleId,
      assessmentTitle: f.assessmentTitle,
      assessmentDiffers: f.assessmentDiffers,
      counts: f.counts,
      newConflicts: f.newConflicts.length,
      duplicateStakeholders: f.duplicateStakeholders.length,
    })),
    totals: p.totals,
    newConflicts: p.newConflicts.length,
    duplicateStakeholders: p.duplicateStakeholders.length,
    revisionCycles: p.revisionCycles,
  };
}
