/**
 * A database written by schema version 1 opens with the current schema: nothing is lost
 * and the upgrade fills the new fields.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ReadinessDb, SCHEMA_V1, SCHEMA_V2 } from '../../../renderer/db/schema';
import { createRepo } from '../../../renderer/db/repo';

describe('schema upgrade 1 → 3', () => {
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
    expect(db.verno).toBe(3);
    expect(await db.assessments.count()).toBe(1);
    const answer = await db.answers.get('r1');
    expect(answer?.value.elaboration).toBe('typed in v1');
    expect(answer?.sealed).toBe(0);
    expect(await db.consolidated.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);

    // And it is editable in place as before: it never left the device.
    const repo = createRepo(db);
    expect(await repo.deviceId()).toBe('dev-1');
    const saved = await repo.saveAnswer({ assessmentId: 'a1', interviewId: 'iv1', questionId: 'A1.1' }, { choice: 'partial' }, { id: 'me', name: 'Me', organization: 'O', deviceId: 'dev-1' });
    expect(saved.id).toBe('r1');
    db.close();
    await db.delete();
  });
});

describe('schema upgrade 2 → 3', () => {
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
    expect(db.verno).toBe(3);
    const repo = createRepo(db);
    const answers = await repo.interviewAnswers('iv1');
    expect([...answers.keys()].sort()).toEqual(['A1.1', 'A1.2']);
    expect((await db.answers.get('r1'))?.sealed).toBe(1);
    expect(await db.consolidated.count()).toBe(1);
    expect(await db.imports.count()).toBe(1);
    db.close();
    await db.delete();
  });
});
