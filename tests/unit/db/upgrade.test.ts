/**
 * A database written by schema version 1 opens with the current schema: nothing is lost
 * and the upgrade fills the new fields.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ReadinessDb, SCHEMA_V1 } from '../../../renderer/db/schema';
import { createRepo } from '../../../renderer/db/repo';

describe('schema upgrade 1 → 2', () => {
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
    expect(db.verno).toBe(2);
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
