/**
 * Deletions through the exchange layer: a deletion travels in a bundle and wins over an
 * older copy in either order; a backup of a deleted assessment restores it when imported
 * (the import writes the assessment again, newer than its tombstone); a bundle that carries
 * the deletion itself restores nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadinessDb } from '../../../renderer/db/schema';
import { createRepo, type Repo } from '../../../renderer/db/repo';
import { applyPlan, assessmentRestore, planFor, withRestore } from '../../../renderer/db/exchange';
import type { IncomingBundle } from '../../../shared/merge';
import type { Dataset } from '../../../shared/model/types';

let tick = 0;
const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString();
const dbs: ReadinessDb[] = [];
function device(name: string): Repo {
  const db = new ReadinessDb(`${name}-${Math.random()}`);
  dbs.push(db);
  return createRepo(db, { now });
}
beforeEach(() => {
  tick = 0;
});
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const bundle = (dataset: Dataset, fileName = 'b.rsb'): IncomingBundle =>
  ({ fileName, dataset, manifest: { bundleId: fileName, payloadSha256: 'x', exportedAt: now(), interviewer: { id: 'u', name: 'U', organization: '' }, deviceId: 'd', counts: { stakeholders: 0, interviews: 0, answers: 0, consolidated: 0 } } }) as unknown as IncomingBundle;

async function importInto(repo: Repo, datasets: Dataset[], opts: { restore?: boolean } = {}) {
  const files = datasets.map((d, i) => bundle(d, `f${i}.rsb`));
  const target = datasets[0]!.assessment.id;
  const plan = await planFor(repo, (await repo.db.assessments.get(target)) ? target : undefined, files);
  const restore = opts.restore === false ? undefined : assessmentRestore(plan, files);
  await applyPlan(repo, restore ? withRestore(plan, restore, now) : plan, now);
  return { restore };
}

async function fieldwork(repo: Repo) {
  const me = await repo.saveProfile({ name: 'Aigerim', organization: 'ESCAP' });
  const a = await repo.createAssessment({ country: 'Kazakhstan', title: 'KZ', periodStart: '', periodEnd: '', reportLanguages: ['en'] });
  const [s] = await repo.addStakeholders(a.id, [{ organization: 'Kazpost JSC', name: 'B. Nurlanov', position: 'Director', sector: 'private' }], me.id);
  const iv = await repo.createInterview({ assessmentId: a.id, stakeholderIds: [s!.id], organization: 'Kazpost JSC', date: '2026-01-05', place: '', language: 'ru', parts: ['techA'] }, me);
  await repo.saveAnswer({ assessmentId: a.id, interviewId: iv.id, questionId: 'A1.1' }, { choice: 'yes' }, me);
  return { me, a, iv };
}

describe('deletions that travel', () => {
  it('a deleted interview stays deleted on another computer whichever bundle arrives first', async () => {
    const lead = device('lead');
    const { me, a, iv } = await fieldwork(lead);
    const before = await lead.exportDataset(a.id);
    await lead.deleteInterview(iv.id, me, 'duplicate');
    const after = await lead.exportDataset(a.id);
    for (const order of [[before, after], [after, before]]) {
      const other = device('other');
      for (const d of order) await importInto(other, [d]);
      const live = await other.liveDataset(a.id);
      expect(live.interviews).toEqual([]);
      expect(live.answers).toEqual([]);
      // Everything is still stored: the deletion hides, it does not erase.
      expect((await other.exportDataset(a.id)).interviews.map((x) => x.id)).toEqual([iv.id]);
    }
  });

  it('importing a backup of a deleted assessment restores it, with a newer record and the tombstone kept', async () => {
    const repo = device('one');
    const { me, a, iv } = await fieldwork(repo);
    const backup = await repo.exportDataset(a.id);
    const t = await repo.deleteAssessment(a.id, me, 'test');
    expect(await repo.liveAssessments()).toEqual([]);
    const { restore } = await importInto(repo, [backup]);
    expect(restore).toMatchObject({ id: t.id, byName: 'Aigerim' });
    expect((await repo.liveAssessments()).map((x) => x.id)).toEqual([a.id]);
    expect((await repo.liveRecords(a.id)).interviews.map((x) => x.id)).toEqual([iv.id]);
    expect((await repo.db.assessments.get(a.id))!.updatedAt > t.at).toBe(true);
    expect(await repo.tombstones(a.id)).toHaveLength(1);
  });

  it('a bundle that carries the deletion restores nothing, and without restore the backup stays hidden', async () => {
    const repo = device('one');
    const { me, a } = await fieldwork(repo);
    const backup = await repo.exportDataset(a.id);
    await repo.deleteAssessment(a.id, me);
    const deleted = await repo.exportDataset(a.id);
    const other = device('other');
    await importInto(other, [backup]);
    const { restore } = await importInto(other, [deleted]);
    expect(restore).toBeUndefined();
    expect(await other.liveAssessments()).toEqual([]);
    await importInto(repo, [backup], { restore: false });
    expect(await repo.liveAssessments()).toEqual([]);
  });
});
