import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadinessDb } from '../../../renderer/db/schema';
import { createRepo, type ImportRecords, type Repo } from '../../../renderer/db/repo';
import type { Interviewer } from '../../../shared/model/types';

const NONE: ImportRecords = { assessments: [], stakeholders: [], interviews: [], answers: [], consolidated: [], texts: [], tombstones: [], attachments: [] };

/** Every stored answer revision, whatever record holds it. */
async function answerRevisions() {
  return (await db.answerGroups.toArray()).flatMap((g) => g.revisions);
}

let db: ReadinessDb;
let repo: Repo;
let tick = 0;
let ids = 0;

beforeEach(async () => {
  tick = 0;
  ids = 0;
  db = new ReadinessDb(`test-${Math.random()}`);
  repo = createRepo(db, {
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newId: () => `id-${String(++ids).padStart(4, '0')}`,
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function setup() {
  const me = await repo.saveProfile({ name: ' Aigerim ', organization: 'ESCAP' });
  const a = await repo.createAssessment({ country: 'Kazakhstan', title: 'KZ 2026', periodStart: '2026-01-01', periodEnd: '2026-02-01', reportLanguages: ['en', 'kk'] });
  const [s] = await repo.addStakeholders(a.id, [{ organization: 'State Revenue Committee', name: 'T. Sergaziyev', position: 'Chief expert', sector: 'government' }], me.id);
  const iv = await repo.createInterview(
    { assessmentId: a.id, stakeholderIds: [s!.id], organization: s!.organization, date: '2026-01-10', place: 'Astana', language: 'ru', parts: ['techA'] },
    me,
  );
  return { me, a, s: s!, iv };
}

describe('device and profile', () => {
  it('generates the device id once and keeps it', async () => {
    const first = await repo.deviceId();
    expect(await repo.deviceId()).toBe(first);
    const me = await repo.saveProfile({ name: 'A', organization: 'B' });
    expect(me.deviceId).toBe(first);
    const again = await repo.saveProfile({ name: 'A2', organization: 'B' });
    expect(again.id).toBe(me.id);
    expect((await repo.profile())?.name).toBe('A2');
  });
});

describe('answers as revisions', () => {
  it('edits in place until exported, then creates a child revision per edit', async () => {
    const { me, a, iv } = await setup();
    const slot = { assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' };
    const r1 = await repo.saveAnswer(slot, { choice: 'yes' }, me);
    const r1b = await repo.saveAnswer(slot, { choice: 'yes', elaboration: 'NCTF exists' }, me);
    expect(r1b.id).toBe(r1.id);
    expect(await answerRevisions()).toHaveLength(1);

    const exported = await repo.exportDataset(a.id);
    expect(exported.answers[0]).not.toHaveProperty('sealed');
    await repo.seal(exported);

    const r2 = await repo.saveAnswer(slot, { choice: 'partial', elaboration: 'NCTF exists, no PT body' }, me);
    expect(r2.id).not.toBe(r1.id);
    expect(r2.parents).toEqual([r1.id]);
    const r2b = await repo.saveAnswer(slot, { choice: 'partial', elaboration: 'edited again' }, me);
    expect(r2b.id).toBe(r2.id); // the child is not sealed yet: in place again
    const current = await repo.interviewAnswers(iv.id);
    expect(current.get('A1.1')?.head.value.elaboration).toBe('edited again');
    expect(current.get('A1.1')?.conflict).toBe(false);
    expect(await answerRevisions()).toHaveLength(2);
  });

  it('never edits in place a revision written on another device', async () => {
    const { me, a, iv } = await setup();
    const slot = { assessmentId: a.id, interviewId: iv.id, questionId: 'A1.2' };
    const mine = await repo.saveAnswer(slot, { choice: 'no' }, me);
    const colleague: Interviewer = { id: 'other', name: 'Dmitry', organization: 'ESCAP', deviceId: 'device-2' };
    const theirs = await repo.saveAnswer(slot, { choice: 'yes' }, colleague);
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.parents).toEqual([mine.id]);
  });

  it('an edit on a conflicted slot becomes a revision with both heads as parents', async () => {
    const { me, a, iv } = await setup();
    const base = { assessmentId: a.id, interviewId: iv.id, questionId: 'A1.3', at: '2026-01-01T00:00:00.000Z' };
    await repo.applyImport(
      {
        ...NONE,
        answers: [
          { ...base, id: 'h1', value: { elaboration: 'Minister' }, by: 'x', byName: 'X', deviceId: 'd1', parents: [] },
          { ...base, id: 'h2', value: { elaboration: 'Deputy PM' }, by: 'y', byName: 'Y', deviceId: 'd2', parents: [] },
        ],
      },
      [],
    );
    expect((await repo.interviewAnswers(iv.id)).get('A1.3')?.conflict).toBe(true);
    const resolved = await repo.saveAnswer({ assessmentId: a.id, interviewId: iv.id, questionId: 'A1.3' }, { elaboration: 'Minister (per both)' }, me);
    expect(resolved.parents).toEqual(['h1', 'h2']);
    const after = (await repo.interviewAnswers(iv.id)).get('A1.3')!;
    expect(after.conflict).toBe(false);
    expect(after.head.id).toBe(resolved.id);
  });

  it('concurrent saves of one slot do not fork it', async () => {
    const { me, a, iv } = await setup();
    const slot = { assessmentId: a.id, interviewId: iv.id, questionId: 'A2.1.1' };
    await Promise.all(Array.from({ length: 10 }, (_, i) => repo.saveAnswer(slot, { elaboration: 'x'.repeat(i) }, me)));
    expect(await answerRevisions()).toHaveLength(1);
  });
});

describe('stakeholders and interviews', () => {
  it('does not delete a stakeholder a live interview names, and says which interviews do', async () => {
    const { me, a, s, iv } = await setup();
    const refused = await repo.deleteStakeholder(s.id, me);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.interviews.map((x) => x.id)).toEqual([iv.id]);
    expect(await repo.tombstones(a.id)).toEqual([]);
    const [free] = await repo.addStakeholders(a.id, [{ organization: 'X', name: 'Y', position: 'Z', sector: 'other' }], me.id);
    const done = await repo.deleteStakeholder(free!.id, me, 'typo');
    expect(done.ok).toBe(true);
    expect((await repo.liveRecords(a.id)).stakeholders.map((x) => x.id)).toEqual([s.id]);
    // The record stays stored (the tombstone hides it) and travels in a bundle.
    expect(await db.stakeholders.get(free!.id)).toBeDefined();
    expect((await repo.exportDataset(a.id)).tombstones).toMatchObject([{ target: 'stakeholder', targetId: free!.id, reason: 'typo', by: me.id }]);
    // Once the interview is deleted, the stakeholder can be deleted too.
    await repo.deleteInterview(iv.id, me);
    expect((await repo.deleteStakeholder(s.id, me)).ok).toBe(true);
  });

  it('deletes an interview with its answers as a tombstone, and undoes it by writing the record again', async () => {
    const { me, a, iv } = await setup();
    await repo.saveAnswer({ assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' }, { choice: 'yes' }, me);
    const t = await repo.deleteInterview(iv.id, me, 'started by mistake');
    let live = await repo.liveDataset(a.id);
    expect(live.interviews).toEqual([]);
    expect(live.answers).toEqual([]);
    expect((await repo.liveRecords(a.id)).interviews).toEqual([]);
    await repo.restore(t);
    live = await repo.liveDataset(a.id);
    expect(live.interviews.map((x) => x.id)).toEqual([iv.id]);
    expect(live.answers).toHaveLength(1);
    expect(live.interviews[0]!.updatedAt > t.at).toBe(true);
    // Undo never removes the tombstone: it has already been recorded (and may have travelled).
    expect(await repo.tombstones(a.id)).toHaveLength(1);
  });

  it('undo is newer than the deletion even when the clock has not moved', async () => {
    const fixed = createRepo(db, { now: () => '2026-01-01T00:00:00.000Z', newId: () => `f-${++ids}` });
    const me = await fixed.saveProfile({ name: 'A', organization: 'B' });
    const a = await fixed.createAssessment({ country: 'KZ', title: 'T', periodStart: '', periodEnd: '', reportLanguages: ['en'] });
    const t = await fixed.deleteAssessment(a.id, me);
    expect(await fixed.liveAssessments()).toEqual([]);
    await fixed.restore(t);
    expect((await fixed.liveAssessments()).map((x) => x.id)).toEqual([a.id]);
  });

  it('a deleted assessment leaves the list and hides everything in it', async () => {
    const { me, a } = await setup();
    await repo.deleteAssessment(a.id, me, 'test data');
    expect(await repo.liveAssessments()).toEqual([]);
    const view = await repo.liveRecords(a.id);
    expect(view.deleted).toBe(true);
    expect(view.interviews).toEqual([]);
    expect(view.stakeholders).toEqual([]);
    expect(await db.assessments.count()).toBe(1);
  });

  it('merging duplicates leaves tombstones: re-importing an old bundle does not bring the duplicate back', async () => {
    const { me, a, s, iv } = await setup();
    const [dup] = await repo.addStakeholders(a.id, [{ organization: 'State Revenue Committee', name: 'T. Sergaziev', position: 'Chief expert', sector: 'government' }], me.id);
    const iv2 = await repo.createInterview({ assessmentId: a.id, stakeholderIds: [dup!.id], organization: dup!.organization, date: '2026-01-12', place: '', language: 'kk', parts: ['techA'] }, me);
    const oldBundle = await repo.exportDataset(a.id);
    await repo.mergeStakeholders(s.id, [dup!.id], me);
    expect(await db.stakeholders.get(dup!.id)).toBeDefined();
    expect((await repo.tombstones(a.id))[0]).toMatchObject({ target: 'stakeholder', targetId: dup!.id, replacedBy: s.id, reason: 'merged' });
    // The old bundle comes back: its stakeholder and interview records are older than the merge.
    await repo.applyImport({ ...NONE, stakeholders: [...oldBundle.stakeholders], interviews: [...oldBundle.interviews] }, []);
    const view = await repo.liveRecords(a.id);
    expect(view.stakeholders.map((x) => x.id)).toEqual([s.id]);
    expect(view.interviews.find((x) => x.id === iv2.id)?.stakeholderIds).toEqual([s.id]);
    expect(view.interviews.find((x) => x.id === iv.id)?.stakeholderIds).toEqual([s.id]);
  });

  it('a merge is undone by writing the duplicate and the interviews again (the tombstone stays)', async () => {
    const { me, a, s } = await setup();
    const [dup] = await repo.addStakeholders(a.id, [{ organization: 'State Revenue Committee', name: 'T. Sergaziev', position: 'Chief expert', sector: 'government' }], me.id);
    const iv2 = await repo.createInterview({ assessmentId: a.id, stakeholderIds: [dup!.id], organization: dup!.organization, date: '2026-01-12', place: '', language: 'kk', parts: ['techA'] }, me);
    const undo = await repo.mergeStakeholders(s.id, [dup!.id], me);
    expect((await repo.liveRecords(a.id)).stakeholders.map((x) => x.id)).toEqual([s.id]);
    await undo();
    const view = await repo.liveRecords(a.id);
    expect(view.stakeholders.map((x) => x.id).sort()).toEqual([s.id, dup!.id].sort());
    expect(view.interviews.find((x) => x.id === iv2.id)?.stakeholderIds).toEqual([dup!.id]);
    expect(await repo.tombstones(a.id)).toHaveLength(1);
  });

  it('exports only the chosen interviews with their answers', async () => {
    const { me, a, s, iv } = await setup();
    const iv2 = await repo.createInterview(
      { assessmentId: a.id, stakeholderIds: [s.id], organization: s.organization, date: '2026-01-11', place: 'Astana', language: 'kk', parts: ['legalI'] },
      me,
    );
    await repo.saveAnswer({ assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' }, { choice: 'yes' }, me);
    await repo.saveAnswer({ assessmentId: a.id, interviewId: iv2.id, questionId: 'I.A.1' }, { response: 'Civil Code' }, me);
    const only2 = await repo.exportDataset(a.id, [iv2.id]);
    expect(only2.interviews.map((i) => i.id)).toEqual([iv2.id]);
    expect(only2.answers.map((x) => x.questionId)).toEqual(['I.A.1']);
    expect(only2.stakeholders).toHaveLength(1);
  });
});

describe('import transaction', () => {
  it('is all or nothing: a failing record rolls back every write', async () => {
    const { a } = await setup();
    const before = { answers: (await answerRevisions()).length, imports: await db.imports.count() };
    const good = { id: 'ok', assessmentId: a.id, interviewId: 'iv', questionId: 'A1.1', value: {}, at: 't', by: 'b', byName: 'B', deviceId: 'd', parents: [] };
    const log = { id: 'log1', assessmentId: a.id, at: 't', fileName: 'f.rsb', payloadSha256: 'x', bundleId: 'b', interviewerName: 'B', deviceId: 'd', counts: { stakeholders: 0, interviews: 0, answers: 1, consolidated: 0 }, added: { stakeholders: 0, interviews: 0, answers: 1, consolidated: 0 }, conflicts: 0 };
    // The log id collides with an existing entry: bulkAdd fails at the end of the transaction.
    await repo.applyImport(NONE, [log]);
    await expect(repo.applyImport({ ...NONE, answers: [good] }, [log])).rejects.toThrow();
    expect(await answerRevisions()).toHaveLength(before.answers);
    expect(await db.imports.count()).toBe(before.imports + 1);
    expect((await answerRevisions()).find((r) => r.id === 'ok')).toBeUndefined();
  });

  it('imported revisions are sealed, even one this device wrote', async () => {
    const { me, a, iv } = await setup();
    const slot = { assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' };
    const mine = await repo.saveAnswer(slot, { choice: 'yes' }, me);
    // My own backup comes back: the revision has left the device, so it is sealed now.
    await repo.applyImport({ ...NONE, answers: [mine] }, []);
    expect((await db.answerGroups.get(iv.id))?.editable).toEqual([]);
    const next = await repo.saveAnswer(slot, { choice: 'no' }, me);
    expect(next.parents).toEqual([mine.id]);
  });
});

describe('texts', () => {
  const section = (body: string) => ({ kind: 'section' as const, body: { blocks: [{ kind: 'paragraph' as const, inlines: [{ t: 'text' as const, text: body }] }] }, state: 'draft' as const });

  it('edits a text slot in place until exported, then makes a child; translations carry their source', async () => {
    const { me, a } = await setup();
    const slot = { assessmentId: a.id, key: 'section:introduction', lang: 'en' as const };
    const t1 = await repo.saveText(slot, section('First draft'), me);
    const t1b = await repo.saveText(slot, section('Second draft'), me);
    expect(t1b.id).toBe(t1.id);
    expect(t1b.value).toEqual(section('Second draft'));
    const kk = await repo.saveText({ ...slot, lang: 'kk' }, section('Кіріспе'), me, { translates: t1.id, translationState: 'translated' });
    expect(kk.translates).toBe(t1.id);
    expect(kk.translationState).toBe('translated');
    // A source edited in place stays a source: no provenance appears.
    expect(t1b).not.toHaveProperty('translates');

    await repo.seal(await repo.exportDataset(a.id));
    const t2 = await repo.saveText(slot, section('After export'), me);
    expect(t2.parents).toEqual([t1.id]);
    const reviewed = await repo.saveText({ ...slot, lang: 'kk' }, section('Кіріспе (тексерілді)'), me, { translates: t2.id, translationState: 'reviewed' });
    expect(reviewed.parents).toEqual([kk.id]);
    expect(reviewed.translates).toBe(t2.id);

    const all = await repo.texts(a.id);
    expect(all.map((t) => t.id).sort()).toEqual([t1.id, kk.id, t2.id, reviewed.id].sort());
    // One record per language and key family.
    expect((await db.textGroups.toArray()).map((g) => g.bucket).sort()).toEqual(['en|section', 'kk|section']);
  });

  it('keeps consolidated answers in one record per checklist section', async () => {
    const { me, a } = await setup();
    await repo.saveConsolidated({ assessmentId: a.id, questionId: 'A2.1.1' }, { review: 'draft', choice: 'yes' }, me);
    await repo.saveConsolidated({ assessmentId: a.id, questionId: 'A2.3' }, { review: 'draft', choice: 'no' }, me);
    await repo.saveConsolidated({ assessmentId: a.id, questionId: 'I.A.1' }, { review: 'reviewed', response: 'Law on e-documents' }, me);
    const groups = await db.consolidatedGroups.toArray();
    expect(groups.map((g) => [g.bucket, g.revisions.length]).sort()).toEqual([
      ['A2', 2],
      ['I', 1],
    ]);
    expect((await repo.exportDataset(a.id)).consolidated).toHaveLength(3);
  });
});

describe('tombstones, attachments and their bytes', () => {
  const bytes = new TextEncoder().encode('Law of the Republic of Kazakhstan on electronic documents');
  const hex = async (b: Uint8Array<ArrayBuffer>) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join('');

  it('stores tombstones as a set by id and exports them', async () => {
    const { a, s } = await setup();
    const t = { id: 'tomb-1', assessmentId: a.id, target: 'stakeholder' as const, targetId: s.id, reason: 'duplicate', at: 't', by: 'me', byName: 'Me', deviceId: 'd' };
    await repo.putTombstones([t]);
    await repo.putTombstones([t, { ...t, id: 'tomb-2', targetId: 'other' }]);
    expect((await repo.tombstones(a.id)).map((x) => x.id).sort()).toEqual(['tomb-1', 'tomb-2']);
    expect((await repo.exportDataset(a.id)).tombstones).toHaveLength(2);
  });

  it('stores attachment metadata by id and the bytes once per content, checked against their hash', async () => {
    const { me, a } = await setup();
    const sha256 = await hex(bytes);
    const meta = { id: 'att-1', assessmentId: a.id, sha256, size: bytes.length, mediaType: 'text/plain', fileName: 'law.txt', title: 'Law on e-documents', received: '' as const, organization: 'Ministry of Justice', links: [{ kind: 'consolidated' as const, questionId: 'I.A.1' }], createdAt: 't', updatedAt: 't', updatedBy: me.id };
    await repo.putAttachment(meta);
    await repo.putAttachment({ ...meta, title: 'Law on electronic documents' });
    expect((await repo.attachments(a.id)).map((x) => x.title)).toEqual(['Law on electronic documents']);
    expect((await repo.exportDataset(a.id)).attachments).toHaveLength(1);

    expect(await repo.hasBlob(sha256)).toBe(false);
    expect(await repo.putBlob(sha256, new Blob([bytes], { type: 'text/plain' }))).toBe(true);
    expect(await repo.putBlob(sha256, new Blob([bytes], { type: 'text/plain' }))).toBe(false); // the same content is stored once
    expect(await db.blobs.count()).toBe(1);
    expect(await repo.hasBlob(sha256)).toBe(true);
    const back = await repo.getBlob(sha256);
    expect(new Uint8Array(await back!.arrayBuffer())).toEqual(bytes);
    expect(await repo.getBlob('0'.repeat(64))).toBeUndefined();

    const wrong = await hex(new TextEncoder().encode('something else'));
    await expect(repo.putBlob(wrong, new Blob([bytes]))).rejects.toThrow(/do not match/);
    await expect(repo.putBlob('not-a-hash', new Blob([bytes]))).rejects.toThrow(/SHA-256/);
    expect(await db.blobs.count()).toBe(1);
  });
});

describe('import of all eight collections', () => {
  it('writes every collection in one transaction, merges into existing records and reports progress', async () => {
    const { me, a, s, iv } = await setup();
    const local = await repo.saveAnswer({ assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' }, { choice: 'yes' }, me);
    const rev = { assessmentId: a.id, at: '2026-01-02T00:00:00.000Z', by: 'b', byName: 'B', deviceId: 'd2', parents: [] };
    const records: ImportRecords = {
      assessments: [{ ...a, title: 'KZ 2026 (merged)', updatedAt: '2027-01-01T00:00:00.000Z' }],
      stakeholders: [{ ...s, id: 's2', name: 'D. Ospanova' }],
      interviews: [{ ...iv, id: 'iv2' }],
      answers: [
        { ...rev, id: 'x1', interviewId: iv.id, questionId: 'A1.2', value: { choice: 'no' } },
        { ...rev, id: 'x2', interviewId: 'iv2', questionId: 'A1.1', value: { choice: 'partial' } },
      ],
      consolidated: [{ ...rev, id: 'c1', questionId: 'B7.1', value: { review: 'reviewed', choice: 'yes' } }],
      texts: [{ ...rev, id: 't1', key: 'finding:A1', lang: 'ru', value: { kind: 'finding', body: { blocks: [] }, state: 'draft' } }],
      tombstones: [{ id: 'tb1', assessmentId: a.id, target: 'interview', targetId: 'gone', reason: 'test', at: 't', by: 'b', byName: 'B', deviceId: 'd2' }],
      attachments: [{ id: 'at1', assessmentId: a.id, sha256: 'a'.repeat(64), size: 1, mediaType: 'application/pdf', fileName: 'f.pdf', title: 'F', received: '', organization: '', links: [], createdAt: 't', updatedAt: 't', updatedBy: 'b' }],
    };
    const progress: Array<[number, number]> = [];
    await repo.applyImport(records, [], (done, total) => progress.push([done, total]));
    const d = await repo.exportDataset(a.id);
    expect(d.assessment.title).toBe('KZ 2026 (merged)');
    expect(d.stakeholders).toHaveLength(2);
    expect(d.interviews).toHaveLength(2);
    expect(d.answers.map((x) => x.id).sort()).toEqual([local.id, 'x1', 'x2'].sort());
    expect(d.consolidated.map((x) => x.id)).toEqual(['c1']);
    expect(d.texts.map((x) => x.id)).toEqual(['t1']);
    expect(d.tombstones.map((x) => x.id)).toEqual(['tb1']);
    expect(d.attachments.map((x) => x.id)).toEqual(['at1']);
    // The local revision kept its place and is still editable; the imported ones are sealed.
    expect((await db.answerGroups.get(iv.id))?.editable).toEqual([local.id]);
    expect((await repo.saveAnswer({ assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' }, { choice: 'no' }, me)).id).toBe(local.id);

    expect(progress.length).toBeGreaterThan(2);
    const total = progress[0]![1];
    expect(progress.every(([, t]) => t === total)).toBe(true);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((x, y) => x - y));
    expect(progress.at(-1)![0]).toBe(total);
  });
});

describe('answer edits written ahead', () => {
  it('a written-ahead edit survives until folded, and the fold removes only what it has written', async () => {
    const { me, a, iv } = await setup();
    const slot = { assessmentId: a.id, interviewId: iv.id, questionId: 'A1.4' };
    await repo.writeAhead([{ slot, value: { elaboration: 'typed before the crash' }, who: me, at: '2026-01-05T10:00:00.000Z', seq: 5 }]);
    expect(await repo.interviewAnswers(iv.id)).toHaveProperty('size', 0);
    // The next start folds it into the interview's record.
    expect(await repo.foldPendingEdits()).toBe(1);
    const head = (await repo.interviewAnswers(iv.id)).get('A1.4')!.head;
    expect(head.value.elaboration).toBe('typed before the crash');
    expect(head.at).toBe('2026-01-05T10:00:00.000Z');
    expect(await db.pendingEdits.count()).toBe(0);

    // A fold of an older edit leaves a newer written-ahead edit of the slot in place.
    await repo.writeAhead([{ slot, value: { elaboration: 'newer' }, who: me, at: 't2', seq: 9 }]);
    await repo.foldEdit({ slot, value: { elaboration: 'older' }, who: me, at: 't1', seq: 8 });
    expect((await db.pendingEdits.toArray()).map((p) => p.value.elaboration)).toEqual(['newer']);
    expect(await repo.foldPendingEdits()).toBe(1);
    expect((await repo.interviewAnswers(iv.id)).get('A1.4')!.head.value.elaboration).toBe('newer');
  });
});

describe('live queries', () => {
  it('a write to an interview record re-runs the queries that read it', async () => {
    const { liveQuery } = await import('dexie');
    const { me, a, iv } = await setup();
    const seen: string[] = [];
    let resolveNext: (() => void) | undefined;
    const sub = liveQuery(() => repo.interviewAnswers(iv.id)).subscribe((m) => {
      seen.push(m.get('A1.1')?.head.value.elaboration ?? '');
      resolveNext?.();
    });
    const next = () => new Promise<void>((r) => (resolveNext = r));
    await next();
    const changed = next();
    await repo.saveAnswer({ assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' }, { elaboration: 'live' }, me);
    await changed;
    sub.unsubscribe();
    expect(seen).toEqual(['', 'live']);
  });
});

describe('supporting documents', () => {
  const pdf = (text: string) => new Blob([new TextEncoder().encode(`%PDF-1.4 ${text}`)], { type: 'application/pdf' });

  it('stores the same file once, links it where it is attached again, and refuses files over the limit', async () => {
    const { me, a, iv } = await setup();
    const answer = { kind: 'answer' as const, interviewId: iv.id, questionId: 'A1.1' };
    const first = await repo.attachFile({ assessmentId: a.id, blob: pdf('law'), fileName: 'Law_on_e-documents.pdf', link: answer, organization: 'SRC' }, me);
    expect(first).toMatchObject({ ok: true, existing: false, attachment: { title: 'Law on e-documents', organization: 'SRC', mediaType: 'application/pdf', links: [answer] } });
    const again = await repo.attachFile({ assessmentId: a.id, blob: pdf('law'), fileName: 'copy.pdf', link: { kind: 'consolidated', questionId: 'A1.1' } }, me);
    expect(again.ok && again.existing).toBe(true);
    expect(await db.blobs.count()).toBe(1);
    expect(await repo.liveAttachments(a.id)).toHaveLength(1);
    expect((await repo.liveAttachments(a.id))[0]!.links).toHaveLength(2);
    await repo.setAttachmentLimit(10);
    expect(await repo.attachFile({ assessmentId: a.id, blob: pdf('a larger file'), fileName: 'big.pdf', link: answer }, me)).toEqual({ ok: false, reason: 'tooLarge', limit: 10 });
    expect(await db.blobs.count()).toBe(1);
  });

  it('removing a document linked once deletes it (a tombstone), undone by writing it again; linked twice, it loses one link', async () => {
    const { me, a, iv } = await setup();
    const answer = { kind: 'answer' as const, interviewId: iv.id, questionId: 'A1.1' };
    const consolidated = { kind: 'consolidated' as const, questionId: 'A1.1' };
    const r = await repo.attachFile({ assessmentId: a.id, blob: pdf('order'), fileName: 'order.pdf', link: answer }, me);
    if (!r.ok) throw new Error('not attached');
    await repo.attachFile({ assessmentId: a.id, blob: pdf('order'), fileName: 'order.pdf', link: consolidated }, me);
    const undoLink = await repo.detachFile(r.attachment.id, consolidated, me);
    expect((await repo.liveAttachments(a.id))[0]!.links).toEqual([answer]);
    await undoLink();
    expect((await repo.liveAttachments(a.id))[0]!.links).toHaveLength(2);
    await repo.detachFile(r.attachment.id, consolidated, me);
    const undo = await repo.detachFile(r.attachment.id, answer, me);
    expect(await repo.liveAttachments(a.id)).toEqual([]);
    expect((await repo.exportDataset(a.id)).tombstones).toMatchObject([{ target: 'attachment', targetId: r.attachment.id }]);
    await undo();
    expect(await repo.liveAttachments(a.id)).toHaveLength(1);
  });
});
