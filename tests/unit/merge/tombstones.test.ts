/** Deletions as tombstones: the live dataset, in any merge order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveDataset, mergeAll, resolveStakeholder, indexTombstones } from '../../../shared/merge';
import type { AnswerRevision, Dataset, Interview, Stakeholder, Tombstone } from '../../../shared/model/types';

const T = (day: number) => `2021-10-${String(day).padStart(2, '0')}T08:00:00.000Z`;

const empty: Dataset = {
  assessment: {
    id: 'A',
    country: 'Kazakhstan',
    title: 'T',
    periodStart: '',
    periodEnd: '',
    reportLanguages: ['en'],
    catalogueVersion: '1.0.0',
    createdAt: T(1),
    updatedAt: T(1),
  },
  stakeholders: [],
  interviews: [],
  answers: [],
  consolidated: [],
  texts: [],
  tombstones: [],
  attachments: [],
};

const person = (id: string, updatedAt: string): Stakeholder => ({
  id,
  assessmentId: 'A',
  organization: 'Ministry of Trade',
  honorific: 'Ms.',
  name: `Person ${id}`,
  position: '',
  sector: 'government',
  contacts: '',
  notes: '',
  createdAt: T(1),
  updatedAt,
  updatedBy: 'u1',
});

const interview = (id: string, updatedAt: string, stakeholderIds: string[] = []): Interview => ({
  id,
  assessmentId: 'A',
  stakeholderIds,
  organization: 'Ministry of Trade',
  date: '2021-10-05',
  place: '',
  language: 'ru',
  parts: ['techA'],
  status: 'draft',
  interviewerId: 'u1',
  interviewerName: 'Aigerim',
  deviceId: 'd1',
  createdAt: T(1),
  updatedAt,
});

const answer = (id: string, interviewId: string): AnswerRevision => ({
  id,
  assessmentId: 'A',
  interviewId,
  questionId: 'A1.1',
  value: { choice: 'yes' },
  at: T(2),
  by: 'u1',
  byName: 'Aigerim',
  deviceId: 'd1',
  parents: [],
});

const tombstone = (id: string, target: Tombstone['target'], targetId: string, at: string, replacedBy?: string): Tombstone => ({
  id,
  assessmentId: 'A',
  target,
  targetId,
  reason: 'started by mistake',
  ...(replacedBy ? { replacedBy } : {}),
  at,
  by: 'u1',
  byName: 'Aigerim',
  deviceId: 'd1',
});

describe('liveDataset', () => {
  it('hides a deleted interview and its answers, and keeps the tombstone', () => {
    const d: Dataset = { ...empty, interviews: [interview('i1', T(2)), interview('i2', T(2))], answers: [answer('r1', 'i1'), answer('r2', 'i2')], tombstones: [tombstone('x', 'interview', 'i1', T(3))] };
    const live = liveDataset(d);
    expect(live.interviews.map((i) => i.id)).toEqual(['i2']);
    expect(live.answers.map((a) => a.id)).toEqual(['r2']);
    expect(live.tombstones).toHaveLength(1);
  });

  it('shows a record written after the deletion again (undo, or a later edit elsewhere)', () => {
    const d: Dataset = { ...empty, interviews: [interview('i1', T(4))], answers: [answer('r1', 'i1')], tombstones: [tombstone('x', 'interview', 'i1', T(3))] };
    expect(liveDataset(d).answers).toHaveLength(1);
  });

  it('renames a merged duplicate stakeholder to the kept one, following chains and surviving cycles', () => {
    const d: Dataset = {
      ...empty,
      stakeholders: [person('keep', T(2)), person('dup', T(2)), person('dup2', T(2))],
      interviews: [interview('i1', T(2), ['dup', 'keep']), interview('i2', T(2), ['dup2'])],
      tombstones: [tombstone('x1', 'stakeholder', 'dup', T(3), 'keep'), tombstone('x2', 'stakeholder', 'dup2', T(3), 'dup')],
    };
    const live = liveDataset(d);
    expect(live.stakeholders.map((s) => s.id)).toEqual(['keep']);
    expect(live.interviews.map((i) => i.stakeholderIds)).toEqual([['keep'], ['keep']]);
    // The duplicate written again after the merge (the merge undone): a person again, not renamed.
    const undone = liveDataset({ ...d, stakeholders: [person('keep', T(2)), person('dup', T(4)), person('dup2', T(2))] });
    expect(undone.stakeholders.map((s) => s.id)).toEqual(['keep', 'dup']);
    expect(undone.interviews.map((i) => i.stakeholderIds)).toEqual([['dup', 'keep'], ['dup']]);
    const cyclic = indexTombstones([tombstone('c1', 'stakeholder', 'a', T(3), 'b'), tombstone('c2', 'stakeholder', 'b', T(3), 'a')]);
    expect(['a', 'b']).toContain(resolveStakeholder('a', cyclic));
  });

  it('hides answers to a part the interview no longer covers, and shows them when the part is back', () => {
    const legal: AnswerRevision = { ...answer('r2', 'i1'), questionId: 'I.A.1', value: { response: 'Civil Code' } };
    const unknown: AnswerRevision = { ...answer('r3', 'i1'), questionId: 'Z9.9' };
    const techOnly: Dataset = { ...empty, interviews: [interview('i1', T(2))], answers: [answer('r1', 'i1'), legal, unknown] };
    // Part techA only: the Legal I answer is hidden, the unknown question is kept (flagged elsewhere).
    expect(liveDataset(techOnly).answers.map((a) => a.id)).toEqual(['r1', 'r3']);
    const both: Dataset = { ...techOnly, interviews: [{ ...interview('i1', T(3)), parts: ['techA', 'legalI'] }] };
    expect(liveDataset(both)).toBe(both);
    // With tombstones in the mix too.
    const withDeletion: Dataset = { ...techOnly, tombstones: [tombstone('x', 'interview', 'other', T(3))] };
    expect(liveDataset(withDeletion).answers.map((a) => a.id)).toEqual(['r1', 'r3']);
    // Stored data keeps it.
    expect(techOnly.answers).toHaveLength(3);
  });

  it('a deleted assessment hides everything', () => {
    const d: Dataset = { ...empty, interviews: [interview('i1', T(2))], tombstones: [tombstone('x', 'assessment', 'A', T(3))] };
    expect(liveDataset(d).interviews).toEqual([]);
  });
});

describe('a tombstone wins over every older record, in any merge order (property)', () => {
  const day = fc.integer({ min: 1, max: 9 });
  it('holds for interviews and stakeholders, whatever else the bundles carry', () => {
    fc.assert(
      fc.property(day, day, fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), fc.boolean(), (recordDay, deleteDay, others, bIsFirst) => {
        const target = interview('X', T(recordDay), ['S']);
        const a: Dataset = { ...empty, interviews: [target, ...others.map((n) => interview(`o${n}`, T(1)))], answers: [answer('rX', 'X')], stakeholders: [person('S', T(recordDay))] };
        const b: Dataset = { ...empty, tombstones: [tombstone('t1', 'interview', 'X', T(deleteDay)), tombstone('t2', 'stakeholder', 'S', T(deleteDay))] };
        const merged = liveDataset(mergeAll(bIsFirst ? [b, a, a] : [a, b, a]).dataset);
        const deleted = recordDay <= deleteDay;
        expect(merged.interviews.some((i) => i.id === 'X')).toBe(!deleted);
        expect(merged.answers.some((r) => r.id === 'rX')).toBe(!deleted);
        expect(merged.stakeholders.some((s) => s.id === 'S')).toBe(!deleted);
        // Other records are untouched.
        for (const n of others) expect(merged.interviews.some((i) => i.id === `o${n}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
