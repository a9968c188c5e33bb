/**
 * The rules an assessment's and an interview's details must meet, the same when they are
 * created and when they are corrected later. Each rule failing is one problem code; the
 * screens translate the codes (ui-corrections.json, `corrections.problem.*`).
 */
import type { Lang } from '../i18n';
import type { ChecklistPart, Id } from '../model/types';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** "YYYY-MM-DD" naming a real day. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export type AssessmentProblem = 'countryMissing' | 'languagesMissing' | 'periodStartInvalid' | 'periodEndInvalid' | 'periodReversed' | 'reportDateInvalid' | 'sourceLanguageNotReported';

export interface AssessmentDetails {
  country: string;
  periodStart: string;
  periodEnd: string;
  reportLanguages: readonly Lang[];
  reportDate?: string;
  sourceLanguage?: Lang;
}

export function assessmentProblems(a: AssessmentDetails): AssessmentProblem[] {
  const out: AssessmentProblem[] = [];
  if (a.country.trim() === '') out.push('countryMissing');
  if (a.reportLanguages.length === 0) out.push('languagesMissing');
  if (a.periodStart !== '' && !isCalendarDate(a.periodStart)) out.push('periodStartInvalid');
  if (a.periodEnd !== '' && !isCalendarDate(a.periodEnd)) out.push('periodEndInvalid');
  if (a.periodStart !== '' && a.periodEnd !== '' && a.periodStart > a.periodEnd) out.push('periodReversed');
  if (a.reportDate !== undefined && a.reportDate !== '' && !isCalendarDate(a.reportDate)) out.push('reportDateInvalid');
  if (a.sourceLanguage !== undefined && a.reportLanguages.length > 0 && !a.reportLanguages.includes(a.sourceLanguage)) out.push('sourceLanguageNotReported');
  return out;
}

export type InterviewProblem = 'participantsMissing' | 'partsMissing' | 'dateInvalid' | 'organizationMissing';

export interface InterviewDetails {
  stakeholderIds: readonly Id[];
  organization: string;
  date: string;
  parts: readonly ChecklistPart[];
}

export function interviewProblems(iv: InterviewDetails): InterviewProblem[] {
  const out: InterviewProblem[] = [];
  if (iv.organization.trim() === '') out.push('organizationMissing');
  if (iv.stakeholderIds.length === 0) out.push('participantsMissing');
  if (iv.date !== '' && !isCalendarDate(iv.date)) out.push('dateInvalid');
  if (iv.parts.length === 0) out.push('partsMissing');
  return out;
}

/** What a correction of an interview changes that the user must be told about. */
export function interviewCorrectionEffects(before: { language: Lang; parts: readonly ChecklistPart[] }, after: { language: Lang; parts: readonly ChecklistPart[] }): { languageChanged: boolean; partsRemoved: ChecklistPart[]; partsAdded: ChecklistPart[] } {
  return {
    languageChanged: before.language !== after.language,
    partsRemoved: before.parts.filter((p) => !after.parts.includes(p)),
    partsAdded: after.parts.filter((p) => !before.parts.includes(p)),
  };
}
