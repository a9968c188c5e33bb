/**
 * Repository functions over the Dexie database: the only way the app reads and writes
 * persisted data. Every write that must be atomic is one transaction. Clock and id
 * generator are injectable so tests are deterministic.
 */
import Dexie, { type EntityTable } from 'dexie';
import { current, heads, planEdit } from '../../shared/answers/revisions';
import { CATALOGUE_VERSION } from '../../shared/checklist/catalogue';
import type { Lang } from '../../shared/i18n';
import type {
  AnswerValue,
  Assessment,
  ChecklistPart,
  ConsolidatedValue,
  Dataset,
  Id,
  Interview,
  Interviewer,
  Sector,
  Stakeholder,
} from '../../shared/model/types';
import type { ImportLogEntry, ReadinessDb, StoredAnswer, StoredConsolidated } from './schema';

export interface RepoOptions {
  now?: () => string;
  newId?: () => string;
}

export interface NewAssessment {
  country: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  reportLanguages: Lang[];
}

export interface NewStakeholder {
  organization: string;
  honorific?: string;
  name: string;
  position: string;
  sector: Sector;
  contacts?: string;
  notes?: string;
}

export interface NewInterview {
  assessmentId: Id;
  stakeholderIds: Id[];
  organization: string;
  date: string;
  place: string;
  language: Lang;
  parts: ChecklistPart[];
}

/** Records an import writes, already merged and checked by shared/merge. */
export interface ImportRecords {
  assessments: Assessment[];
  stakeholders: Stakeholder[];
  interviews: Interview[];
  answers: Dataset['answers'];
  consolidated: Dataset['consolidated'];
}

const strip = <T extends { sealed?: unknown }>(r: T): Omit<T, 'sealed'> => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { sealed, ...rest } = r;
  return rest;
};

export function createRepo(db: ReadinessDb, options: RepoOptions = {}) {
  const now = options.now ?? (() => new Date().toISOString());
  const newId = options.newId ?? (() => crypto.randomUUID());

  async function metaGet<T>(key: string): Promise<T | undefined> {
    return (await db.meta.get(key))?.value as T | undefined;
  }

  /**
   * The one way a revision is written (interview answers and consolidated answers alike):
   * planEdit decides between editing the head in place and a child of all heads.
   */
  async function saveRevision<R extends StoredAnswer | StoredConsolidated>(
    table: EntityTable<R, 'id'>,
    slotRevisions: () => Promise<R[]>,
    fields: Omit<R, 'id' | 'at' | 'by' | 'byName' | 'deviceId' | 'parents' | 'sealed'>,
    who: Interviewer,
  ): Promise<R> {
    return db.transaction('rw', table, async () => {
      const revisions = await slotRevisions();
      const sealed = new Set(revisions.filter((r) => r.sealed === 1).map((r) => r.id));
      const plan = planEdit(revisions, (id) => sealed.has(id), who.deviceId);
      const at = now();
      const record = (
        plan.kind === 'update'
          ? { ...plan.revision, value: fields.value, at }
          : { ...fields, id: newId(), at, by: who.id, byName: who.name, deviceId: who.deviceId, parents: plan.parents, sealed: 0 }
      ) as R;
      // Dexie cannot resolve its insert type for a type parameter; record is a full R.
      await table.put(record as never);
      return record;
    });
  }

  const repo = {
    db,

    // ---- This device and its interviewer -------------------------------------------

    /** The device id: generated once, then kept for the life of the database. */
    async deviceId(): Promise<Id> {
      return db.transaction('rw', db.meta, async () => {
        const existing = await metaGet<string>('deviceId');
        if (existing) return existing;
        const id = newId();
        await db.meta.put({ key: 'deviceId', value: id });
        return id;
      });
    },

    async profile(): Promise<Interviewer | undefined> {
      return metaGet<Interviewer>('profile');
    },

    async saveProfile(input: { name: string; organization: string }): Promise<Interviewer> {
      const deviceId = await repo.deviceId();
      return db.transaction('rw', db.meta, async () => {
        const existing = await metaGet<Interviewer>('profile');
        const profile: Interviewer = {
          id: existing?.id ?? newId(),
          name: input.name.trim(),
          organization: input.organization.trim(),
          deviceId,
        };
        await db.meta.put({ key: 'profile', value: profile });
        return profile;
      });
    },

    // ---- Assessments --------------------------------------------------------------

    async createAssessment(input: NewAssessment): Promise<Assessment> {
      const at = now();
      const a: Assessment = {
        id: newId(),
        country: input.country.trim(),
        title: input.title.trim(),
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        reportLanguages: input.reportLanguages,
        catalogueVersion: CATALOGUE_VERSION,
        createdAt: at,
        updatedAt: at,
      };
      await db.assessments.add(a);
      return a;
    },

    async updateAssessment(id: Id, patch: Partial<NewAssessment>): Promise<void> {
      await db.assessments.update(id, { ...patch, updatedAt: now() });
    },

    async listAssessments(): Promise<Assessment[]> {
      return (await db.assessments.toArray()).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    },

    // ---- Stakeholders -------------------------------------------------------------

    async addStakeholders(assessmentId: Id, inputs: NewStakeholder[], by: Id): Promise<Stakeholder[]> {
      const at = now();
      const records: Stakeholder[] = inputs.map((s) => ({
        id: newId(),
        assessmentId,
        organization: s.organization.trim(),
        honorific: (s.honorific ?? '').trim(),
        name: s.name.trim(),
        position: s.position.trim(),
        sector: s.sector,
        contacts: (s.contacts ?? '').trim(),
        notes: (s.notes ?? '').trim(),
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
      }));
      await db.stakeholders.bulkAdd(records);
      return records;
    },

    async updateStakeholder(id: Id, patch: Partial<NewStakeholder>, by: Id): Promise<void> {
      await db.stakeholders.update(id, { ...patch, updatedAt: now(), updatedBy: by });
    },

    /** Deletes a stakeholder nobody has interviewed yet; returns false if one has. */
    async deleteStakeholder(id: Id): Promise<boolean> {
      return db.transaction('rw', db.stakeholders, db.interviews, async () => {
        const s = await db.stakeholders.get(id);
        if (!s) return true;
        const used = await db.interviews
          .where('assessmentId')
          .equals(s.assessmentId)
          .filter((iv) => iv.stakeholderIds.includes(id))
          .count();
        if (used > 0) return false;
        await db.stakeholders.delete(id);
        return true;
      });
    },

    /**
     * Merges probable duplicates into one stakeholder: interviews that named a duplicate
     * name the kept one instead, and the duplicates are removed. One transaction.
     */
    async mergeStakeholders(keepId: Id, dropIds: readonly Id[]): Promise<void> {
      const drop = new Set(dropIds.filter((id) => id !== keepId));
      await db.transaction('rw', db.stakeholders, db.interviews, async () => {
        const kept = await db.stakeholders.get(keepId);
        if (!kept) throw new Error('stakeholder not found');
        const at = now();
        const affected = await db.interviews
          .where('assessmentId')
          .equals(kept.assessmentId)
          .filter((iv) => iv.stakeholderIds.some((id) => drop.has(id)))
          .toArray();
        for (const iv of affected) {
          const ids = [...new Set(iv.stakeholderIds.map((id) => (drop.has(id) ? keepId : id)))];
          await db.interviews.update(iv.id, { stakeholderIds: ids, updatedAt: at });
        }
        await db.stakeholders.bulkDelete([...drop]);
      });
    },

    // ---- Interviews ---------------------------------------------------------------

    async createInterview(input: NewInterview, interviewer: Interviewer): Promise<Interview> {
      const at = now();
      const iv: Interview = {
        id: newId(),
        assessmentId: input.assessmentId,
        stakeholderIds: input.stakeholderIds,
        organization: input.organization.trim(),
        date: input.date,
        place: input.place.trim(),
        language: input.language,
        parts: input.parts,
        status: 'draft',
        interviewerId: interviewer.id,
        interviewerName: interviewer.name,
        deviceId: interviewer.deviceId,
        createdAt: at,
        updatedAt: at,
      };
      await db.interviews.add(iv);
      return iv;
    },

    async updateInterview(id: Id, patch: Partial<Omit<Interview, 'id' | 'assessmentId' | 'createdAt'>>): Promise<void> {
      await db.interviews.update(id, { ...patch, updatedAt: now() });
    },

    // ---- Answers ------------------------------------------------------------------

    /**
     * Stores an edit of one answer. Edited in place while the head revision has not left
     * this device; otherwise a child revision of all current heads (which also resolves a
     * conflict). One transaction, so concurrent saves of the same slot cannot fork it.
     */
    async saveAnswer(slot: { assessmentId: Id; interviewId: Id; questionId: string }, value: AnswerValue, who: Interviewer): Promise<StoredAnswer> {
      return saveRevision(db.answers, () => db.answers.where('[interviewId+questionId]').equals([slot.interviewId, slot.questionId]).toArray(), { ...slot, value }, who);
    },

    /** Every revision of an interview, grouped into its current answers per question. */
    async interviewAnswers(interviewId: Id): Promise<Map<string, { head: StoredAnswer; heads: StoredAnswer[]; conflict: boolean }>> {
      const revisions = await db.answers.where('[interviewId+questionId]').between([interviewId, Dexie.minKey], [interviewId, Dexie.maxKey]).toArray();
      return currentBySlot(revisions, (r) => r.questionId);
    },

    // ---- Consolidated answers -----------------------------------------------------

    /** Stores an edit of the lead's consolidated answer to a question, like saveAnswer. */
    async saveConsolidated(slot: { assessmentId: Id; questionId: string }, value: ConsolidatedValue, who: Interviewer): Promise<StoredConsolidated> {
      return saveRevision(db.consolidated, () => db.consolidated.where('[assessmentId+questionId]').equals([slot.assessmentId, slot.questionId]).toArray(), { ...slot, value }, who);
    },

    // ---- Bundles ------------------------------------------------------------------

    /**
     * The dataset of an assessment for a bundle: all of it, or only the chosen interviews
     * (with every stakeholder and consolidated answer, which are cheap and merge by id).
     */
    async exportDataset(assessmentId: Id, interviewIds?: readonly Id[]): Promise<Dataset> {
      return db.transaction('r', [db.assessments, db.stakeholders, db.interviews, db.answers, db.consolidated], async () => {
        const assessment = await db.assessments.get(assessmentId);
        if (!assessment) throw new Error('assessment not found');
        const chosen = interviewIds ? new Set(interviewIds) : undefined;
        const interviews = (await db.interviews.where('assessmentId').equals(assessmentId).toArray()).filter((iv) => !chosen || chosen.has(iv.id));
        const ivIds = new Set(interviews.map((iv) => iv.id));
        const answers = (await db.answers.where('assessmentId').equals(assessmentId).toArray()).filter((a) => ivIds.has(a.interviewId));
        return {
          assessment,
          stakeholders: await db.stakeholders.where('assessmentId').equals(assessmentId).toArray(),
          interviews,
          answers: answers.map(strip),
          consolidated: (await db.consolidated.where('[assessmentId+questionId]').between([assessmentId, Dexie.minKey], [assessmentId, Dexie.maxKey]).toArray()).map(strip),
          // Not stored yet: the storage of format 2's record types comes with schema v4.
          texts: [],
          tombstones: [],
          attachments: [],
        };
      });
    },

    /** Marks revisions as having left this device: the next edit makes a child revision. */
    async seal(dataset: Pick<Dataset, 'answers' | 'consolidated'>): Promise<void> {
      await db.transaction('rw', db.answers, db.consolidated, async () => {
        await db.answers.where('id').anyOf(dataset.answers.map((a) => a.id)).modify({ sealed: 1 });
        await db.consolidated.where('id').anyOf(dataset.consolidated.map((a) => a.id)).modify({ sealed: 1 });
      });
    },

    /**
     * Writes an import in ONE transaction: all records and the log entries, or nothing.
     * Imported revisions are sealed (they already exist elsewhere). Nothing else is awaited
     * inside, so the transaction cannot auto-commit halfway.
     */
    async applyImport(records: ImportRecords, log: ImportLogEntry[]): Promise<void> {
      await db.transaction('rw', [db.assessments, db.stakeholders, db.interviews, db.answers, db.consolidated, db.imports], async () => {
        await db.assessments.bulkPut(records.assessments);
        await db.stakeholders.bulkPut(records.stakeholders);
        await db.interviews.bulkPut(records.interviews);
        await db.answers.bulkPut(records.answers.map((a) => ({ ...a, sealed: 1 as const })));
        await db.consolidated.bulkPut(records.consolidated.map((c) => ({ ...c, sealed: 1 as const })));
        await db.imports.bulkAdd(log);
      });
    },

    async importLog(assessmentId: Id): Promise<ImportLogEntry[]> {
      return (await db.imports.where('assessmentId').equals(assessmentId).toArray()).sort((a, b) => (a.at < b.at ? 1 : -1));
    },
  };
  return repo;
}

export type Repo = ReturnType<typeof createRepo>;

/** Current revision per slot key. */
export function currentBySlot<R extends StoredAnswer | StoredConsolidated>(
  revisions: readonly R[],
  key: (r: R) => string,
): Map<string, { head: R; heads: R[]; conflict: boolean }> {
  const groups = new Map<string, R[]>();
  for (const r of revisions) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out = new Map<string, { head: R; heads: R[]; conflict: boolean }>();
  for (const [k, g] of groups) {
    const c = current(g);
    if (c.head) out.set(k, { head: c.head, heads: c.heads, conflict: c.conflict });
  }
  return out;
}

export { heads };
