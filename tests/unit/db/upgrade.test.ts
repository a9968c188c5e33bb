/**
 * Databases written by earlier schema versions open with the current schema: nothing is
 * lost, and the upgrade to 4 moves every revision into its group record in one
 * versionchange transaction (a failure leaves the old database as it was).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ReadinessDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, upgradeToV4, type StoredAnswer } from '../../../renderer/db/schema';
import { createRepo } from '../../../renderer/db/repo';
import { ReadinessDb as ReadinessDbV3 } from '../../fixtures/schema-v3/schema';
import { createRepo as createRepoV3 } from '../../fixtures/schema-v3/repo';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';
import type { Dataset, Interviewer } from '../../../shared/model/types';

const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('schema upgrade 1 → 4', () => {
  it('keeps every v1 record and seals nothing', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('meta').put({ key: 'deviceId', value: 'dev-1' });
    await v1.table('assessments').put({ id: 'a1', country: 'Kazakhstan', title: 'T', periodStart: '', periodEnd: '', reportLanguages: ['en'], catalogueVersion: '1.0.0+x', createdAt: 't', updatedAt: 't' });
    await v1.table('interviews').put({ id: 'iv1', assessmentId: 'a1', stakeholderIds: [], organization: 'O', date: '', place: '', language: 'ru', parts: ['techA'], status: 'draft', interviewerId: 'me', interviewerName: 'Me', deviceId: 'dev-1', createdAt: 't', updatedAt: 't' });
    await v1.table('answers').put({ id: 'r1', assessmentId: 'a1', interviewId: 'iv1', questionId: 'A1.1', value: { choice: 'yes', elaboration: 'typed in v1' }, at: 't', by: 'me', byName: 'Me', deviceId: 'dev-1', parents: [] });
    v1.close();

    const db = new ReadinessDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.assessments.count()).toBe(1);
    const group = await db.answerGroups.get('iv1');
    expect(group?.revisions.map((r) => r.value.elaboration)).toEqual(['typed in v1']);
    expect(group?.revisions[0]).not.toHaveProperty('sealed');
    expect(group?.editable).toEqual(['r1']);
    expect(await db.consolidatedGroups.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(db.tables.map((t) => t.name)).not.toContain('answers');

    // And it is editable in place as before: it never left the device.
    const repo = createRepo(db);
    expect(await repo.deviceId()).toBe('dev-1');
    const saved = await repo.saveAnswer({ assessmentId: 'a1', interviewId: 'iv1', questionId: 'A1.1' }, { choice: 'partial' }, { id: 'me', name: 'Me', organization: 'O', deviceId: 'dev-1' });
    expect(saved.id).toBe('r1');
    db.close();
    await db.delete();
  });
});

describe('schema upgrade 2 → 4', () => {
  it('keeps sealed and unsealed revisions, consolidated answers and the import log', async () => {
    const name = `upgrade2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const rev = { assessmentId: 'a1', interviewId: 'iv1', at: 't', by: 'me', byName: 'Me', deviceId: 'dev-1', parents: [] };
    await v2.table('answers').bulkPut([
      { ...rev, id: 'r1', questionId: 'A1.1', value: { choice: 'yes' }, sealed: 1 },
      { ...rev, id: 'r2', questionId: 'A1.2', value: { choice: 'no' }, sealed: 0 },
    ]);
    await v2.table('consolidated').put({ id: 'c1', assessmentId: 'a1', questionId: 'A1.1', value: { review: 'reviewed', choice: 'yes' }, at: 't', by: 'me', byName: 'Me', deviceId: 'dev-1', parents: [], sealed: 0 });
    await v2.table('imports').put({ id: 'l1', assessmentId: 'a1', at: 't', fileName: 'f.rsb' });
    v2.close();

    const db = new ReadinessDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const repo = createRepo(db);
    const answers = await repo.interviewAnswers('iv1');
    expect([...answers.keys()].sort()).toEqual(['A1.1', 'A1.2']);
    expect((await db.answerGroups.get('iv1'))?.editable).toEqual(['r2']);
    expect(await db.consolidatedGroups.get(['a1', 'A1'])).toMatchObject({ editable: ['c1'], revisions: [{ id: 'c1' }] });
    expect(await db.imports.count()).toBe(1);
    db.close();
    await db.delete();
  });
});

/**
 * A database as the version-3 app wrote it (its frozen repository in tests/fixtures): a lead
 * who imported the seed assessment, interviewed, exported (sealing), edited again, hit a
 * conflict and consolidated.
 */
async function writeV3Database(name: string): Promise<{ exported: Dataset; unsealed: Set<string> }> {
  let tick = 0;
  const v3 = new ReadinessDbV3(name);
  const old = createRepoV3(v3, { now: () => new Date(Date.UTC(2026, 1, 1, 0, 0, tick++)).toISOString() });
  const seed = buildSeedDataset(seedFixtures).dataset;
  const me = await old.saveProfile({ name: 'Saule Omarova', organization: 'ESCAP' });
  await old.applyImport({ assessments: [seed.assessment], stakeholders: [...seed.stakeholders], interviews: [...seed.interviews], answers: [...seed.answers], consolidated: [...seed.consolidated] }, [
    { id: 'log-1', assessmentId: seed.assessment.id, at: 't', fileName: 'seed.rsb', payloadSha256: 'x', bundleId: 'b', interviewerName: 'Seed', deviceId: 'd0', counts: { stakeholders: 0, interviews: 0, answers: 0, consolidated: 0 }, added: { stakeholders: 0, interviews: 0, answers: 0, consolidated: 0 }, conflicts: 0 },
  ]);
  const iv = await old.createInterview({ assessmentId: seed.assessment.id, stakeholderIds: [seed.stakeholders[0]!.id], organization: seed.stakeholders[0]!.organization, date: '2026-02-01', place: 'Astana', language: 'kk', parts: ['techA', 'legalI'] }, me);
  const slot = (questionId: string) => ({ assessmentId: seed.assessment.id, interviewId: iv.id, questionId });
  await old.saveAnswer(slot('A1.1'), { choice: 'yes', elaboration: 'Бірінші жауап' }, me);
  await old.saveAnswer(slot('I.A.1'), { response: 'Exported, then edited' }, me);
  await old.seal(await old.exportDataset(seed.assessment.id));
  await old.saveAnswer(slot('I.A.1'), { response: 'Edited after the export' }, me); // a child revision, unsealed
  await old.saveAnswer(slot('A1.2'), { choice: 'no' }, me); // never exported
  // A colleague's edit of the same slot arrives: a conflict.
  const colleague: Interviewer = { id: 'c', name: 'Dmitry', organization: 'ESCAP', deviceId: 'device-2' };
  const theirs = { id: 'theirs-1', ...slot('A1.1'), value: { choice: 'partial' as const }, at: '2026-02-02T00:00:00.000Z', by: colleague.id, byName: colleague.name, deviceId: colleague.deviceId, parents: [] };
  await old.applyImport({ assessments: [], stakeholders: [], interviews: [], answers: [theirs], consolidated: [] }, []);
  const q = seed.answers[0]!.questionId;
  await old.saveConsolidated({ assessmentId: seed.assessment.id, questionId: q }, { review: 'reviewed', choice: 'yes', elaboration: 'Consolidated in v3' }, me);
  await old.saveConsolidated({ assessmentId: seed.assessment.id, questionId: 'B7.1' }, { review: 'draft', choice: 'no' }, me);
  const exported = await old.exportDataset(seed.assessment.id);
  const unsealed = new Set([...(await v3.answers.toArray()), ...(await v3.consolidated.toArray())].filter((r) => r.sealed === 0).map((r) => r.id));
  v3.close();
  return { exported, unsealed };
}

describe('schema upgrade 3 → 4', () => {
  it('moves every revision of a database written by the version-3 app into its group, with its sealing', async () => {
    const name = `upgrade3-${Math.random()}`;
    const { exported, unsealed } = await writeV3Database(name);
    expect(exported.answers.length).toBeGreaterThan(100);
    expect(unsealed.size).toBeGreaterThanOrEqual(3);

    const db = new ReadinessDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const repo = createRepo(db);
    const now = await repo.exportDataset(exported.assessment.id);
    expect(byId(now.answers)).toEqual(byId(exported.answers));
    expect(byId(now.consolidated)).toEqual(byId(exported.consolidated));
    expect(byId(now.interviews)).toEqual(byId(exported.interviews));
    expect(byId(now.stakeholders)).toEqual(byId(exported.stakeholders));
    expect(now.assessment).toEqual(exported.assessment);
    expect(await repo.importLog(exported.assessment.id)).toHaveLength(1);

    // One record per interview, one per checklist section of the consolidation.
    const groups = await db.answerGroups.toArray();
    expect(groups).toHaveLength(new Set(exported.answers.map((a) => a.interviewId)).size);
    for (const g of groups) expect(g.revisions.every((r) => r.interviewId === g.interviewId)).toBe(true);
    // Exactly the unsealed revisions are editable.
    const editable = [...groups, ...(await db.consolidatedGroups.toArray())].flatMap((g) => g.editable);
    expect(new Set(editable)).toEqual(unsealed);

    // The conflict is still there, and an edit resolves it with both heads as parents.
    const ivId = exported.interviews.find((iv) => iv.language === 'kk' && iv.place === 'Astana')!.id;
    const a11 = (await repo.interviewAnswers(ivId)).get('A1.1')!;
    expect(a11.conflict).toBe(true);
    const me = (await repo.profile())!;
    const resolved = await repo.saveAnswer({ assessmentId: exported.assessment.id, interviewId: ivId, questionId: 'A1.1' }, { choice: 'partial' }, me);
    expect([...resolved.parents].sort()).toEqual(a11.heads.map((h) => h.id).sort());
    // An unsealed child is still edited in place.
    const child = (await repo.interviewAnswers(ivId)).get('I.A.1')!.head;
    expect((await repo.saveAnswer({ assessmentId: exported.assessment.id, interviewId: ivId, questionId: 'I.A.1' }, { response: 'again' }, me)).id).toBe(child.id);
    db.close();
    await db.delete();
  });

  it('a failing upgrade leaves the version-3 database exactly as it was', async () => {
    const name = `upgrade3-fail-${Math.random()}`;
    await writeV3Database(name);
    const snapshot = async () => {
      const v3 = new ReadinessDbV3(name);
      await v3.open();
      const tables = Object.fromEntries(await Promise.all(v3.tables.map(async (t) => [t.name, await t.toArray()] as const)));
      const version = v3.verno;
      v3.close();
      return { version, tables };
    };
    const before = await snapshot();
    expect((before.tables.answers as StoredAnswer[]).length).toBeGreaterThan(100);

    // The real upgrade runs and has written its groups when the transaction fails.
    const failing = new Dexie(name);
    failing.version(1).stores(SCHEMA_V1);
    failing.version(2).stores(SCHEMA_V2);
    failing.version(3).stores(SCHEMA_V3);
    failing.version(4).stores(SCHEMA_V4).upgrade(async (tx) => {
      await upgradeToV4(tx);
      expect(await tx.table('answerGroups').count()).toBeGreaterThan(0);
      throw new Error('power cut during the upgrade');
    });
    await expect(failing.open()).rejects.toThrow();
    failing.close();

    expect(await snapshot()).toEqual(before);
    // The next start upgrades it.
    const db = new ReadinessDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    db.close();
    await db.delete();
  });
});
