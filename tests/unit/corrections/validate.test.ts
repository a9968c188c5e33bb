/** The rules shared by creating and correcting an assessment or an interview. */
import { describe, expect, it } from 'vitest';
import { assessmentProblems, interviewCorrectionEffects, interviewProblems, isCalendarDate } from '../../../shared/corrections/validate';

describe('details rules', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2021-10-05')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2021-13-01')).toBe(false);
    expect(isCalendarDate('5.10.2021')).toBe(false);
  });

  it('names each problem of an assessment', () => {
    const ok = { country: 'Kazakhstan', periodStart: '2021-10-01', periodEnd: '2021-11-30', reportLanguages: ['en', 'ru'] as const };
    expect(assessmentProblems({ ...ok, reportLanguages: [...ok.reportLanguages] })).toEqual([]);
    expect(assessmentProblems({ ...ok, country: '  ', reportLanguages: [] })).toEqual(['countryMissing', 'languagesMissing']);
    expect(assessmentProblems({ ...ok, reportLanguages: ['en'], periodStart: '2021-12-01' })).toEqual(['periodReversed']);
    expect(assessmentProblems({ ...ok, reportLanguages: ['en'], reportDate: '2021-02-30' })).toEqual(['reportDateInvalid']);
    expect(assessmentProblems({ ...ok, reportLanguages: ['en'], sourceLanguage: 'kk' })).toEqual(['sourceLanguageNotReported']);
  });

  it('names each problem of an interview', () => {
    expect(interviewProblems({ stakeholderIds: ['s1'], organization: 'Kazpost JSC', date: '2021-10-05', parts: ['techA'] })).toEqual([]);
    expect(interviewProblems({ stakeholderIds: [], organization: '', date: '2021-10-32', parts: [] })).toEqual(['organizationMissing', 'participantsMissing', 'dateInvalid', 'partsMissing']);
  });

  it('says what a correction does to the answers', () => {
    expect(interviewCorrectionEffects({ language: 'en', parts: ['techA', 'legalI'] }, { language: 'ru', parts: ['legalI', 'techB'] })).toEqual({ languageChanged: true, partsRemoved: ['techA'], partsAdded: ['techB'] });
  });
});
