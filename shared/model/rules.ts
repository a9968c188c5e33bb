/**
 * Rules on the model's records beyond their shape, defined once for the bundle reader, the
 * import and the forms that create or correct the same records.
 */
import type { Assessment, Interview } from './types';

export interface FieldProblem {
  /** The member at fault, e.g. "periodEnd". */
  readonly field: string;
  readonly problem: string;
}

/** The fieldwork period ends on or after the day it starts (either may be left empty). */
export function checkPeriod(start: string, end: string): FieldProblem | undefined {
  if (start !== '' && end !== '' && end < start) return { field: 'periodEnd', problem: `${end} is before the start of the period, ${start}` };
  return undefined;
}

function firstRepeat<T>(list: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const x of list) {
    if (seen.has(x)) return x;
    seen.add(x);
  }
  return undefined;
}

/** An assessment's period is in order and its report languages are listed once each. */
export function checkAssessment(a: Pick<Assessment, 'periodStart' | 'periodEnd' | 'reportLanguages'>): FieldProblem | undefined {
  const period = checkPeriod(a.periodStart, a.periodEnd);
  if (period) return period;
  const lang = firstRepeat(a.reportLanguages);
  if (lang !== undefined) return { field: 'reportLanguages', problem: `"${lang}" is listed twice` };
  return undefined;
}

/** An interview lists each part and each stakeholder once. */
export function checkInterview(i: Pick<Interview, 'parts' | 'stakeholderIds'>): FieldProblem | undefined {
  const part = firstRepeat(i.parts);
  if (part !== undefined) return { field: 'parts', problem: `"${part}" is listed twice` };
  const person = firstRepeat(i.stakeholderIds);
  if (person !== undefined) return { field: 'stakeholderIds', problem: `"${person}" is listed twice` };
  return undefined;
}
