/**
 * How the report's written texts are keyed. Every text is a TextRevision in a slot
 * (key, lang); the key says what the text is, the kind of value it holds follows from it:
 *
 * | key                                   | value kind       | what                                        |
 * |---------------------------------------|------------------|---------------------------------------------|
 * | `section:<SectionId>`                 | `section`        | a section's body and title override         |
 * | `finding:<areaId>`                    | `finding`        | findings for one area (A1…B7, I.A…IV.E)     |
 * | `rec:<id>`                            | `recommendation` | one recommendation                          |
 * | `action:<id>`                         | `action`         | one action plan row (`parent` → sub-action) |
 * | `survey:<year>`                       | `survey`         | UN Global Survey figures of one year        |
 * | `name:country`, `name:title`          | `name`           | translated assessment names                 |
 * | `stakeholder:<id>:organization`/`:position` | `name`     | translated stakeholder fields               |
 * | `interview:<id>:organization`         | `name`           | translated organisation of an interview     |
 * | `consolidated:<questionId>`           | `answer`         | translation of a consolidated answer        |
 *
 * Any slot may hold `{kind: 'deleted'}`: the text was removed. Ids after `rec:` and
 * `action:` are random UUIDs (the demo derives stable ones).
 */
import { getItem } from '../checklist/catalogue';
import type { TextValue } from '../model/types';

/** The report's sections that hold a written text, in report order. */
export const SECTION_IDS = [
  'executiveSummary',
  'introduction',
  'context',
  'technical',
  'legal',
  'recommendations',
  'recommendationsTechnical',
  'recommendationsLegal',
  'actionPlan',
  'conclusion',
  'annexI',
  'annexII',
  'annexIII',
  'annexIV',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export function isSectionId(v: string): v is SectionId {
  return (SECTION_IDS as readonly string[]).includes(v);
}

export type StakeholderField = 'organization' | 'position';

export type ParsedKey =
  | { readonly type: 'section'; readonly id: SectionId }
  | { readonly type: 'finding'; readonly area: string }
  | { readonly type: 'rec'; readonly id: string }
  | { readonly type: 'action'; readonly id: string }
  | { readonly type: 'survey'; readonly year: number }
  | { readonly type: 'name'; readonly name: 'country' | 'title' }
  | { readonly type: 'stakeholder'; readonly id: string; readonly field: StakeholderField }
  | { readonly type: 'interview'; readonly id: string; readonly field: 'organization' }
  | { readonly type: 'consolidated'; readonly questionId: string };

export const sectionKey = (id: SectionId): string => `section:${id}`;
export const findingKey = (area: string): string => `finding:${area}`;
export const recKey = (id: string): string => `rec:${id}`;
export const actionKey = (id: string): string => `action:${id}`;
export const surveyKey = (year: number): string => `survey:${year}`;
export const nameKey = (name: 'country' | 'title'): string => `name:${name}`;
export const stakeholderKey = (id: string, field: StakeholderField): string => `stakeholder:${id}:${field}`;
export const interviewKey = (id: string): string => `interview:${id}:organization`;
export const consolidatedKey = (questionId: string): string => `consolidated:${questionId}`;

/** The areas a finding, recommendation or action can sit under: every section and part of the technical and legal checklists. */
export function isArea(id: string): boolean {
  const item = getItem(id);
  return !!item && item.role === 'section' && item.checklist !== 'appendix';
}

/** Areas that hold a findings text: the second-level sections A1…A8, B1…B7, I.A…IV.E. */
export function isFindingArea(id: string): boolean {
  const item = getItem(id);
  return !!item && isArea(id) && item.depth === 1;
}

/** What a key names, or undefined for a key this version does not know. */
export function parseKey(key: string): ParsedKey | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const type = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  switch (type) {
    case 'section':
      return isSectionId(rest) ? { type, id: rest } : undefined;
    case 'finding':
      return isFindingArea(rest) ? { type, area: rest } : undefined;
    case 'rec':
    case 'action':
      return rest !== '' ? { type, id: rest } : undefined;
    case 'survey': {
      const year = Number(rest);
      return /^\d{4}$/.test(rest) ? { type, year } : undefined;
    }
    case 'name':
      return rest === 'country' || rest === 'title' ? { type, name: rest } : undefined;
    case 'stakeholder': {
      const m = /^(.+):(organization|position)$/.exec(rest);
      return m ? { type, id: m[1]!, field: m[2] as StakeholderField } : undefined;
    }
    case 'interview': {
      const m = /^(.+):organization$/.exec(rest);
      return m ? { type, id: m[1]!, field: 'organization' } : undefined;
    }
    case 'consolidated':
      return getItem(rest) ? { type, questionId: rest } : undefined;
    default:
      return undefined;
  }
}

const KIND_OF: Record<ParsedKey['type'], TextValue['kind']> = {
  section: 'section',
  finding: 'finding',
  rec: 'recommendation',
  action: 'action',
  survey: 'survey',
  name: 'name',
  stakeholder: 'name',
  interview: 'name',
  consolidated: 'answer',
};

/** The value kind a key holds (besides `deleted`), or undefined for an unknown key. */
export function kindOfKey(key: string): TextValue['kind'] | undefined {
  const parsed = parseKey(key);
  return parsed ? KIND_OF[parsed.type] : undefined;
}

/** Whether a value may be stored under a key. */
export function fitsKey(key: string, value: TextValue): boolean {
  return value.kind === 'deleted' || kindOfKey(key) === value.kind;
}
