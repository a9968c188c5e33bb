/** The merge laws (fast-check) and the merge rules on concrete cases. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDataset, canonicalJson, liveDataset, mergeAll, mergeDatasets } from '../../../shared/merge';
import type { AnswerRevision, Assessment, Attachment, ConsolidatedRevision, Dataset, Interview, Stakeholder, TextRevision, Tombstone } from '../../../shared/model/types';

// Small pools, so that ids collide often, including with different content.
const times = fc.constantFrom('2021-10-01T08:00:00.000Z', '2021-10-02T08:00:00.000Z', '2021-10-03T08:00:00.000Z');
const texts = fc.constantFrom('', 'Yes, since 2019.', 'Partly', 'Нет', 'Иә');

const assessment: fc.Arbitrary<Assessment> = fc.record({
  id: fc.constantFrom('A', 'B'),
  country: fc.constantFrom('Kazakhstan', 'Kyrgyzstan'),
  title: texts,
  periodStart: fc.constant(''),
  periodEnd: fc.constant(''),
  reportLanguages: fc.constantFrom(['en'], ['en', 'ru', 'kk']),
  catalogueVersion: fc.constant('1.0.0'),
  createdAt: times,
  updatedAt: times,
});

const stakeholder: fc.Arbitrary<Stakeholder> = fc.record({
  id: fc.constantFrom('s1', 's2', 's3'),
  assessmentId: fc.constant('A'),
  organization: fc.constantFrom('Ministry of Trade', 'Kazpost JSC'),
  honorific: fc.constantFrom('', 'Mr.'),
  name: texts,
  position: texts,
  sector: fc.constantFrom('government', 'private'),
  contacts: fc.constant(''),
  notes: texts,
  createdAt: times,
  updatedAt: times,
  updatedBy: fc.constantFrom('u1', 'u2'),
});

const interview: fc.Arbitrary<Interview> = fc.record({
  id: fc.constantFrom('i1', 'i2', 'i3'),
  assessmentId: fc.constant('A'),
  stakeholderIds: fc.subarray(['s1', 's2', 's3']),
  organization: fc.constantFrom('Ministry of Trade', 'Kazpost JSC'),
  date: fc.constantFrom('', '2021-10-04'),
  place: texts,
  language: fc.constantFrom('en', 'ru', 'kk'),
  parts: fc.subarray(['techA', 'techB', 'legalI'] as const),
  status: fc.constantFrom('draft', 'completed'),
  interviewerId: fc.constantFrom('u1', 'u2'),
  interviewerName: fc.constantFrom('Aigerim', 'Dmitry'),
  deviceId: fc.constantFrom('d1', 'd2'),
  createdAt: times,
  updatedAt: times,
});

const revisionIds = ['r1', 'r2', 'r3', 'r4', 'r5'];
const answer: fc.Arbitrary<AnswerRevision> = fc.record({
  id: fc.constantFrom(...revisionIds),
  assessmentId: fc.constant('A'),
  interviewId: fc.constantFrom('i1', 'i2'),
  questionId: fc.constantFrom('A1.1', 'A1.2', 'Z9.9'),
  value: fc.record({ choice: fc.constantFrom('yes', 'no', 'partial'), elaboration: texts }, { requiredKeys: ['choice'] }),
  at: times,
  by: fc.constantFrom('u1', 'u2'),
  byName: fc.constantFrom('Aigerim', 'Dmitry'),
  deviceId: fc.constantFrom('d1', 'd2'),
  parents: fc.subarray(revisionIds, { maxLength: 2 }),
});

const consolidated: fc.Arbitrary<ConsolidatedRevision> = fc.record({
  id: fc.constantFrom('c1', 'c2', 'c3'),
  assessmentId: fc.constant('A'),
  questionId: fc.constantFrom('A1.1', 'A1.2'),
  value: fc.record({ choice: fc.constantFrom('yes', 'no'), review: fc.constantFrom('draft', 'reviewed') }),
  at: times,
  by: fc.constant('u1'),
  byName: fc.constant('Lead'),
  deviceId: fc.constant('d1'),
  parents: fc.subarray(['c1', 'c2', 'c3'], { maxLength: 2 }),
});

const text: fc.Arbitrary<TextRevision> = fc.record({
  id: fc.constantFrom('t1', 't2', 't3'),
  assessmentId: fc.constant('A'),
  key: fc.constantFrom('finding:A1', 'section:conclusion'),
  lang: fc.constantFrom('en', 'ru'),
  value: fc.record({
    kind: fc.constant('finding' as const),
    body: texts.map((t) => ({ blocks: [{ kind: 'paragraph' as const, inlines: [{ t: 'text' as const, text: t }] }] })),
    state: fc.constantFrom('draft' as const, 'reviewed' as const),
  }),
  at: times,
  by: fc.constant('u1'),
  byName: fc.constant('Lead'),
  deviceId: fc.constant('d1'),
  parents: fc.subarray(['t1', 't2', 't3'], { maxLength: 2 }),
});

// Every kind of deletion, duplicates merged into another (replacedBy) included.
const tombstone: fc.Arbitrary<Tombstone> = fc.oneof(
  fc.record({
    id: fc.constantFrom('x1', 'x2', 'x3'),
    assessmentId: fc.constant('A'),
    target: fc.constantFrom('interview' as const, 'attachment' as const, 'assessment' as const),
    targetId: fc.constantFrom('i1', 'f1', 'A'),
    reason: texts,
    at: times,
    by: fc.constant('u1'),
    byName: fc.constant('Lead'),
    deviceId: fc.constant('d1'),
  }),
  fc.record(
    {
      id: fc.constantFrom('x4', 'x5'),
      assessmentId: fc.constant('A'),
      target: fc.constant('stakeholder' as const),
      targetId: fc.constantFrom('s1', 's2'),
      reason: fc.constantFrom('merged', ''),
      replacedBy: fc.constantFrom('s2', 's3'),
      at: times,
      by: fc.constant('u1'),
      byName: fc.constant('Lead'),
      deviceId: fc.constant('d1'),
    },
    { requiredKeys: ['id', 'assessmentId', 'target', 'targetId', 'reason', 'at', 'by', 'byName', 'deviceId'] },
  ),
);

const attachment: fc.Arbitrary<Attachment> = fc.record({
  id: fc.constantFrom('f1', 'f2'),
  assessmentId: fc.constant('A'),
  sha256: fc.constantFrom('a'.repeat(64), 'b'.repeat(64)),
  size: fc.constantFrom(10, 20),
  mediaType: fc.constant('application/pdf'),
  fileName: fc.constant('order.pdf'),
  title: texts,
  received: fc.constant(''),
  organization: fc.constant('Ministry of Trade'),
  links: fc.subarray([{ kind: 'answer' as const, interviewId: 'i1', questionId: 'A1.1' }, { kind: 'consolidated' as const, questionId: 'A1.2' }, { kind: 'text' as const, key: 'section:conclusion' }]),
  createdAt: times,
  updatedAt: times,
  updatedBy: fc.constant('u1'),
});

const dataset: fc.Arbitrary<Dataset> = fc.record({
  assessment,
  stakeholders: fc.array(stakeholder, { maxLength: 4 }),
  interviews: fc.array(interview, { maxLength: 4 }),
  answers: fc.array(answer, { maxLength: 8 }),
  consolidated: fc.array(consolidated, { maxLength: 4 }),
  texts: fc.array(text, { maxLength: 4 }),
  tombstones: fc.array(tombstone, { maxLength: 3 }),
  attachments: fc.array(attachment, { maxLength: 2 }),
});

const canon = (d: Dataset) => canonicalJson(canonicalDataset(d));
const RUNS = { numRuns: 400 };

describe('merge laws (property tests)', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(dataset, dataset, (a, b) => {
        expect(canon(mergeDatasets(a, b))).toBe(canon(mergeDatasets(b, a)));
      }),
      RUNS,
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(dataset, dataset, dataset, (a, b, c) => {
        expect(canon(mergeDatasets(mergeDatasets(a, b), c))).toBe(canon(mergeDatasets(a, mergeDatasets(b, c))));
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(dataset, dataset, (a, b) => {
        const m = mergeDatasets(a, b);
        expect(canon(mergeDatasets(m, m))).toBe(canon(m));
        expect(canon(mergeDatasets(m, a))).toBe(canon(m));
        expect(canon(mergeDatasets(a, a))).toBe(canon(mergeAll([a]).dataset));
      }),
      RUNS,
    );
  });

  it('mergeAll equals folding mergeDatasets, in any order', () => {
    fc.assert(
      fc.property(fc.array(dataset, { minLength: 1, maxLength: 5 }), (list) => {
        const folded = list.slice(1).reduce(mergeDatasets, mergeAll([list[0]!]).dataset);
        expect(canon(mergeAll(list).dataset)).toBe(canon(folded));
        expect(canon(mergeAll([...list].reverse()).dataset)).toBe(canon(folded));
      }),
      { numRuns: 200 },
    );
  });

  it('only grows the revision set, and keeps only revisions it was given', () => {
    fc.assert(
      fc.property(dataset, dataset, (a, b) => {
        const m = mergeDatasets(a, b);
        for (const k of ['answers', 'consolidated'] as const) {
          const ids = new Set(m[k].map((r) => r.id));
          for (const r of [...a[k], ...b[k]]) expect(ids.has(r.id)).toBe(true);
          expect(ids.size).toBe(m[k].length);
          const given = new Set([...a[k], ...b[k]].map(canonicalJson));
          for (const r of m[k]) expect(given.has(canonicalJson(r))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('loses no deletion and no attachment: tombstones are a set union, attachments keep their newest version', () => {
    fc.assert(
      fc.property(dataset, dataset, (a, b) => {
        const m = mergeDatasets(a, b);
        const ids = new Set(m.tombstones.map((t) => t.id));
        for (const t of [...a.tombstones, ...b.tombstones]) expect(ids.has(t.id)).toBe(true);
        expect(ids.size).toBe(m.tombstones.length);
        for (const f of [...a.attachments, ...b.attachments]) {
          const kept = m.attachments.find((x) => x.id === f.id);
          expect(kept).toBeDefined();
          expect(kept!.updatedAt >= f.updatedAt).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the live view is the same in any merge order, and a tombstone hides every record not newer than it', () => {
    fc.assert(
      fc.property(dataset, dataset, dataset, (a, b, c) => {
        const m = mergeAll([a, b, c]).dataset;
        expect(canon(liveDataset(m))).toBe(canon(liveDataset(mergeAll([c, a, b]).dataset)));
        const live = liveDataset(m);
        const newestDeletion = (target: string, id: string) => m.tombstones.filter((t) => t.target === target && t.targetId === id).reduce((at, t) => (t.at > at ? t.at : at), '');
        for (const [target, list, shown] of [
          ['interview', m.interviews, live.interviews],
          ['stakeholder', m.stakeholders, live.stakeholders],
          ['attachment', m.attachments, live.attachments],
        ] as const) {
          for (const r of list) {
            const at = newestDeletion(target, r.id);
            const assessmentGone = newestDeletion('assessment', m.assessment.id) >= m.assessment.updatedAt;
            expect(shown.some((x) => x.id === r.id), `${target} ${r.id}`).toBe(!assessmentGone && !(at !== '' && r.updatedAt <= at));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the newest version of every entity', () => {
    fc.assert(
      fc.property(dataset, dataset, (a, b) => {
        const m = mergeDatasets(a, b);
        for (const k of ['stakeholders', 'interviews'] as const) {
          for (const r of m[k]) {
            const newest = [...a[k], ...b[k]].filter((x) => x.id === r.id).reduce((t, x) => (x.updatedAt > t ? x.updatedAt : t), '');
            expect(r.updatedAt).toBe(newest);
          }
        }
        expect(m.assessment.updatedAt >= a.assessment.updatedAt && m.assessment.updatedAt >= b.assessment.updatedAt).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('merge rules', () => {
  const base: Dataset = {
    assessment: {
      id: 'A',
      country: 'Kazakhstan',
      title: 'T',
      periodStart: '',
      periodEnd: '',
      reportLanguages: ['en'],
      catalogueVersion: '1.0.0',
      createdAt: '2021-10-01T08:00:00.000Z',
      updatedAt: '2021-10-01T08:00:00.000Z',
    },
    stakeholders: [],
    interviews: [],
    answers: [],
    consolidated: [],
    texts: [],
    tombstones: [],
    attachments: [],
  };
  const rev = (id: string, elaboration: string, parents: string[] = []): AnswerRevision => ({
    id,
    assessmentId: 'A',
    interviewId: 'i1',
    questionId: 'A1.1',
    value: { choice: 'yes', elaboration },
    at: '2021-10-04T10:00:00.000Z',
    by: 'u1',
    byName: 'Aigerim',
    deviceId: 'd1',
    parents,
  });

  it('keeps one version of a revision id seen with two contents, the same everywhere, and reports it', () => {
    const a = { ...base, answers: [rev('r1', 'first')] };
    const b = { ...base, answers: [rev('r1', 'second')] };
    const ab = mergeAll([a, b]);
    const ba = mergeAll([b, a]);
    expect(ab.dataset.answers).toEqual(ba.dataset.answers);
    expect(ab.dataset.answers).toHaveLength(1);
    expect(ab.anomalies).toEqual([{ kind: 'revisionContentDiffers', collection: 'answers', id: 'r1' }]);
    expect(ba.anomalies).toEqual(ab.anomalies);
  });

  it('treats the same content with members in another order as identical', () => {
    const r = rev('r1', 'x');
    const reordered = Object.fromEntries(Object.entries(r).reverse()) as unknown as AnswerRevision;
    const m = mergeAll([{ ...base, answers: [r] }, { ...base, answers: [reordered] }]);
    expect(m.anomalies).toEqual([]);
    expect(m.dataset.answers).toHaveLength(1);
  });

  it('never merges interviews of different interviewers, even of the same organisation on the same day', () => {
    const iv = (id: string, interviewerId: string): Interview => ({
      id,
      assessmentId: 'A',
      stakeholderIds: [],
      organization: 'Kazpost JSC',
      date: '2021-10-04',
      place: '',
      language: 'ru',
      parts: ['techA'],
      status: 'completed',
      interviewerId,
      interviewerName: interviewerId,
      deviceId: interviewerId,
      createdAt: '2021-10-04T09:00:00.000Z',
      updatedAt: '2021-10-04T09:00:00.000Z',
    });
    const m = mergeDatasets({ ...base, interviews: [iv('i1', 'u1')] }, { ...base, interviews: [iv('i2', 'u2')] });
    expect(m.interviews.map((i) => i.id)).toEqual(['i1', 'i2']);
  });

  it('breaks an updatedAt tie by content, reporting it', () => {
    const a = { ...base, assessment: { ...base.assessment, title: 'Alpha' } };
    const b = { ...base, assessment: { ...base.assessment, title: 'Beta' } };
    const ab = mergeAll([a, b]);
    expect(ab.dataset.assessment.title).toBe(mergeAll([b, a]).dataset.assessment.title);
    expect(ab.anomalies).toEqual([{ kind: 'entityTie', collection: 'assessment', id: 'A' }]);
  });

  it('needs at least one dataset', () => {
    expect(() => mergeAll([])).toThrow(RangeError);
  });
});
