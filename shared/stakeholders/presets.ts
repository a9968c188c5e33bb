import type { ChecklistPart, Sector } from '../model/types';

const LEGAL = /legal|law|juridic|юрид|прав|заң|құқық/i;

/**
 * Parts an interview covers by default. Lawyers get the legal checklist; government
 * agencies the technical checklist and the agency appendix; everyone else the technical
 * checklist. The interviewer can change the selection.
 */
export function presetParts(sector: Sector, positions: readonly string[]): ChecklistPart[] {
  const legal: ChecklistPart[] = ['legalI', 'legalII', 'legalIII', 'legalIV'];
  if (positions.length > 0 && positions.every((p) => LEGAL.test(p))) return legal;
  if (positions.some((p) => LEGAL.test(p))) return ['techA', 'techB', ...legal];
  if (sector === 'government') return ['techA', 'techB', 'appendix'];
  return ['techA', 'techB'];
}
