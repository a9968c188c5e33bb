/** Answer values against the checklist (shared/checklist/values.ts), built once for every reader. */
import { describe, expect, it } from 'vitest';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { allowedValues, checkAnswerValue } from '../../../shared/checklist/values';
import { CATALOGUE_ITEMS } from '../../../shared/checklist/catalogue';
import { seedFixtures } from '../../fixtures/seed';

const problem = (q: string, v: object, role: 'answer' | 'consolidated' = 'answer') => checkAnswerValue(q, v, role).map((p) => [p.field, p.found, p.severity]);

describe('checkAnswerValue', () => {
  it('refuses, in any catalogue, percentages outside 0–100, malformed year-months and options chosen twice', () => {
    expect(problem('B1.1', { number: -5 })).toEqual([['number', '-5', 'impossible']]);
    expect(problem('B1.1', { number: 150 })).toEqual([['number', '150', 'impossible']]);
    expect(problem('Z9.9', { number: 100.5 })).toEqual([['number', '100.5', 'impossible']]);
    expect(problem('APP.1.3', { date: '2021-13' })).toEqual([['date', '"2021-13"', 'impossible']]);
    expect(problem('APP.1.3', { date: '2021-3' })).toEqual([['date', '"2021-3"', 'impossible']]);
    expect(problem('B7.2', { choices: ['traders', 'traders'] })).toEqual([['choices', '["traders", "traders"]', 'impossible']]);
    expect(problem('B1.1', { number: 0 })).toEqual([]);
    expect(problem('B1.1', { number: 100 })).toEqual([]);
    expect(problem('APP.1.3', { date: '2022-03' })).toEqual([]);
  });

  it('names what this catalogue does not allow: tokens, options, fields per kind, answers to headings', () => {
    expect(problem('B2.1', { choice: 'maybe' })).toEqual([['choice', '"maybe"', 'catalogue']]);
    expect(problem('APP.1', { choice: 'banana' })).toEqual([['choice', '"banana"', 'catalogue']]);
    expect(problem('B7.2', { choices: ['traders', 'aliens'] })).toEqual([['choices', '"aliens"', 'catalogue']]);
    expect(problem('A1.3', { choice: 'yes' })).toEqual([['choice', '"yes"', 'catalogue']]);
    expect(problem('B2.1', { number: 50 })).toEqual([['number', '50', 'catalogue']]);
    expect(problem('B2.1', { response: 'a legal response' })).toEqual([['response', '"a legal response"', 'catalogue']]);
    expect(problem('B7.1', { choice: 'yes' })).toEqual([['value', 'an answer', 'catalogue']]);
    expect(checkAnswerValue('B2.1', { choice: 'maybe' })[0]!.allowed).toBe('one of yes, partial, no, dontKnow, na');
    expect(checkAnswerValue('B7.1', {})[0]!.allowed).toBe('no answer: B7.1 is a heading, not a question');
  });

  it('allows what the app writes: wizard answers, documents and notes, drafted consolidated answers ("na" on select questions)', () => {
    expect(problem('B2.1', { choice: 'yes', elaboration: 'x', timeline: '2022', documents: 'Law', notes: 'n' })).toEqual([]);
    expect(problem('B7.2', { choices: ['traders', 'other'], other: 'Carriers' })).toEqual([]);
    expect(problem('APP.1', { choice: 'na', review: 'draft' }, 'consolidated')).toEqual([]);
    expect(problem('B7.2', { choice: 'na', review: 'reviewed', comment: 'c' }, 'consolidated')).toEqual([]);
    expect(problem('APP.1', { choice: 'na' })).toEqual([['choice', '"na"', 'catalogue']]);
    expect(problem('B2.1', { notes: 'x', review: 'draft' }, 'consolidated')).toEqual([['notes', '"x"', 'catalogue']]);
  });

  it('accepts every answer and consolidated answer of the demo built from the published assessment', () => {
    const { dataset } = buildSeedDataset(seedFixtures);
    for (const a of dataset.answers) expect(checkAnswerValue(a.questionId, a.value), a.questionId).toEqual([]);
    for (const c of dataset.consolidated) expect(checkAnswerValue(c.questionId, c.value, 'consolidated'), c.questionId).toEqual([]);
  });
});

describe('allowedValues', () => {
  it('describes every item: questions with their fields and values, the others as not answerable', () => {
    for (const item of CATALOGUE_ITEMS) {
      const a = allowedValues(item.id)!;
      expect(a.answerable).toBe(item.role === 'question');
    }
    expect(allowedValues('B1.1')).toMatchObject({ kind: 'percentage', number: { min: 0, max: 100 } });
    expect(allowedValues('B2.1')?.choice).toEqual(['yes', 'partial', 'no', 'dontKnow', 'na']);
    expect(allowedValues('Z9.9')).toBeUndefined();
  });
});
