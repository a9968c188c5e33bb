import { describe, expect, it } from 'vitest';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';
import { consolidatedView, finalAnswers, readinessSummary, hasPlan, SCORE_POINTS } from '../../../shared/consolidation';
import { skipReason } from '../../../shared/checklist/answerLabels';
import { getItem } from '../../../shared/checklist/catalogue';
import type { AnswerRevision, ConsolidatedRevision, ConsolidatedValue, Dataset } from '../../../shared/model/types';

const plain = () => buildSeedDataset(seedFixtures).dataset;

function consolidated(d: Dataset, questionId: string, value: Omit<ConsolidatedValue, 'review'>, extra: Partial<ConsolidatedRevision> = {}): ConsolidatedRevision {
  return {
    id: `c-${questionId}-${extra.id ?? '1'}`,
    assessmentId: d.assessment.id,
    questionId,
    value: { review: 'reviewed', ...value },
    at: '2021-12-01T10:00:00.000Z',
    by: 'lead',
    byName: 'Lead',
    deviceId: 'dev',
    parents: [],
    ...extra,
  };
}

describe('consolidatedView', () => {
  it('shows each interview as answered, not covered or not discussed, in date order', () => {
    const d = plain();
    const v = consolidatedView(d, 'A2.1.1');
    expect(v.slots).toHaveLength(d.interviews.length);
    const dates = v.slots.map((s) => s.interview.date);
    expect([...dates].sort()).toEqual(dates);
    const answered = v.slots.filter((s) => s.state === 'answered');
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(answered.some((s) => s.head?.value.elaboration?.includes('IS "ASTANA-1"'))).toBe(true);
    expect(v.slots.some((s) => s.state === 'notDiscussed')).toBe(true);
    // Legal questions: interviews that covered only the technical parts do not cover them.
    const legal = consolidatedView(d, 'I.A.1');
    expect(legal.slots.some((s) => s.state === 'notCovered')).toBe(true);
  });

  it("explains not applicable from that interview's own answers", () => {
    const d = plain();
    const withNo = consolidatedView(d, 'A2.1.4').slots.find((s) => s.head?.value.choice === 'no')!;
    const slot = consolidatedView(d, 'A2.1.4.1').slots.find((s) => s.interview.id === withNo.interview.id)!;
    expect(slot.state).toBe('notApplicable');
    expect(skipReason('en', slot.relevance)).toBe('Not applicable (A2.1.4 answered No)');
  });

  it('uses the consolidated head when there is one, the draft otherwise', () => {
    const d = plain();
    expect(consolidatedView(d, 'A1.1').current.source).toBe('draft');
    const withLead: Dataset = { ...d, consolidated: [consolidated(d, 'A1.1', { choice: 'partial', elaboration: 'Lead wording.' })] };
    const v = consolidatedView(withLead, 'A1.1');
    expect(v.current.source).toBe('consolidated');
    expect(v.current.value.choice).toBe('partial');
    expect(v.draft.value.choice).toBe('no');
  });

  it('flags conflicting heads in an interview slot and in the consolidated slot', () => {
    const d = plain();
    const original = d.answers.find((a) => a.questionId === 'A1.1')!;
    const rival: AnswerRevision = { ...original, id: 'rival-head', at: '2022-01-15T10:00:00.000Z', value: { choice: 'yes', elaboration: 'A committee exists.' }, parents: [] };
    const c1 = consolidated(d, 'A1.1', { choice: 'no', elaboration: 'First.' }, { id: 'x' });
    const c2 = consolidated(d, 'A1.1', { choice: 'yes', elaboration: 'Second.' }, { id: 'y', at: '2021-12-02T10:00:00.000Z' });
    const conflicted: Dataset = { ...d, answers: [...d.answers, rival], consolidated: [c1, c2] };
    const v = consolidatedView(conflicted, 'A1.1');
    const slot = v.slots.find((s) => s.interview.id === original.interviewId)!;
    expect(slot.conflict).toBe(true);
    expect(slot.heads).toHaveLength(2);
    expect(slot.head?.id).toBe('rival-head'); // newest first
    expect(v.draft.summary.conflicts).toBe(1);
    expect(v.draft.value.elaboration).toContain('A committee exists.');
    expect(v.draft.value.elaboration).toContain('There is no separate governance structure');
    expect(v.consolidated.conflict).toBe(true);
    expect(v.current.value.elaboration).toBe('Second.');
    // A child of both heads resolves it.
    const resolved = consolidatedView({ ...conflicted, consolidated: [c1, c2, consolidated(d, 'A1.1', { choice: 'no' }, { id: 'z', parents: [c1.id, c2.id] })] }, 'A1.1');
    expect(resolved.consolidated.conflict).toBe(false);
  });

  it('reproduces the published answers from the seed consolidated revisions', () => {
    const { dataset } = buildSeedDataset(seedFixtures, { withConsolidated: true });
    const final = finalAnswers(dataset);
    expect(final.answers.get('A2.1.1')?.source).toBe('consolidated');
    expect(final.answers.get('A2.1.1')?.value?.elaboration).toContain('IS "ASTANA-1"');
    expect(final.relevance.get('A2.1.4.1')).toEqual({ relevant: false, causes: [{ item: 'A2.1.4', answer: 'no' }] });
  });

  it('throws on an unknown question', () => {
    expect(() => consolidatedView(plain(), 'Z9')).toThrow(/unknown question/);
  });
});

describe('readinessSummary', () => {
  function datasetWith(answers: Record<string, Omit<ConsolidatedValue, 'review'>>): Dataset {
    const d = plain();
    // No interview answers: only the lead's consolidated answers count.
    const base: Dataset = { ...d, answers: [] };
    return { ...base, consolidated: Object.entries(answers).map(([q, v]) => consolidated(base, q, v)) };
  }

  it('scores Yes 3, Partially 2, No with a plan 1, No 0 over the maximum, leaving out Don\'t know and N/A', () => {
    const s = readinessSummary(
      datasetWith({
        'A1.1': { choice: 'yes' },
        'A1.2': { choice: 'no', timeline: 'Planned in 2023' },
        'A3.1': { choice: 'partial' },
        'A3.2': { choice: 'no', timeline: '-' },
        'A3.4.1': { choice: 'dontKnow' },
        'A3.6': { choice: 'na' },
      }),
    );
    const a1 = s.groups.find((g) => g.id === 'A1')!.counts;
    expect(a1).toMatchObject({ yes: 1, no: 1, planning: 1, points: 4, max: 6, score: 67, notAnswered: 0 });
    const a3 = s.groups.find((g) => g.id === 'A3')!.counts;
    expect(a3).toMatchObject({ partial: 1, no: 1, planning: 0, dontKnow: 1, points: 2, max: 6, score: 33 });
    expect(a3.notApplicable).toBeGreaterThanOrEqual(1);
    const a = s.groups.find((g) => g.id === 'A')!;
    expect(a.level).toBe(0);
    expect(a.counts.points).toBe(6);
    expect(a.counts.max).toBe(12);
    expect(s.totals.technical.score).toBe(50);
    expect(SCORE_POINTS).toEqual({ yes: 3, partial: 2, planning: 1, no: 0 });
  });

  it('counts questions ruled out by skip logic as not applicable, not as unanswered', () => {
    const s = readinessSummary(datasetWith({ 'A2.1.4': { choice: 'no' } }));
    const a2 = s.groups.find((g) => g.id === 'A2')!.counts;
    // A2.1.4.1–.4 are status questions under A2.1.4 (A2.1.4.5 is a percentage).
    expect(a2.notApplicable).toBe(4);
    expect(a2.no).toBe(1);
  });

  it('has no score for a section with nothing scored', () => {
    const s = readinessSummary(datasetWith({}));
    expect(s.groups.find((g) => g.id === 'B2')!.counts.score).toBeNull();
    expect(s.groups.map((g) => g.id).slice(0, 3)).toEqual(['A', 'A1', 'A2']);
    expect(s.groups.some((g) => g.id === 'I.A')).toBe(true);
    expect(s.groups.every((g) => getItem(g.id)?.role === 'section')).toBe(true);
  });

  it('uses the drafts where nothing was consolidated', () => {
    const s = readinessSummary(plain());
    const total = s.totals.technical;
    expect(total.yes + total.partial + total.no).toBeGreaterThan(20);
  });

  it('recognises a plan only in a real timeline', () => {
    expect(hasPlan({ review: 'draft', timeline: 'Planned in 2023' })).toBe(true);
    expect(hasPlan({ review: 'draft', timeline: ' - ' })).toBe(false);
    expect(hasPlan({ review: 'draft', timeline: 'Нет' })).toBe(false);
    expect(hasPlan({ review: 'draft' })).toBe(false);
  });
});
