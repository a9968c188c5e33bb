/**
 * The questionnaire's table layout, shared by the writer and the reader so both agree on
 * what each column holds and how a row names its question.
 *
 * Technical checklist (Annex III): No. | Question | Status | Elaboration | Timeline
 * Legal checklist (Annex IV):      No. | Focus question | Status | Response
 * Agency form (appendix):          No. | Question | Answer (tick boxes) | Further information
 *
 * Each question row carries a bookmark `rq_<id with dots as underscores>` around its number,
 * which Word and LibreOffice keep through editing; the number itself is the fallback.
 */
import { ANSWER_LABELS, BAND_TOKENS, STATUS_TOKENS, YES_NO_TOKENS, tokenLabel } from '../checklist/answerLabels';
import { CATALOGUE_ITEMS, displayNumber, type CatalogueItem } from '../checklist/catalogue';
import type { ChecklistId } from '../checklist/types';
import { LANGUAGES, type Lang } from '../i18n';
import type { AnswerValue } from '../model/types';

/** What a column of a question row holds. */
export type Slot = 'no' | 'question' | 'status' | 'elaboration' | 'timeline' | 'response' | 'text';
export type TextField = 'elaboration' | 'timeline' | 'response' | 'furtherInfo';

export const LAYOUTS: Readonly<Record<ChecklistId, readonly Slot[]>> = {
  technical: ['no', 'question', 'status', 'elaboration', 'timeline'],
  legal: ['no', 'question', 'status', 'response'],
  appendix: ['no', 'question', 'status', 'text'],
};

/** Relative column widths, per layout. */
export const WIDTHS: Readonly<Record<ChecklistId, readonly number[]>> = {
  technical: [9, 31, 19, 28, 13],
  legal: [9, 36, 19, 36],
  appendix: [7, 38, 28, 27],
};

/** The answer field a text column of an item fills. */
export function fieldOf(item: CatalogueItem, slot: Slot): keyof AnswerValue | undefined {
  switch (slot) {
    case 'elaboration':
    case 'timeline':
    case 'response':
      return slot;
    case 'text':
      // The agency form: further information, or the item's own text answer. Items with
      // neither (1.2, 2.3 …) share their group's "further information" (see textOwner).
      if (item.fields?.includes('furtherInfo')) return 'furtherInfo';
      if (item.fields?.includes('response')) return 'response';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Where text typed in an agency-form row without a text field of its own goes: the further
 * information of its group (question 1, 2, 3 or 4), as on the seed's form. Undefined when
 * there is no such group (the permit type).
 */
export function textOwner(item: CatalogueItem): { item: CatalogueItem; field: 'furtherInfo' } | undefined {
  if (item.checklist !== 'appendix' || item.fields?.includes('furtherInfo') || item.fields?.includes('response')) return undefined;
  let cur = item.parent ? CATALOGUE_ITEMS.find((i) => i.id === item.parent) : undefined;
  while (cur && cur.role === 'question') {
    if (cur.fields?.includes('furtherInfo')) return { item: cur, field: 'furtherInfo' };
    cur = cur.parent ? CATALOGUE_ITEMS.find((i) => i.id === cur!.parent) : undefined;
  }
  return undefined;
}

// ---- Question ids in the document -------------------------------------------------------

const PREFIX = 'rq_';
export const QUESTIONNAIRE_ITEMS: readonly CatalogueItem[] = CATALOGUE_ITEMS.filter((i) => i.role === 'question');
const byBookmark = new Map(QUESTIONNAIRE_ITEMS.map((i) => [bookmarkName(i.id), i]));
const byNumber = new Map<string, CatalogueItem>();
for (const i of QUESTIONNAIRE_ITEMS) {
  const n = displayNumber(i.id);
  if (n) byNumber.set(`${i.checklist === 'appendix' ? 'app:' : ''}${n.toLowerCase()}`, i);
}

/** The bookmark a question row carries: letters, digits and underscores, at most 40 characters (Word's rule). */
export function bookmarkName(questionId: string): string {
  return PREFIX + questionId.replace(/[^A-Za-z0-9]/g, '_');
}

export function questionOfBookmark(name: string): CatalogueItem | undefined {
  return byBookmark.get(name);
}

/**
 * The question a row's number names: "A2.1.1", "I.A.1" (technical and legal numbers start
 * with a letter); "1.1" only in an agency form table. Tolerates a trailing dot and spaces.
 */
export function questionOfNumber(text: string, inAgencyForm: boolean): CatalogueItem | undefined {
  const n = text.replace(/\s+/g, '').replace(/\.$/, '').toLowerCase();
  if (!n) return undefined;
  return byNumber.get(n) ?? (inAgencyForm ? byNumber.get(`app:${n}`) : undefined);
}

// ---- Tick boxes -------------------------------------------------------------------------

/** The boxes a question's status column offers, as answer tokens. Empty: a typed answer. */
export function boxTokens(item: CatalogueItem): readonly string[] {
  switch (item.kind) {
    case 'status':
      return STATUS_TOKENS.filter((t) => t !== 'na');
    case 'yesNo':
      return YES_NO_TOKENS.filter((t) => t !== 'na');
    case 'band':
      return BAND_TOKENS.filter((t) => t !== 'na');
    case 'singleSelect':
    case 'multiSelect':
      return item.options ?? [];
    default:
      return [];
  }
}

/** Options numbered (i), (ii) … as in B7.4 (not merely ids made of those letters, such as "il"). */
export function hasRomanOptions(item: CatalogueItem): boolean {
  return item.kind === 'multiSelect' && (item.options ?? []).length > 0 && (item.options ?? []).every((o) => /^[ivxl]+$/.test(o));
}

/** The label printed next to a box. */
export function boxLabel(lang: Lang, item: CatalogueItem, token: string): string {
  const label = tokenLabel(lang, item.id, token);
  if (hasRomanOptions(item)) return `(${token}) ${label}`;
  return label === token && (token === 'dontKnow' || token === 'na') ? ANSWER_LABELS[lang].status[token] : label;
}

/** Comparable form of a label or of typed text: NFC, lower case, one space, plain apostrophes. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Every label of every box of an item, in every language (a reply may mix them), longest first. */
export function boxLabels(item: CatalogueItem): Array<{ token: string; label: string }> {
  const out: Array<{ token: string; label: string }> = [];
  for (const token of boxTokens(item)) {
    for (const lang of LANGUAGES) {
      const label = normalizeLabel(boxLabel(lang, item, token));
      if (label && !out.some((o) => o.token === token && o.label === label)) out.push({ token, label });
    }
  }
  return out.sort((a, b) => b.label.length - a.label.length);
}

export const UNTICKED_BOX = '☐';
export const TICKED_BOX = '☒';
