/** conflicts, unknownQuestions and planImport. */
import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../shared/bundle';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { conflicts, planImport, unknownQuestions } from '../../../shared/merge';
import type { AnswerRevision, ConsolidatedRevision, Dataset } from '../../../shared/model/types';
import { seedFixtures } from '../../fixtures/seed';

const seed = buildSeedDataset(seedFixtures).dataset;
const manifest = { bundleId: 'x' } as unknown as BundleManifest;
const file = (fileName: string, dataset: Dataset) => ({ fileName, manifest, dataset });

/** The seed split by interviewer, as three bundles would carry it. */
function byInterviewer(): Dataset[] {
  const ids = [...new Set(seed.interviews.map((i) => i.interviewerId))];
  return ids.map((uid) => {
    const interviews = seed.interviews.filter((i) => i.interviewerId === uid);
    const ivIds = new Set(interviews.map((i) => i.id));
    const people = new Set(interviews.flatMap((i) => i.stakeholderIds));
    return {
      assessment: seed.assessment,
      stakeholders: seed.stakeholders.filter((s) => people.has(s.id)),
      interviews,
      answers: seed.answers.filter((a) => ivIds.has(a.interviewId)),
      consolidated: [],
      texts: [],
      tombstones: [],
      attachments: [],
    };
  });
}

const original = seed.answers[0]!;
const child = (id: string, by: string, elaboration: string, at: string): AnswerRevision => ({
  ...original,
  id,
  by,
  byName: by,
  deviceId: `device-${by}`,
  at,
  parents: [original.id],
  value: { ...original.value, elaboration },
});
const mine = child('c0ffee00-0000-4000-8000-000000000001', 'Aigerim', 'Updated after a follow-up call.', '2021-11-20T09:00:00.000Z');
const theirs = child('c0ffee00-0000-4000-8000-000000000002', 'Dmitry', 'Updated from the ministry letter.', '2021-11-21T09:00:00.000Z');

describe('conflicts', () => {
  it('finds a slot with two heads, newest first, and none once resolved', () => {
    const d = { ...seed, answers: [...seed.answers, mine, theirs] };
    const cs = conflicts(d);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind: 'answer', interviewId: original.interviewId, questionId: original.questionId });
    expect(cs[0]!.heads.map((h) => h.id)).toEqual([theirs.id, mine.id]);
    const resolution = { ...child('c0ffee00-0000-4000-8000-000000000003', 'Lead', 'Both.', '2021-11-22T09:00:00.000Z'), parents: [mine.id, theirs.id] };
    expect(conflicts({ ...d, answers: [...d.answers, resolution] })).toEqual([]);
    expect(conflicts(seed)).toEqual([]);
  });

  it('finds consolidated conflicts too', () => {
    const c = (id: string, parents: string[]): ConsolidatedRevision => ({
      id,
      assessmentId: seed.assessment.id,
      questionId: 'A1.1',
      value: { choice: 'no', review: 'draft' },
      at: '2021-12-01T10:00:00.000Z',
      by: 'lead',
      byName: 'Lead',
      deviceId: 'd',
      parents,
    });
    const cs = conflicts({ ...seed, consolidated: [c('k1', []), c('k2', ['k1']), c('k3', ['k1'])] });
    expect(cs.map((x) => [x.kind, x.kind === 'text' ? x.key : x.questionId, x.heads.length])).toEqual([['consolidated', 'A1.1', 2]]);
  });
});

describe('unknownQuestions', () => {
  it('flags revisions whose question the catalogue lacks, and keeps them', () => {
    const stray = { ...original, id: 'stray', questionId: 'Z9.9' };
    const u = unknownQuestions({ ...seed, answers: [...seed.answers, stray] });
    expect(u.questionIds).toEqual(['Z9.9']);
    expect(u.answers).toEqual([stray]);
    expect(unknownQuestions(seed).questionIds).toEqual([]);
  });
});

describe('planImport', () => {
  it('imports three interviewers into an empty database', () => {
    const parts = byInterviewer();
    const plan = planImport(undefined, parts.map((d, i) => file(`${i}.rsb`, d)));
    expect(plan.assessmentId).toBe(seed.assessment.id);
    expect(plan.assessmentDiffers).toBe(false);
    expect(plan.files.map((f) => f.counts.interviews.new)).toEqual(parts.map((d) => d.interviews.length));
    expect(plan.writes.answers).toHaveLength(seed.answers.length);
    expect(plan.writes.interviews).toHaveLength(seed.interviews.length);
    expect(plan.writes.assessment).toEqual(seed.assessment);
    expect(plan.totals.answers).toEqual({ new: seed.answers.length, updated: 0, unchanged: 0 });
    expect(plan.conflicts).toEqual([]);
    expect(plan.merged.answers).toHaveLength(seed.answers.length);
  });

  it('writes nothing when the same bundles come again', () => {
    const parts = byInterviewer();
    const plan = planImport(seed, parts.map((d, i) => file(`${i}.rsb`, d)));
    expect(plan.writes).toEqual({ assessment: undefined, stakeholders: [], interviews: [], answers: [], consolidated: [], texts: [], tombstones: [], attachments: [] });
    expect(plan.files[0]!.counts.answers).toEqual({ new: 0, updated: 0, unchanged: parts[0]!.answers.length });
    expect(plan.totals.interviews).toEqual({ new: 0, updated: 0, unchanged: seed.interviews.length });
  });

  it('shows a conflict that two bundles create together, and which file creates one on its own', () => {
    const a = { ...seed, answers: [mine] };
    const b = { ...seed, answers: [theirs] };
    const plan = planImport(seed, [file('a.rsb', a), file('b.rsb', b)]);
    expect(plan.files.map((f) => f.newConflicts.length)).toEqual([0, 0]);
    expect(plan.newConflicts).toHaveLength(1);
    expect(plan.writes.answers.map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
    const withMine = { ...seed, answers: [...seed.answers, mine] };
    const again = planImport(withMine, [file('b.rsb', b)]);
    expect(again.files[0]!.newConflicts).toHaveLength(1);
    expect(again.newConflicts).toHaveLength(1);
    // A conflict the database already has is not new.
    const both = { ...seed, answers: [...seed.answers, mine, theirs] };
    expect(planImport(both, [file('b.rsb', b)]).newConflicts).toEqual([]);
  });

  it('counts a newer interview as updated and an older one as unchanged', () => {
    const iv = seed.interviews[0]!;
    const newer = { ...seed, interviews: [{ ...iv, status: 'draft' as const, updatedAt: '2022-01-01T00:00:00.000Z' }] };
    const older = { ...seed, interviews: [{ ...iv, status: 'draft' as const, updatedAt: '2020-01-01T00:00:00.000Z' }] };
    const plan = planImport(seed, [file('new.rsb', newer), file('old.rsb', older)]);
    expect(plan.files[0]!.counts.interviews).toEqual({ new: 0, updated: 1, unchanged: 0 });
    expect(plan.files[1]!.counts.interviews).toEqual({ new: 0, updated: 0, unchanged: 1 });
    expect(plan.writes.interviews).toEqual([newer.interviews[0]]);
    expect(plan.totals.interviews).toEqual({ new: 0, updated: 1, unchanged: 0 });
  });

  it('keeps a bundle of another assessment out, and says so', () => {
    const other = { ...seed, assessment: { ...seed.assessment, id: 'other-assessment', country: 'Kyrgyzstan' } };
    const plan = planImport(seed, [file('kg.rsb', other)]);
    expect(plan.assessmentDiffers).toBe(true);
    expect(plan.files[0]!.assessmentDiffers).toBe(true);
    expect(plan.files[0]!.counts.interviews.new).toBe(seed.interviews.length);
    expect(plan.writes.answers).toEqual([]);
    expect(plan.merged.assessment.id).toBe(seed.assessment.id);
    // "Import as its own assessment": plan it on its own.
    expect(planImport(undefined, [file('kg.rsb', other)]).writes.assessment?.id).toBe('other-assessment');
  });

  it('reports same-id-different-content, probable duplicate stakeholders and unknown questions', () => {
    const s = seed.stakeholders[0]!;
    const twin = { ...s, id: 'twin', name: `Mr. ${s.name.toUpperCase()}`, organization: s.organization.toLowerCase() };
    const altered = { ...original, value: { ...original.value, elaboration: 'edited by hand' } };
    const stray = { ...original, id: 'stray', questionId: 'Z9.9' };
    const incoming = { ...seed, stakeholders: [twin], answers: [altered, stray] };
    const plan = planImport(seed, [file('x.rsb', incoming)]);
    const f = plan.files[0]!;
    expect(f.anomalies).toEqual([{ kind: 'revisionContentDiffers', collection: 'answers', id: original.id }]);
    expect(plan.anomalies).toEqual(f.anomalies);
    expect(f.duplicateStakeholders.map((g) => [g.reason, [...g.stakeholderIds].sort()])).toEqual([['sameNameAndOrganization', [s.id, 'twin'].sort()]]);
    expect(plan.duplicateStakeholders).toEqual(f.duplicateStakeholders);
    expect(f.unknownQuestions.questionIds).toEqual(['Z9.9']);
    expect(plan.unknownQuestions.questionIds).toEqual(['Z9.9']);
  });

  it('needs something to import into or from', () => {
    expect(() => planImport(undefined, [])).toThrow(RangeError);
    expect(planImport(seed, []).writes.answers).toEqual([]);
  });
});

describe('planImport: revision graphs', () => {
  it('reports a cycle that two files close together, though each alone only has a dangling parent', () => {
    const [d] = byInterviewer();
    const a = d!.answers[0]!;
    const b: AnswerRevision = { ...a, id: 'rev-b', parents: [a.id], at: '2022-01-02T00:00:00.000Z' };
    const one: Dataset = { ...d!, answers: [{ ...a, parents: ['rev-b'] }] };
    const two: Dataset = { ...d!, answers: [b] };
    expect(planImport(undefined, [file('one.rsb', one)]).revisionCycles).toEqual([]);
    const plan = planImport(undefined, [file('one.rsb', one), file('two.rsb', two)]);
    expect(plan.revisionCycles).toHaveLength(1);
    expect([...plan.revisionCycles[0]!.ids].sort()).toEqual([a.id, 'rev-b'].sort());
    expect(plan.revisionCycles[0]!.collection).toBe('answers');
  });
});
