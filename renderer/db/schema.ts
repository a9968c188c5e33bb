/**
 * The IndexedDB schema (Dexie). This module and renderer/db/repo.ts are the only code that
 * touches IndexedDB. Every schema change is a new version here with an upgrade function,
 * and tests/unit/db/upgrade.test.ts opens a database written by the previous version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  AnswerRevision,
  Assessment,
  ConsolidatedRevision,
  Interview,
  Stakeholder,
} from '../../shared/model/types';

export const DB_NAME = 'readiness-studio';

/** Local-only bookkeeping on a stored revision: 1 once it has left this device in a bundle. */
export interface Sealable {
  sealed: 0 | 1;
}
export type StoredAnswer = AnswerRevision & Sealable;
export type StoredConsolidated = ConsolidatedRevision & Sealable;

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

export class ReadinessDb extends Dexie {
  meta!: EntityTable<MetaRecord, 'key'>;
  assessments!: EntityTable<Assessment, 'id'>;
  stakeholders!: EntityTable<Stakeholder, 'id'>;
  interviews!: EntityTable<Interview, 'id'>;
  answers!: EntityTable<StoredAnswer, 'id'>;
  consolidated!: EntityTable<StoredConsolidated, 'id'>;
  imports!: EntityTable<ImportLogEntry, 'id'>;

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
  }
}
