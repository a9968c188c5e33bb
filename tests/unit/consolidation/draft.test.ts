import { describe, expect, it } from 'vitest';
import { draftConsolidated, hasPlan, mergeTexts, median, normalizeText, containsWords, type Contribution } from '../../../shared/consolidation';
import { answerText } from '../../../shared/report';
import { getItem } from '../../../shared/checklist/catalogue';
import type { Relevance } from '../../../shared/checklist/relevance';
import type { AnswerValue, Interview, Stakeholder } from '../../../shared/model/types';

const RELEVANT: Relevance = { relevant: true };
const SKIPPED: Relevance = { relevant: false, causes: [{ item: 'A2.1.4', answer: 'no' }] };

let n = 0;
function contribution(org: string, value: AnswerValue, opts: { date?: string; relevance?: Relevance; alternatives?: AnswerValue[]; language?: 'en' | 'ru' | 'kk' } = {}): Contribution {
  n++;
  const interview: Interview = {
    id: `iv-${n}`,
    assessmentId: 'a',
    stakeholderIds: [`s-${n}`],
    organization: org,
    date: opts.date ?? `2021-10-${String(10 + n).padStart(2, '0')}`,
    place: '',
    language: opts.language ?? 'en',
    parts: ['techA', 'techB', 'appendix', 'legalI', 'legalII', 'legalIII', 'legalIV'],
    status: 'completed',
    interviewerId: 'i',
    interviewerName: 'Interviewer',
    deviceId: 'd',
    createdAt: '',
    updatedAt: '',
  };
  const stakeholder: Stakeholder = {
    id: `s-${n}`,
    assessmentId: 'a',
    organization: org,
    honorific: 'Ms.',
    name: `Person ${n}`,
    position: '',
    sector: 'government',
    contacts: '',
    notes: '',
    createdAt: '',
    updatedAt: '',
    updatedBy: 'i',
  };
  return { interview, stakeholders: [stakeholder], value, relevance: opts.relevance ?? RELEVANT, ...(opts.alternatives ? { alternatives: opts.alternatives } : {}) };
}

describe('draftConsolidated: status', () => {
  it('takes the most frequent of Yes / Partially / No', () => {
    const d = draftConsolidated('A1.1', [
      contribution('SRC', { choice: 'yes' }),
      contribution('MTI', { choice: 'no' }),
      contribution('NB', { choice: 'yes' }),
    ]);
    expect(d.value.choice).toBe('yes');
    expect(d.value.review).toBe('draft');
  });

  it('breaks ties towards the more cautious answer (No < Partially < Yes)', () => {
    expect(draftConsolidated('A1.1', [contribution('A', { choice: 'yes' }), contribution('B', { choice: 'no' })]).value.choice).toBe('no');
    expect(draftConsolidated('A1.1', [contribution('A', { choice: 'yes' }), contribution('B', { choice: 'partial' })]).value.choice).toBe('partial');
    expect(
      draftConsolidated('A1.1', [
        contribution('A', { choice: 'partial' }),
        contribution('B', { choice: 'no' }),
        contribution('C', { choice: 'yes' }),
      ]).value.choice,
    ).toBe('no');
  });

  it("lets Don't know and N/A vote only when nothing else was said", () => {
    const d = draftConsolidated('A1.1', [
      contribution('A', { choice: 'dontKnow' }),
      contribution('B', { choice: 'dontKnow' }),
      contribution('C', { choice: 'partial' }),
    ]);
    expect(d.value.choice).toBe('partial');
    expect(draftConsolidated('A1.1', [contribution('A', { choice: 'dontKnow' }), contribution('B', { choice: 'na' })]).value.choice).toBe('dontKnow');
  });

  it('gives N/A when every contribution is not applicable (skip logic or answered N/A)', () => {
    const d = draftConsolidated('A2.1.4.1', [
      contribution('A', {}, { relevance: SKIPPED }),
      contribution('B', {}, { relevance: SKIPPED }),
      contribution('C', { choice: 'na' }),
    ]);
    expect(d.value.choice).toBe('na');
    expect(d.summary.notApplicable).toBe(2);
    expect(d.summary.tallies.find((t) => t.token === 'notApplicable')?.count).toBe(2);
  });

  it('ignores skipped interviews when someone answered', () => {
    const d = draftConsolidated('A2.1.4.1', [contribution('A', {}, { relevance: SKIPPED }), contribution('B', { choice: 'yes', elaboration: 'It does.' })]);
    expect(d.value.choice).toBe('yes');
  });

  it('summarises who said what', () => {
    const d = draftConsolidated('A1.1', [
      contribution('SRC', { choice: 'yes' }),
      contribution('MTI', { choice: 'no' }),
      contribution('NB', { choice: 'yes' }),
    ]);
    expect(d.summary.contributions).toBe(3);
    expect(d.summary.tallies[0]).toEqual({ token: 'yes', count: 2, organizations: ['SRC', 'NB'] });
    expect(d.summary.tallies[1]).toEqual({ token: 'no', count: 1, organizations: ['MTI'] });
  });
});

describe('draftConsolidated: other kinds', () => {
  it('takes the union of a multi-select, in option order', () => {
    const d = draftConsolidated('B7.4', [contribution('A', { choices: ['xxi', 'ix'] }), contribution('B', { choices: ['iii', 'xxi'] })]);
    expect(d.value.choices).toEqual(['iii', 'ix', 'xxi']);
  });

  it('takes the median of percentages (mean of the middle two for an even count)', () => {
    expect(draftConsolidated('A2.1.1.5', [contribution('A', { number: 100 }), contribution('B', { number: 40 }), contribution('C', { number: 70 })]).value.number).toBe(70);
    expect(draftConsolidated('A2.1.1.5', [contribution('A', { number: 100 }), contribution('B', { number: 40 })]).value.number).toBe(70);
    expect(median([])).toBeUndefined();
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('takes the most cautious band among the most frequent', () => {
    expect(draftConsolidated('A8.1.1', [contribution('A', { choice: 'high' }), contribution('B', { choice: 'medium' })]).value.choice).toBe('medium');
    expect(
      draftConsolidated('A8.1.1', [contribution('A', { choice: 'high' }), contribution('B', { choice: 'high' }), contribution('C', { choice: 'low' })]).value.choice,
    ).toBe('high');
  });

  it('breaks select ties towards the less advanced option', () => {
    expect(draftConsolidated('APP.2', [contribution('A', { choice: 'fully' }), contribution('B', { choice: 'partially' })]).value.choice).toBe('partially');
  });
});

describe('draftConsolidated: texts', () => {
  it('keeps each distinct contribution once, attributed, in interview date order', () => {
    const d = draftConsolidated('A2.1.1', [
      contribution('National Bank', { choice: 'yes', elaboration: 'Payments are electronic.' }, { date: '2021-10-20' }),
      contribution('State Revenue Committee of the Ministry of Finance', { choice: 'yes', elaboration: 'IS "ASTANA-1" has operated since 2019.' }, { date: '2021-10-04' }),
    ]);
    expect(d.value.elaboration).toBe(
      'State Revenue Committee of the Ministry of Finance: IS "ASTANA-1" has operated since 2019.\nNational Bank: Payments are electronic.',
    );
  });

  it('drops a paragraph already contained in another contribution (whitespace and case ignored)', () => {
    const long = 'IS "ASTANA-1" has operated since December 2019.\nIt checks the declaration automatically.';
    const d = draftConsolidated('A2.1.1', [
      contribution('SRC', { choice: 'yes', elaboration: long }),
      contribution('MTI', { choice: 'yes', elaboration: '  it   CHECKS the declaration automatically.  ' }),
      contribution('NB', { choice: 'yes', elaboration: 'It checks the declaration automatically.\nPayments are separate.' }),
    ]);
    expect(d.value.elaboration).toBe(`SRC: ${long}\nNB: Payments are separate.`);
    expect(d.summary.duplicates).toBe(1);
  });

  it('keeps the earlier of two identical contributions', () => {
    const d = draftConsolidated('A1.3', [contribution('B', { elaboration: 'The Minister of Trade.' }, { date: '2021-11-01' }), contribution('A', { elaboration: 'the minister of trade' }, { date: '2021-10-01' })]);
    expect(d.value.elaboration).toBe('A: the minister of trade');
  });

  it('does not treat a word inside another word as contained', () => {
    expect(containsWords('there is no structure', 'no')).toBe(true);
    expect(containsWords('this is not done', 'no')).toBe(false);
    expect(normalizeText('  - Yes.  ')).toBe('yes');
  });

  it('keeps answers in mixed languages as given', () => {
    const d = draftConsolidated('A1.1', [
      contribution('SRC', { choice: 'no', elaboration: 'There is no separate governance structure.' }, { language: 'en' }),
      contribution('МТИ', { choice: 'no', elaboration: 'Отдельной структуры управления нет.' }, { language: 'ru' }),
      contribution('ҰКП', { choice: 'partial', elaboration: 'Жеке басқару құрылымы жоқ; сауданы оңайлату жөніндегі ұлттық комитет құрылған.' }, { language: 'kk' }),
    ]);
    expect(d.value.choice).toBe('no');
    expect(d.value.elaboration).toContain('SRC: There is no separate governance structure.');
    expect(d.value.elaboration).toContain('МТИ: Отдельной структуры управления нет.');
    expect(d.value.elaboration).toContain('ҰКП: Жеке басқару құрылымы жоқ; сауданы оңайлату жөніндегі ұлттық комитет құрылған.');
  });

  it('gathers distinct timelines, attributed', () => {
    const d = draftConsolidated('A2.1.2', [
      contribution('SRC', { choice: 'partial', timeline: 'Planned in 2023' }),
      contribution('MTI', { choice: 'partial', timeline: 'planned in 2023' }),
      contribution('KTZ', { choice: 'partial', timeline: 'By the end of 2022' }),
    ]);
    expect(d.value.timeline).toBe('SRC: Planned in 2023\nKTZ: By the end of 2022');
  });

  it('puts the attribution above a contribution that starts with a list item', () => {
    const d = draftConsolidated('A2.1.1.6', [
      contribution('SRC', { choice: 'yes', elaboration: '- State Revenue Committee\n- Border Service' }),
      contribution('MTI', { choice: 'yes', elaboration: 'The ministry is connected too.' }),
    ]);
    expect(d.value.elaboration).toBe('SRC:\n- State Revenue Committee\n- Border Service\nMTI: The ministry is connected too.');
  });

  it("keeps a conflicting head's texts without letting it vote", () => {
    const d = draftConsolidated('A1.1', [
      contribution('SRC', { choice: 'yes', elaboration: 'Yes, the council exists.' }, { alternatives: [{ choice: 'no', elaboration: 'The council met once.' }] }),
    ]);
    expect(d.value.choice).toBe('yes');
    // One contribution: nothing to tell apart, so no attribution.
    expect(d.value.elaboration).toBe('Yes, the council exists.\nThe council met once.');
    expect(d.summary.conflicts).toBe(1);
  });

  it('attributes only when several interviews contributed, and never repeats a bare status', () => {
    const one = draftConsolidated('A1.2', [contribution('QazTrade JSC', { choice: 'yes', elaboration: 'Yes' })]);
    expect(one.value.elaboration).toBeUndefined();
    expect(answerText('en', getItem('A1.2')!, one.value)).toBe('Yes.');
    const two = draftConsolidated('A1.2', [
      contribution('QazTrade JSC', { choice: 'yes', elaboration: 'Yes' }),
      contribution('SRC', { choice: 'yes', elaboration: 'Да.\nThe committee meets quarterly.' }),
    ]);
    expect(two.value.elaboration).toBe('SRC: The committee meets quarterly.');
    expect(answerText('en', getItem('A1.2')!, two.value)).toBe('Yes. SRC: The committee meets quarterly.');
  });

  it('drops timelines that only say there is no plan ("-", "n/a")', () => {
    const d = draftConsolidated('A2.1.4', [
      contribution('SRC', { choice: 'no', timeline: '-' }),
      contribution('MTI', { choice: 'no', timeline: 'n/a' }),
    ]);
    expect(d.value.timeline).toBeUndefined();
    expect(hasPlan(d.value)).toBe(false);
    const planned = draftConsolidated('A2.1.4', [contribution('SRC', { choice: 'no', timeline: '-' }), contribution('MTI', { choice: 'no', timeline: 'Planned in 2023' })]);
    expect(planned.value.timeline).toBe('MTI: Planned in 2023');
    expect(hasPlan(planned.value)).toBe(true);
  });

  it('does not take an attributed dash for a plan', () => {
    expect(hasPlan({ review: 'draft', timeline: 'State Revenue Committee: -' })).toBe(false);
    expect(hasPlan({ review: 'draft', timeline: 'SRC: –\nMTI: n/a' })).toBe(false);
    expect(hasPlan({ review: 'draft', timeline: 'SRC: -\nMTI: 2023' })).toBe(true);
    expect(hasPlan({ review: 'draft', timeline: 'Plan: by 2025' })).toBe(true);
  });

  it('never carries private notes into the draft', () => {
    const d = draftConsolidated('A1.1', [contribution('SRC', { choice: 'yes', notes: 'PRIVATE: call back Tuesday' })]);
    expect(JSON.stringify(d.value)).not.toContain('PRIVATE');
  });

  it('mergeTexts without attribution just concatenates the distinct paragraphs', () => {
    expect(
      mergeTexts(
        [
          { order: 0, label: 'A', paragraphs: ['one', 'two'] },
          { order: 1, label: 'B', paragraphs: ['Two'] },
        ],
        false,
      ).text,
    ).toBe('one\ntwo');
  });
});
