import { describe, expect, it } from 'vitest';
import { evaluateRelevance, type AnswerTokens } from '../../../shared/checklist/relevance';
import { CATALOGUE_ITEMS } from '../../../shared/checklist/catalogue';
import { skipReason } from '../../../shared/checklist/answerLabels';
import type { ItemSpec } from '../../../shared/checklist/types';

const q = (id: string, parent: string | null, extra: Partial<ItemSpec> = {}): ItemSpec => ({
  id,
  parent,
  role: 'question',
  kind: 'status',
  fields: [],
  ...extra,
});

// A miniature catalogue with every condition form the real one uses.
const items: ItemSpec[] = [
  { id: 'S', parent: null, role: 'section' },
  q('Q1', 'S'),
  q('Q1.1', 'Q1', { condition: { item: 'Q1', is: ['yes', 'partial'] } }), // "If yes, please answer …"
  q('Q1.1.1', 'Q1.1'), // child of a conditional item
  q('Q2', 'S', { condition: { item: 'Q1', is: ['no'] } }), // "If no/not, …"
  q('Q3', 'S', { kind: 'multiSelect', options: ['a', 'b'] }),
  q('Q4', 'S', { condition: { item: 'Q3', is: ['a', 'b'] } }), // any option ticked
  q('Q5', 'S', { condition: { all: [{ item: 'Q1', is: ['yes', 'partial'] }, { any: [{ item: 'Q3', is: ['a'] }, { item: 'Q2', is: ['no'] }] }] } }),
  q('Q6', 'S', { condition: { item: 'Q1.1', is: ['yes'] } }), // controller that may itself be skipped
];

function run(answers: Record<string, AnswerTokens>) {
  const r = evaluateRelevance(items, (id) => answers[id]);
  return Object.fromEntries([...r].map(([id, rel]) => [id, rel.relevant ? 'relevant' : rel.causes.map((c) => `${c.item}=${c.answer}`).join('&')]));
}

describe('skip logic', () => {
  it.each<[string, Record<string, AnswerTokens>, Record<string, string>]>([
    ['nothing answered: everything stays open', {}, { Q1: 'relevant', 'Q1.1': 'relevant', Q2: 'relevant', Q4: 'relevant', Q5: 'relevant', Q6: 'relevant' }],
    ['"if yes" with Yes', { Q1: 'yes' }, { 'Q1.1': 'relevant', 'Q1.1.1': 'relevant', Q2: 'Q1=yes' }],
    ['"if yes" with Partially', { Q1: 'partial' }, { 'Q1.1': 'relevant', Q2: 'Q1=partial' }],
    ['"if yes" with No collapses the follow-up and its children', { Q1: 'no' }, { 'Q1.1': 'Q1=no', 'Q1.1.1': 'Q1=no', Q2: 'relevant' }],
    ["Don't know keeps neither branch", { Q1: 'dontKnow' }, { 'Q1.1': 'Q1=dontKnow', Q2: 'Q1=dontKnow' }],
    ['multi-select: any option ticked', { Q3: ['b'] }, { Q4: 'relevant' }],
    ['multi-select: nothing ticked is unanswered', { Q3: [] }, { Q4: 'relevant' }],
    ['all/any: one part false makes it false', { Q1: 'no', Q3: ['a'] }, { Q5: 'Q1=no' }],
    ['all/any: every any-part false (Q2 itself skipped by Q1=yes)', { Q1: 'yes', Q3: ['b'], Q2: 'yes' }, { Q5: 'Q3=b&Q1=yes' }],
    ['all/any: satisfied', { Q1: 'yes', Q3: ['a'] }, { Q5: 'relevant' }],
    ['a skipped controller skips its dependants with the root cause', { Q1: 'no', 'Q1.1': 'yes' }, { Q6: 'Q1=no' }],
    ['a relevant controller answered otherwise', { Q1: 'yes', 'Q1.1': 'no' }, { Q6: 'Q1.1=no' }],
  ])('%s', (_name, answers, expected) => {
    expect(run(answers)).toMatchObject(expected);
  });

  it('answers are never consulted for items without conditions', () => {
    const r = evaluateRelevance(items, () => 'no');
    expect(r.get('Q1')).toEqual({ relevant: true });
    expect(r.get('Q3')).toEqual({ relevant: true });
  });
});

describe('skip logic on the real catalogue', () => {
  const answersOf = (a: Record<string, AnswerTokens>) => (id: string) => a[id];

  it('A2.1.4 answered No makes A2.1.4.1–A2.1.4.5 not applicable, with the reason in every language', () => {
    const r = evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'A2.1.4': 'no' }));
    for (const id of ['A2.1.4.1', 'A2.1.4.2', 'A2.1.4.3', 'A2.1.4.4', 'A2.1.4.5']) expect(r.get(id)?.relevant).toBe(false);
    expect(skipReason('en', r.get('A2.1.4.1')!)).toBe('Not applicable (A2.1.4 answered No)');
    expect(skipReason('ru', r.get('A2.1.4.1')!)).toBe('Неприменимо (на A2.1.4 дан ответ «Нет»)');
    expect(skipReason('kk', r.get('A2.1.4.1')!)).toBe('Қолданылмайды (A2.1.4 сұрағына «Жоқ» деп жауап берілді)');
  });

  it('A2.1.1 answered Yes keeps A2.1.1.1–A2.1.1.6', () => {
    const r = evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'A2.1.1': 'yes' }));
    for (let i = 1; i <= 6; i++) expect(r.get(`A2.1.1.${i}`)?.relevant).toBe(true);
  });

  it('"If no, please answer A2.2.5": relevant only when A2.2 is No', () => {
    expect(evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'A2.2': 'no' })).get('A2.2.5')?.relevant).toBe(true);
    expect(evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'A2.2': 'yes' })).get('A2.2.5')?.relevant).toBe(false);
  });

  it('"If not, what is your targeted timeline?" (B7.3.1) follows B7.3 = No', () => {
    expect(evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'B7.3': 'yes' })).get('B7.3.1')?.relevant).toBe(false);
    expect(evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'B7.3': 'no' })).get('B7.3.1')?.relevant).toBe(true);
  });

  it('appendix: 1.1 only when BPR is ongoing; 1.3 only when a plan exists', () => {
    const r = evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'APP.1': 'completed' }));
    expect(r.get('APP.1.1')?.relevant).toBe(false);
    const r2 = evaluateRelevance(CATALOGUE_ITEMS, answersOf({ 'APP.1': 'notConducted', 'APP.1.2': 'no' }));
    expect(r2.get('APP.1.2')?.relevant).toBe(true);
    expect(r2.get('APP.1.3')?.relevant).toBe(false);
  });
});
