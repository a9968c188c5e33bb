import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadinessDb } from '../../../renderer/db/schema';
import { createRepo, type Repo } from '../../../renderer/db/repo';
import type { Interviewer } from '../../../shared/model/types';

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
    expect(await db.answers.count()).toBe(1);

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
    expect(await db.answers.count()).toBe(2);
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
    const base = { assessmentId: a.id, interviewId: iv.id, questionId: 'A1.3', at: '2026-01-01T00:00:00.000Z', sealed: 1 as const };
    await db.answers.bulkPut([
      { ...base, id: 'h1', value: { elaboration: 'Minister' }, by: 'x', byName: 'X', deviceId: 'd1', parents: [] },
      { ...base, id: 'h2', value: { elaboration: 'Deputy PM' }, by: 'y', byName: 'Y', deviceId: 'd2', parents: [] },
    ]);
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
    expect(await db.answers.count()).toBe(1);
  });
});

describe('stakeholders and interviews', () => {
  it('refuses to delete a stakeholder already interviewed', async () => {
    const { me, a, s } = await setup();
    expect(await repo.deleteStakeholder(s.id)).toBe(false);
    const [free] = await repo.addStakeholders(a.id, [{ organization: 'X', name: 'Y', position: 'Z', sector: 'other' }], me.id);
    expect(await repo.deleteStakeholder(free!.id)).toBe(true);
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
    const before = { answers: await db.answers.count(), imports: await db.imports.count() };
    const good = { id: 'ok', assessmentId: a.id, interviewId: 'iv', questionId: 'A1.1', value: {}, at: 't', by: 'b', byName: 'B', deviceId: 'd', parents: [] };
    const log = { id: 'log1', assessmentId: a.id, at: 't', fileName: 'f.rsb', payloadSha256: 'x', bundleId: 'b', interviewerName: 'B', deviceId: 'd', counts: { stakeholders: 0, interviews: 0, answers: 1, consolidated: 0 }, added: { stakeholders: 0, interviews: 0, answers: 1, consolidated: 0 }, conflicts: 0 };
    // The log id collides with an existing entry: bulkAdd fails at the end of the transaction.
    await repo.applyImport({ assessments: [], stakeholders: [], interviews: [], answers: [], consolidated: [] }, [log]);
    await expect(
      repo.applyImport({ assessments: [], stakeholders: [], interviews: [], answers: [good], consolidated: [] }, [log]),
    ).rejects.toThrow();
    expect(await db.answers.count()).toBe(before.answers);
    expect(await db.imports.count()).toBe(before.imports + 1);
    expect(await db.answers.get('ok')).toBeUndefined();
  });

  it('imported revisions are sealed', async () => {
    const { a } = await setup();
    const rev = { id: 'imp', assessmentId: a.id, interviewId: 'iv', questionId: 'A1.1', value: { choice: 'yes' }, at: 't', by: 'b', byName: 'B', deviceId: 'd', parents: [] };
    await repo.applyImport({ assessments: [], stakeholders: [], interviews: [], answers: [rev], consolidated: [] }, []);
    expect((await db.answers.get('imp'))?.sealed).toBe(1);
  });
});
