/**
 * Repository functions over the Dexie database: the only way the app reads and writes
 * persisted data. Every write that must be atomic is one transaction. Clock and id
 * generator are injectable so tests are deterministic.
 */
import Dexie, { type Table } from 'dexie';
import { current, heads, planEdit, type RevisionLike } from '../../shared/answers/revisions';
import { CATALOGUE_VERSION } from '../../shared/checklist/catalogue';
import type { Lang } from '../../shared/i18n';
import type {
  AnswerRevision,
  AnswerValue,
  Assessment,
  Attachment,
  AttachmentLink,
  ChecklistPart,
  ConsolidatedRevision,
  ConsolidatedValue,
  Dataset,
  Id,
  Interview,
  Interviewer,
  Sector,
  Stakeholder,
  TextRevision,
  TextValue,
  Tombstone,
  TombstoneTarget,
} from '../../shared/model/types';
import { deletedBy, indexTombstones, isAssessmentDeleted, liveDataset } from '../../shared/merge/tombstones';
import {
  consolidatedBucket,
  textBucket,
  type AnswerGroup,
  type ConsolidatedGroup,
  type ImportLogEntry,
  type PendingEditRecord,
  type ReadinessDb,
  type RevisionGroup,
  type TextGroup,
} from './schema';

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
  /** Took part in the validation workshop (Annex II). */
  workshop?: boolean;
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

/** Records an import writes, already merged and checked by shared/merge (format 2: all eight collections). */
export interface ImportRecords {
  assessments: Assessment[];
  stakeholders: Stakeholder[];
  interviews: Interview[];
  answers: Dataset['answers'];
  consolidated: Dataset['consolidated'];
  texts: Dataset['texts'];
  tombstones: Dataset['tombstones'];
  attachments: Dataset['attachments'];
}

/** Where a text is written: its slot is (key, lang) within an assessment. */
export interface TextSlot {
  assessmentId: Id;
  key: string;
  lang: Lang;
}

/** A translation's provenance, written with the text (absent on a source text). */
export interface TextExtra {
  translates?: Id;
  translationState?: 'translated' | 'reviewed';
}

/** Called while an import is written: records written so far of the total. */
export type ImportProgress = (done: number, total: number) => void;

/** The slot of an interview answer. */
export interface AnswerSlot {
  assessmentId: Id;
  interviewId: Id;
  questionId: string;
}

const pendingKey = (slot: { interviewId: Id; questionId: string }) => `${slot.interviewId}|${slot.questionId}`;

type Revision = RevisionLike & { readonly deviceId: Id };

/**
 * One edit of a slot inside its group record: planEdit decides between editing the head in
 * place (it is still editable: written here and never exported) and a child of all heads.
 * `build` makes the stored revision from the one edited in place, or from the new parents.
 */
function editGroup<R extends Revision>(
  group: RevisionGroup<R>,
  inSlot: (r: R) => boolean,
  deviceId: Id,
  build: (edited: R | undefined, parents: readonly Id[]) => R,
): R {
  const editable = new Set(group.editable);
  const plan = planEdit(group.revisions.filter(inSlot), (id) => !editable.has(id), deviceId);
  if (plan.kind === 'update') {
    const record = build(plan.revision, plan.revision.parents);
    group.revisions[group.revisions.indexOf(plan.revision)] = record;
    return record;
  }
  const record = build(undefined, plan.parents);
  group.revisions.push(record);
  group.editable.push(record.id);
  return record;
}

/**
 * Puts revisions into a group as a set by id (the merge already chose each one) and seals
 * them: a revision that arrives from outside has left some device, so it is never edited
 * in place.
 */
function putIntoGroup<R extends { readonly id: Id }>(group: RevisionGroup<R>, incoming: readonly R[]): void {
  const at = new Map<Id, number>();
  group.revisions.forEach((r, i) => at.set(r.id, i));
  for (const r of incoming) {
    const i = at.get(r.id);
    if (i === undefined) {
      at.set(r.id, group.revisions.length);
      group.revisions.push(r);
    } else group.revisions[i] = r;
  }
  if (group.editable.length > 0) {
    const ids = new Set(incoming.map((r) => r.id));
    group.editable = group.editable.filter((id) => !ids.has(id));
  }
}

function groupBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of list) {
    const k = key(t);
    const g = out.get(k);
    if (g) g.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/**
 * Puts records in chunks, all requested at once (so the database works on one chunk while
 * the next is serialised), calling `progress` as each chunk is written.
 */
async function putInChunks<T>(table: { bulkPut(items: readonly T[]): Promise<unknown> }, records: readonly T[], progress: (n: number) => void, weight: (t: T) => number = () => 1, chunkWeight = 2_000_000): Promise<void> {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let w = 0;
  for (const r of records) {
    chunk.push(r);
    w += weight(r);
    if (w >= chunkWeight) {
      chunks.push(chunk);
      chunk = [];
      w = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  await Promise.all(chunks.map((c) => table.bulkPut(c).then(() => progress(c.length))));
}

/** A rough size of a group record (for chunking only): revisions times a typical revision. */
const groupWeight = (g: { revisions: readonly unknown[] }) => g.revisions.length * 800;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Largest file attached by default (the user can change it: repo.setAttachmentLimit). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

/** A file to attach, as chosen, dropped or pasted. */
export interface NewAttachment {
  assessmentId: Id;
  blob: Blob;
  fileName: string;
  link: AttachmentLink;
  organization?: string;
}

const sameLink = (a: AttachmentLink, b: AttachmentLink) => JSON.stringify(a) === JSON.stringify(b);

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createRepo(db: ReadinessDb, options: RepoOptions = {}) {
  const now = options.now ?? (() => new Date().toISOString());
  const newId = options.newId ?? (() => crypto.randomUUID());

  async function metaGet<T>(key: string): Promise<T | undefined> {
    return (await db.meta.get(key))?.value as T | undefined;
  }

  const emptyAnswers = (slot: { assessmentId: Id; interviewId: Id }): AnswerGroup => ({ interviewId: slot.interviewId, assessmentId: slot.assessmentId, revisions: [], editable: [] });

  /** An answer edit into its interview's record; with `writtenAhead`, also drops the slot's write-ahead record it supersedes. */
  async function writeAnswer(slot: AnswerSlot, value: AnswerValue, who: Interviewer, at: string, writtenAhead?: number): Promise<AnswerRevision> {
    return db.transaction('rw', db.answerGroups, db.pendingEdits, async () => {
      const group = (await db.answerGroups.get(slot.interviewId)) ?? emptyAnswers(slot);
      const record = editGroup<AnswerRevision>(group, (r) => r.questionId === slot.questionId, who.deviceId, (edited, parents) =>
        edited
          ? { ...edited, value, at }
          : { id: newId(), assessmentId: slot.assessmentId, interviewId: slot.interviewId, questionId: slot.questionId, value, at, by: who.id, byName: who.name, deviceId: who.deviceId, parents: [...parents] },
      );
      await db.answerGroups.put(group);
      if (writtenAhead !== undefined) {
        const key = pendingKey(slot);
        const pending = await db.pendingEdits.get(key);
        if (pending && pending.seq <= writtenAhead) await db.pendingEdits.delete(key);
      }
      return record;
    });
  }

  function tombstoneOf(target: TombstoneTarget, targetId: Id, assessmentId: Id, who: Interviewer, reason: string, at: string, replacedBy?: Id): Tombstone {
    return { id: newId(), assessmentId, target, targetId, reason: reason.trim(), ...(replacedBy !== undefined ? { replacedBy } : {}), at, by: who.id, byName: who.name, deviceId: who.deviceId };
  }

  /** Records the deletion of one entity; the record itself stays stored (see shared/merge/tombstones.ts). */
  async function deleteRecord(target: TombstoneTarget, targetId: Id, assessmentId: Id, who: Interviewer, reason: string): Promise<Tombstone> {
    const t = tombstoneOf(target, targetId, assessmentId, who, reason, now());
    await repo.putTombstones([t]);
    return t;
  }

  /**
   * A time strictly after `at`: a record written again to undo a deletion must be newer than
   * its tombstone, even when the clock has not moved on (or was set back) since.
   */
  function after(at: string): string {
    const t = now();
    return t > at ? t : new Date(Date.parse(at) + 1).toISOString();
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

    /** A correction of the assessment's details (validated by the caller with shared/corrections). */
    async updateAssessment(id: Id, patch: Partial<NewAssessment & Pick<Assessment, 'reportDate' | 'sourceLanguage'>>): Promise<void> {
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
        ...(s.workshop ? { workshop: true } : {}),
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

    /**
     * Deletes a stakeholder (a tombstone) unless a live interview names them: then nothing
     * is written and the interviews are returned, so the screen can explain what to do
     * instead (merge the person into another, or delete the interview first).
     */
    async deleteStakeholder(id: Id, who: Interviewer, reason = ''): Promise<{ ok: true; tombstone: Tombstone } | { ok: false; interviews: Interview[] }> {
      const s = await db.stakeholders.get(id);
      if (!s) throw new Error('stakeholder not found');
      const view = await repo.liveRecords(s.assessmentId);
      const interviews = view.interviews.filter((iv) => iv.stakeholderIds.includes(id));
      if (interviews.length > 0) return { ok: false, interviews };
      return { ok: true, tombstone: await deleteRecord('stakeholder', id, s.assessmentId, who, reason) };
    },

    /**
     * Merges probable duplicates into one stakeholder: interviews that named a duplicate
     * name the kept one instead, and each duplicate gets a tombstone with `replacedBy`
     * (not a hard delete), so an older bundle that still has the duplicate cannot bring it
     * back. One transaction.
     */
    async mergeStakeholders(keepId: Id, dropIds: readonly Id[], who: Interviewer): Promise<() => Promise<void>> {
      const drop = new Set(dropIds.filter((id) => id !== keepId));
      const before: Array<{ id: Id; stakeholderIds: readonly Id[] }> = [];
      let mergedAt = '';
      await db.transaction('rw', db.stakeholders, db.interviews, db.tombstoneGroups, async () => {
        const kept = await db.stakeholders.get(keepId);
        if (!kept) throw new Error('stakeholder not found');
        const at = now();
        const affected = await db.interviews
          .where('assessmentId')
          .equals(kept.assessmentId)
          .filter((iv) => iv.stakeholderIds.some((id) => drop.has(id)))
          .toArray();
        for (const iv of affected) {
          before.push({ id: iv.id, stakeholderIds: iv.stakeholderIds });
          const ids = [...new Set(iv.stakeholderIds.map((id) => (drop.has(id) ? keepId : id)))];
          await db.interviews.update(iv.id, { stakeholderIds: ids, updatedAt: at });
        }
        await repo.putTombstones([...drop].map((id) => tombstoneOf('stakeholder', id, kept.assessmentId, who, 'merged', at, keepId)));
        mergedAt = at;
      });
      // Undo: the duplicates and the interviews' participants written again, newer than the merge.
      return async () => {
        await db.transaction('rw', db.stakeholders, db.interviews, async () => {
          const again = after(mergedAt);
          for (const id of drop) await db.stakeholders.update(id, { updatedAt: again, updatedBy: who.id });
          for (const b of before) await db.interviews.update(b.id, { stakeholderIds: [...b.stakeholderIds], updatedAt: again });
        });
      };
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
    async saveAnswer(slot: AnswerSlot, value: AnswerValue, who: Interviewer): Promise<AnswerRevision> {
      return writeAnswer(slot, value, who, now());
    },

    /** Every revision of an interview, grouped into its current answers per question. */
    async interviewAnswers(interviewId: Id): Promise<Map<string, { head: AnswerRevision; heads: AnswerRevision[]; conflict: boolean }>> {
      const group = await db.answerGroups.get(interviewId);
      return currentBySlot(group?.revisions ?? [], (r) => r.questionId);
    },

    /** Every answer revision of an assessment, by interview id (e.g. progress per interview). */
    async answersByInterview(assessmentId: Id): Promise<Map<Id, AnswerRevision[]>> {
      const groups = await db.answerGroups.where('assessmentId').equals(assessmentId).toArray();
      return new Map(groups.map((g) => [g.interviewId, g.revisions]));
    },

    // ---- Answer edits written ahead (autosave) -------------------------------------

    /**
     * Writes edits ahead of their interview's record: one small record per slot, cheap
     * enough for every keystroke, durable when the promise resolves (strict durability).
     */
    async writeAhead(edits: readonly Omit<PendingEditRecord, 'key'>[]): Promise<void> {
      await db.pendingEdits.bulkPut(edits.map((e) => ({ ...e, key: pendingKey(e.slot) })));
    },

    /**
     * Stores a written-ahead edit in its interview's record and, in the same transaction,
     * deletes its write-ahead record unless a newer edit of the slot replaced it meanwhile.
     */
    async foldEdit(edit: Omit<PendingEditRecord, 'key'>): Promise<AnswerRevision> {
      return writeAnswer(edit.slot, edit.value, edit.who, edit.at, edit.seq);
    },

    /** Folds what a previous session wrote ahead but did not fold (it ended abruptly); returns how many. */
    async foldPendingEdits(): Promise<number> {
      const pending = await db.pendingEdits.toArray();
      for (const p of pending) await repo.foldEdit(p);
      return pending.length;
    },

    // ---- Consolidated answers -----------------------------------------------------

    /** Stores an edit of the lead's consolidated answer to a question, like saveAnswer. */
    async saveConsolidated(slot: { assessmentId: Id; questionId: string }, value: ConsolidatedValue, who: Interviewer): Promise<ConsolidatedRevision> {
      const bucket = consolidatedBucket(slot.questionId);
      return db.transaction('rw', db.consolidatedGroups, async () => {
        const group = (await db.consolidatedGroups.get([slot.assessmentId, bucket])) ?? { assessmentId: slot.assessmentId, bucket, revisions: [], editable: [] };
        const at = now();
        const record = editGroup<ConsolidatedRevision>(group, (r) => r.questionId === slot.questionId, who.deviceId, (edited, parents) =>
          edited
            ? { ...edited, value, at }
            : { id: newId(), assessmentId: slot.assessmentId, questionId: slot.questionId, value, at, by: who.id, byName: who.name, deviceId: who.deviceId, parents: [...parents] },
        );
        await db.consolidatedGroups.put(group);
        return record;
      });
    },

    // ---- Texts (narrative, recommendations, action plan, survey, translations) ------

    /**
     * Stores an edit of a text slot (key, lang), like saveAnswer: in place while the head
     * is editable, else a child of all heads. `extra` describes a translation (which source
     * revision it translates, its review state); the stored revision carries exactly it.
     */
    async saveText(slot: TextSlot, value: TextValue, who: Interviewer, extra: TextExtra = {}): Promise<TextRevision> {
      const bucket = textBucket(slot.key, slot.lang);
      const provenance = {
        ...(extra.translates !== undefined ? { translates: extra.translates } : {}),
        ...(extra.translationState !== undefined ? { translationState: extra.translationState } : {}),
      };
      return db.transaction('rw', db.textGroups, async () => {
        const group = (await db.textGroups.get([slot.assessmentId, bucket])) ?? { assessmentId: slot.assessmentId, bucket, revisions: [], editable: [] };
        const at = now();
        const record = editGroup<TextRevision>(group, (r) => r.key === slot.key && r.lang === slot.lang, who.deviceId, (edited, parents) => {
          if (edited) {
            // eslint-disable-next-line @typescript-eslint/no-unused-vars
            const { translates, translationState, ...rest } = edited;
            return { ...rest, ...provenance, value, at };
          }
          return { id: newId(), assessmentId: slot.assessmentId, key: slot.key, lang: slot.lang, ...provenance, value, at, by: who.id, byName: who.name, deviceId: who.deviceId, parents: [...parents] };
        });
        await db.textGroups.put(group);
        return record;
      });
    },

    /** Every text revision of an assessment (all keys and languages). */
    async texts(assessmentId: Id): Promise<TextRevision[]> {
      return (await db.textGroups.where('[assessmentId+bucket]').between([assessmentId, Dexie.minKey], [assessmentId, Dexie.maxKey]).toArray()).flatMap((g) => g.revisions);
    },

    // ---- Tombstones, attachments and their bytes ------------------------------------

    /** Records deletions (a set by id, like revisions); one transaction. */
    async putTombstones(tombstones: readonly Tombstone[]): Promise<void> {
      await db.transaction('rw', db.tombstoneGroups, async () => {
        for (const [assessmentId, list] of groupBy(tombstones, (t) => t.assessmentId)) {
          const group = (await db.tombstoneGroups.get(assessmentId)) ?? { assessmentId, tombstones: [] };
          const byId = new Map(group.tombstones.map((t) => [t.id, t] as const));
          for (const t of list) byId.set(t.id, t);
          await db.tombstoneGroups.put({ assessmentId, tombstones: [...byId.values()] });
        }
      });
    },

    async tombstones(assessmentId: Id): Promise<Tombstone[]> {
      return (await db.tombstoneGroups.get(assessmentId))?.tombstones ?? [];
    },

    /** Stores an attachment's metadata (insert or replace by id). Its bytes go through putBlob. */
    async putAttachment(meta: Attachment): Promise<void> {
      await db.attachments.put(meta);
    },

    async attachments(assessmentId: Id): Promise<Attachment[]> {
      return db.attachments.where('assessmentId').equals(assessmentId).toArray();
    },

    /** The live (not deleted) attachments of an assessment. */
    async liveAttachments(assessmentId: Id): Promise<Attachment[]> {
      const [attachments, tombstones] = await Promise.all([repo.attachments(assessmentId), repo.tombstones(assessmentId)]);
      const deleted = indexTombstones(tombstones).attachment;
      return attachments.filter((f) => !deletedBy(deleted.get(f.id), f.updatedAt));
    },

    async attachmentLimit(): Promise<number> {
      return (await metaGet<number>('attachmentMaxBytes')) ?? DEFAULT_ATTACHMENT_MAX_BYTES;
    },

    async setAttachmentLimit(bytes: number): Promise<void> {
      if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new RangeError('the attachment limit must be a positive number of bytes');
      await db.meta.put({ key: 'attachmentMaxBytes', value: bytes });
    },

    /**
     * Attaches a file to an answer, a consolidated answer or a report text. The bytes are
     * stored once per content (SHA-256); the same file attached again — here or elsewhere in
     * the assessment — adds a link to its existing record, so the report lists it once.
     * Refused (nothing written) when larger than the limit.
     */
    async attachFile(input: NewAttachment, who: Interviewer): Promise<{ ok: true; attachment: Attachment; existing: boolean } | { ok: false; reason: 'tooLarge'; limit: number }> {
      const limit = await repo.attachmentLimit();
      if (input.blob.size > limit) return { ok: false, reason: 'tooLarge', limit };
      const sha256 = await sha256Hex(input.blob);
      await repo.putBlob(sha256, input.blob);
      const at = now();
      const same = (await repo.liveAttachments(input.assessmentId)).find((f) => f.sha256 === sha256);
      if (same) {
        const attachment: Attachment = same.links.some((l) => sameLink(l, input.link)) ? same : { ...same, links: [...same.links, input.link], updatedAt: at, updatedBy: who.id };
        if (attachment !== same) await db.attachments.put(attachment);
        return { ok: true, attachment, existing: true };
      }
      const title = input.fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '').replace(/[_]+/g, ' ').trim();
      const attachment: Attachment = {
        id: newId(),
        assessmentId: input.assessmentId,
        sha256,
        size: input.blob.size,
        mediaType: input.blob.type || 'application/octet-stream',
        fileName: input.fileName,
        title: title || input.fileName,
        received: at.slice(0, 10) as Attachment['received'],
        organization: (input.organization ?? '').trim(),
        links: [input.link],
        createdAt: at,
        updatedAt: at,
        updatedBy: who.id,
      };
      await db.attachments.put(attachment);
      return { ok: true, attachment, existing: false };
    },

    /** A correction of a document's title, date received or organisation. */
    async updateAttachment(id: Id, patch: Partial<Pick<Attachment, 'title' | 'received' | 'organization'>>, who: Interviewer): Promise<void> {
      await db.attachments.update(id, { ...patch, updatedAt: now(), updatedBy: who.id });
    },

    /**
     * Takes a document away from one place. Linked elsewhere too, it only loses this link;
     * otherwise it is deleted (a tombstone). Returns how to undo it (by writing again).
     */
    async detachFile(id: Id, link: AttachmentLink, who: Interviewer, reason = ''): Promise<() => Promise<void>> {
      const f = await db.attachments.get(id);
      if (!f) throw new Error('attachment not found');
      const others = f.links.filter((l) => !sameLink(l, link));
      if (others.length > 0 && others.length < f.links.length) {
        await db.attachments.put({ ...f, links: others, updatedAt: now(), updatedBy: who.id });
        return async () => {
          const current = await db.attachments.get(id);
          if (current) await db.attachments.put({ ...current, links: [...current.links, link], updatedAt: now(), updatedBy: who.id });
        };
      }
      const tombstone = await deleteRecord('attachment', id, f.assessmentId, who, reason);
      return () => repo.restore(tombstone, who.id);
    },

    /**
     * Stores attachment bytes under their SHA-256 (lower-case hex), once per content. The
     * hash is checked against the bytes: a mismatch throws and stores nothing. Returns
     * false when the bytes were already stored.
     */
    async putBlob(sha256: string, blob: Blob): Promise<boolean> {
      if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 in lower-case hex: ${sha256.slice(0, 80)}`);
      if (await repo.hasBlob(sha256)) return false;
      const actual = await sha256Hex(blob);
      if (actual !== sha256) throw new Error(`the bytes do not match their SHA-256 (expected ${sha256}, got ${actual})`);
      await db.blobs.put({ sha256, blob, size: blob.size });
      return true;
    },

    async getBlob(sha256: string): Promise<Blob | undefined> {
      return (await db.blobs.get(sha256))?.blob;
    },

    async hasBlob(sha256: string): Promise<boolean> {
      return (await db.blobs.where(':id').equals(sha256).count()) > 0;
    },

    // ---- Deletions, their undo, and the live view -----------------------------------

    async deleteInterview(id: Id, who: Interviewer, reason = ''): Promise<Tombstone> {
      const iv = await db.interviews.get(id);
      if (!iv) throw new Error('interview not found');
      return deleteRecord('interview', id, iv.assessmentId, who, reason);
    },

    async deleteAttachment(id: Id, who: Interviewer, reason = ''): Promise<Tombstone> {
      const f = await db.attachments.get(id);
      if (!f) throw new Error('attachment not found');
      return deleteRecord('attachment', id, f.assessmentId, who, reason);
    },

    /** Deletes a whole assessment: one tombstone hides it and everything in it. */
    async deleteAssessment(id: Id, who: Interviewer, reason = ''): Promise<Tombstone> {
      if (!(await db.assessments.get(id))) throw new Error('assessment not found');
      return deleteRecord('assessment', id, id, who, reason);
    },

    /**
     * Undoes a deletion by writing the record again with an `updatedAt` newer than the
     * tombstone (the tombstone stays: it is part of the history and has already travelled).
     * Also restores an assessment deleted elsewhere whose backup is imported here.
     */
    async restore(tombstone: Pick<Tombstone, 'target' | 'targetId' | 'at'>, by?: Id): Promise<void> {
      const updatedAt = after(tombstone.at);
      const { target, targetId } = tombstone;
      const table = { assessment: db.assessments, stakeholder: db.stakeholders, interview: db.interviews, attachment: db.attachments }[target] as Table<{ id: Id; updatedAt: string }, Id>;
      const patch = target === 'stakeholder' || target === 'attachment' ? { updatedAt, ...(by !== undefined ? { updatedBy: by } : {}) } : { updatedAt };
      if ((await table.update(targetId, patch)) === 0) throw new Error(`${target} not found`);
    },

    /** Assessments not deleted, most recently changed first. */
    async liveAssessments(): Promise<Assessment[]> {
      const [all, groups] = await Promise.all([repo.listAssessments(), db.tombstoneGroups.toArray()]);
      const byAssessment = new Map(groups.map((g) => [g.assessmentId, g.tombstones] as const));
      return all.filter((a) => !isAssessmentDeleted({ assessment: a, tombstones: byAssessment.get(a.id) ?? [] }));
    },

    /**
     * The live stakeholders and interviews of an assessment (what every screen lists):
     * deleted ones left out, merged duplicates renamed to the kept stakeholder. Empty
     * lists when the assessment is deleted.
     */
    async liveRecords(assessmentId: Id): Promise<{ assessment: Assessment | undefined; deleted: boolean; stakeholders: Stakeholder[]; interviews: Interview[]; tombstones: Tombstone[] }> {
      const [assessment, stakeholders, interviews, tombstones] = await Promise.all([
        db.assessments.get(assessmentId),
        db.stakeholders.where('assessmentId').equals(assessmentId).toArray(),
        db.interviews.where('assessmentId').equals(assessmentId).toArray(),
        repo.tombstones(assessmentId),
      ]);
      if (!assessment) return { assessment, deleted: false, stakeholders, interviews, tombstones };
      const live = liveDataset({ assessment, stakeholders, interviews, answers: [], consolidated: [], texts: [], tombstones, attachments: [] });
      return { assessment, deleted: isAssessmentDeleted({ assessment, tombstones }), stakeholders: [...live.stakeholders], interviews: [...live.interviews], tombstones };
    },

    /** The dataset without deleted records: what screens, the report and the analysis exports read. Bundles carry exportDataset (everything). */
    async liveDataset(assessmentId: Id): Promise<Dataset> {
      return liveDataset(await repo.exportDataset(assessmentId));
    },

    // ---- Bundles ------------------------------------------------------------------

    /**
     * The dataset of an assessment for a bundle: all of it, or only the chosen interviews
     * (with every stakeholder, consolidated answer, text, deletion and attachment record,
     * which are few and merge by id). Answers of an interview that has no record are left out.
     */
    async exportDataset(assessmentId: Id, interviewIds?: readonly Id[]): Promise<Dataset> {
      return db.transaction('r', [db.assessments, db.stakeholders, db.interviews, db.answerGroups, db.consolidatedGroups, db.textGroups, db.tombstoneGroups, db.attachments], async () => {
        const assessment = await db.assessments.get(assessmentId);
        if (!assessment) throw new Error('assessment not found');
        const chosen = interviewIds ? new Set(interviewIds) : undefined;
        const interviews = (await db.interviews.where('assessmentId').equals(assessmentId).toArray()).filter((iv) => !chosen || chosen.has(iv.id));
        const groups = chosen
          ? (await db.answerGroups.bulkGet(interviews.map((iv) => iv.id))).filter((g): g is AnswerGroup => g !== undefined)
          : await db.answerGroups.where('assessmentId').equals(assessmentId).toArray();
        const ivIds = new Set(interviews.map((iv) => iv.id));
        const range = [[assessmentId, Dexie.minKey], [assessmentId, Dexie.maxKey]] as const;
        return {
          assessment,
          stakeholders: await db.stakeholders.where('assessmentId').equals(assessmentId).toArray(),
          interviews,
          answers: groups.filter((g) => ivIds.has(g.interviewId)).flatMap((g) => g.revisions),
          consolidated: (await db.consolidatedGroups.where('[assessmentId+bucket]').between(...range).toArray()).flatMap((g) => g.revisions),
          texts: (await db.textGroups.where('[assessmentId+bucket]').between(...range).toArray()).flatMap((g) => g.revisions),
          tombstones: (await db.tombstoneGroups.get(assessmentId))?.tombstones ?? [],
          attachments: await db.attachments.where('assessmentId').equals(assessmentId).toArray(),
        };
      });
    },

    /**
     * Marks revisions as having left this device: the next edit makes a child revision.
     * Only groups that still hold editable revisions are read (the `*editable` index).
     */
    async seal(dataset: Pick<Dataset, 'answers' | 'consolidated'> & Partial<Pick<Dataset, 'texts'>>): Promise<void> {
      const ids = [...dataset.answers, ...dataset.consolidated, ...(dataset.texts ?? [])].map((r) => r.id);
      if (ids.length === 0) return;
      const sealed = new Set(ids);
      await db.transaction('rw', db.answerGroups, db.consolidatedGroups, db.textGroups, async () => {
        for (const table of [db.answerGroups, db.consolidatedGroups, db.textGroups] as Array<Table<RevisionGroup<RevisionLike>, unknown>>) {
          const groups = await table.where('editable').anyOf(ids).distinct().toArray();
          for (const g of groups) g.editable = g.editable.filter((id) => !sealed.has(id));
          if (groups.length > 0) await table.bulkPut(groups);
        }
      });
    },

    /**
     * Writes an import in ONE transaction: all records and the log entries, or nothing.
     * Revisions go into their group records (read, merged by id, written back) and are
     * sealed (they already exist elsewhere). Nothing but Dexie is awaited inside, so the
     * transaction cannot auto-commit halfway. `onProgress` is called as chunks are written.
     */
    async applyImport(records: ImportRecords, log: ImportLogEntry[], onProgress?: ImportProgress): Promise<void> {
      const tables = [db.assessments, db.stakeholders, db.interviews, db.answerGroups, db.consolidatedGroups, db.textGroups, db.tombstoneGroups, db.attachments, db.imports];
      await db.transaction('rw', tables, async () => {
        const answers = groupBy(records.answers, (a) => a.interviewId);
        const consolidated = groupBy(records.consolidated, (c) => `${c.assessmentId}|${consolidatedBucket(c.questionId)}`);
        const texts = groupBy(records.texts, (t) => `${t.assessmentId}|${textBucket(t.key, t.lang)}`);
        const entities = records.assessments.length + records.stakeholders.length + records.interviews.length + records.attachments.length;
        const total = entities + answers.size + consolidated.size + texts.size + records.tombstones.length + log.length;
        let done = 0;
        const progressed = (n: number) => () => {
          done += n;
          onProgress?.(Math.min(done, total), total);
        };
        onProgress?.(0, total);

        await db.assessments.bulkPut(records.assessments);
        await db.stakeholders.bulkPut(records.stakeholders);
        await db.interviews.bulkPut(records.interviews);
        await db.attachments.bulkPut(records.attachments);
        progressed(entities)();

        const ivIds = [...answers.keys()];
        const existingAnswers = await db.answerGroups.bulkGet(ivIds);
        const answerGroups = ivIds.map((interviewId, i) => {
          const list = answers.get(interviewId)!;
          const group = existingAnswers[i] ?? { interviewId, assessmentId: list[0]!.assessmentId, revisions: [], editable: [] };
          putIntoGroup(group, list);
          return group;
        });
        await putInChunks(db.answerGroups, answerGroups, (n) => progressed(n)(), groupWeight);

        for (const [table, incoming, bucketOf] of [
          [db.consolidatedGroups, consolidated, (r: ConsolidatedRevision) => consolidatedBucket(r.questionId)],
          [db.textGroups, texts, (r: TextRevision) => textBucket(r.key, r.lang)],
        ] as Array<[Table<ConsolidatedGroup | TextGroup, [Id, string]>, Map<string, Array<ConsolidatedRevision | TextRevision>>, (r: ConsolidatedRevision | TextRevision) => string]>) {
          const lists = [...incoming.values()];
          const keys = lists.map((l) => [l[0]!.assessmentId, bucketOf(l[0]!)] as [Id, string]);
          const existing = await table.bulkGet(keys);
          const groups = lists.map((list, i) => {
            const group = existing[i] ?? { assessmentId: keys[i]![0], bucket: keys[i]![1], revisions: [], editable: [] };
            putIntoGroup(group as RevisionGroup<ConsolidatedRevision | TextRevision>, list);
            return group;
          });
          if (groups.length > 0) await table.bulkPut(groups);
          progressed(groups.length)();
        }

        for (const [assessmentId, list] of groupBy(records.tombstones, (t) => t.assessmentId)) {
          const group = (await db.tombstoneGroups.get(assessmentId)) ?? { assessmentId, tombstones: [] };
          const byId = new Map(group.tombstones.map((t) => [t.id, t] as const));
          for (const t of list) byId.set(t.id, t);
          await db.tombstoneGroups.put({ assessmentId, tombstones: [...byId.values()] });
          progressed(list.length)();
        }
        await db.imports.bulkAdd(log);
        progressed(log.length)();
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
export function currentBySlot<R extends RevisionLike>(
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
