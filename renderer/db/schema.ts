/**
 * The IndexedDB schema (Dexie). This module and renderer/db/repo.ts are the only code that
 * touches IndexedDB. Every schema change is a new version here with an upgrade function,
 * and tests/unit/db/upgrade.test.ts opens a database written by the previous version.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  AnswerRevision,
  AnswerValue,
  Assessment,
  Attachment,
  ConsolidatedRevision,
  Id,
  Interview,
  Interviewer,
  Stakeholder,
  TextRevision,
  Tombstone,
} from '../../shared/model/types';

export const DB_NAME = 'readiness-studio';

/** Schema 2–3: local-only bookkeeping on a stored revision, 1 once it has left this device in a bundle. */
export interface Sealable {
  sealed: 0 | 1;
}
/** Schema 2–3: one row per revision (read only by the upgrade to 4). */
export type StoredAnswer = AnswerRevision & Sealable;
export type StoredConsolidated = ConsolidatedRevision & Sealable;

/**
 * Schema 4: the revisions of one owner in one record (IndexedDB pays per record, not per
 * byte: docs/decisions.md). `editable` lists the revisions written on this device that
 * have not left it in a bundle: only those are edited in place. A revision not listed is
 * sealed, so a revision that arrives by import is sealed without further bookkeeping.
 */
export interface RevisionGroup<R> {
  revisions: R[];
  editable: Id[];
}

/** All answer revisions of one interview. */
export interface AnswerGroup extends RevisionGroup<AnswerRevision> {
  interviewId: Id;
  assessmentId: Id;
}

/** The consolidated answers of one checklist section of an assessment (see consolidatedBucket). */
export interface ConsolidatedGroup extends RevisionGroup<ConsolidatedRevision> {
  assessmentId: Id;
  bucket: string;
}

/** The text revisions of one family of keys in one language of an assessment (see textBucket). */
export interface TextGroup extends RevisionGroup<TextRevision> {
  assessmentId: Id;
  bucket: string;
}

/** Every deletion recorded in an assessment (few; never edited). */
export interface TombstoneGroup {
  assessmentId: Id;
  tombstones: Tombstone[];
}

/** The bytes of an attachment, stored once per content (key: SHA-256, lower-case hex). */
export interface BlobRecord {
  sha256: string;
  blob: Blob;
  size: number;
}

/**
 * An answer edit written ahead of its interview's record: small, so it is written on
 * every keystroke; folded into the AnswerGroup (and deleted in the same transaction)
 * within a second, or at the next start if the app was killed first.
 */
export interface PendingEditRecord {
  /** `${interviewId}|${questionId}`. */
  key: string;
  slot: { assessmentId: Id; interviewId: Id; questionId: string };
  value: AnswerValue;
  who: Interviewer;
  /** When it was typed: the time of the revision it becomes. */
  at: string;
  /** Strictly increasing per edit (from the clock): the fold deletes only what it has written. */
  seq: number;
}

/**
 * The group a consolidated answer lives in: its checklist section, the first segment of the
 * question id ("A2" for A2.1.1, "I" for I.A.1, "APP" for APP.2.3). About 20 small records
 * per assessment, so an edit rewrites tens of KB, not the whole consolidation.
 */
export function consolidatedBucket(questionId: string): string {
  const dot = questionId.indexOf('.');
  return dot < 0 ? questionId : questionId.slice(0, dot);
}

/**
 * The group a text lives in: its language and key family (`section`, `finding`, `rec`,
 * `action`, `survey`, `name`, …); translations of consolidated answers are further split by
 * checklist section, like the answers they translate.
 */
export function textBucket(key: string, lang: string): string {
  const colon = key.indexOf(':');
  const family = colon < 0 ? key : key.slice(0, colon);
  return family === 'consolidated' ? `${lang}|consolidated:${consolidatedBucket(key.slice(colon + 1))}` : `${lang}|${family}`;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One imported file, as the lead sees it in the import log. */
export interface ImportLogEntry {
  id: string;
  assessmentId: string;
  at: string;
  fileName: string;
  /** SHA-256 of the file's payload as recorded in its manifest. */
  payloadSha256: string;
  bundleId: string;
  interviewerName: string;
  deviceId: string;
  counts: { stakeholders: number; interviews: number; answers: number; consolidated: number };
  added: { stakeholders: number; interviews: number; answers: number; consolidated: number };
  conflicts: number;
}

/**
 * Version history:
 *  1 — assessments, stakeholders, interviews, answers (revisions), meta.
 *  2 — consolidated answers and the import log; answers get `sealed` (exported or imported
 *      revisions are immutable) — existing answers start unsealed.
 *  3 — fewer indexes on the revision tables (every index costs time on a large import):
 *      `sealed` is never queried, and answers of an interview are found through the
 *      [interviewId+questionId] index.
 *  4 — revisions grouped per owner (one record per interview, per checklist section of the
 *      consolidation, per text family and language), `sealed` replaced by each group's
 *      `editable` list; format 2's texts, tombstones, attachments and attachment bytes;
 *      answer edits written ahead per slot. The upgrade moves every revision in the
 *      versionchange transaction and then drops `answers` and `consolidated`.
 */
export const SCHEMA_V1 = {
  meta: 'key',
  assessments: 'id, updatedAt',
  stakeholders: 'id, assessmentId, organization',
  interviews: 'id, assessmentId',
  answers: 'id, [interviewId+questionId], interviewId, assessmentId',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  answers: 'id, [interviewId+questionId], interviewId, assessmentId, sealed',
  consolidated: 'id, [assessmentId+questionId], assessmentId, sealed',
  imports: 'id, assessmentId, at',
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  answers: 'id, [interviewId+questionId], assessmentId',
  consolidated: 'id, [assessmentId+questionId]',
} as const;

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  answers: null,
  consolidated: null,
  // `*editable` finds the few groups holding unsealed revisions without reading the rest.
  answerGroups: 'interviewId, assessmentId, *editable',
  consolidatedGroups: '[assessmentId+bucket], *editable',
  textGroups: '[assessmentId+bucket], *editable',
  tombstoneGroups: 'assessmentId',
  attachments: 'id, assessmentId',
  blobs: 'sha256',
  pendingEdits: 'key',
} as const;

/**
 * v3 → v4: every revision row into its group record, in the versionchange transaction (a
 * failure aborts it and leaves the v3 database as it was). Unsealed revisions become the
 * group's `editable` list.
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const answers = new Map<Id, AnswerGroup>();
  await tx.table('answers').each((row: StoredAnswer) => {
    const { sealed, ...revision } = row;
    let g = answers.get(revision.interviewId);
    if (!g) answers.set(revision.interviewId, (g = { interviewId: revision.interviewId, assessmentId: revision.assessmentId, revisions: [], editable: [] }));
    g.revisions.push(revision);
    if (sealed !== 1) g.editable.push(revision.id);
  });
  const consolidated = new Map<string, ConsolidatedGroup>();
  await tx.table('consolidated').each((row: StoredConsolidated) => {
    const { sealed, ...revision } = row;
    const bucket = consolidatedBucket(revision.questionId);
    const key = `${revision.assessmentId}|${bucket}`;
    let g = consolidated.get(key);
    if (!g) consolidated.set(key, (g = { assessmentId: revision.assessmentId, bucket, revisions: [], editable: [] }));
    g.revisions.push(revision);
    if (sealed !== 1) g.editable.push(revision.id);
  });
  await tx.table('answerGroups').bulkPut([...answers.values()]);
  await tx.table('consolidatedGroups').bulkPut([...consolidated.values()]);
}

export class ReadinessDb extends Dexie {
  meta!: EntityTable<MetaRecord, 'key'>;
  assessments!: EntityTable<Assessment, 'id'>;
  stakeholders!: EntityTable<Stakeholder, 'id'>;
  interviews!: EntityTable<Interview, 'id'>;
  imports!: EntityTable<ImportLogEntry, 'id'>;
  answerGroups!: EntityTable<AnswerGroup, 'interviewId'>;
  consolidatedGroups!: Table<ConsolidatedGroup, [Id, string]>;
  textGroups!: Table<TextGroup, [Id, string]>;
  tombstoneGroups!: EntityTable<TombstoneGroup, 'assessmentId'>;
  attachments!: EntityTable<Attachment, 'id'>;
  blobs!: EntityTable<BlobRecord, 'sha256'>;
  pendingEdits!: EntityTable<PendingEditRecord, 'key'>;

  constructor(name = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // 'strict' durability: a committed transaction has reached the disk (Chromium otherwise
    // acknowledges before flushing, and a power cut could lose the last seconds of typing).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('answers')
          .toCollection()
          .modify((a: Partial<StoredAnswer>) => {
            if (a.sealed === undefined) a.sealed = 0;
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  }
}
