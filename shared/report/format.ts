/**
 * How an answer reads in the report: the status first ("Yes. …"), select answers as their
 * labels, then the texts; an unanswered question gets its reason. Works on plain text
 * (lines); the caller turns lines into paragraphs. Private notes are never read here.
 */
import type { Lang } from '../i18n';
import { ANSWER_LABELS, skipReason, tokenLabel } from '../checklist/answerLabels';
import { displayNumber, type CatalogueItem } from '../checklist/catalogue';
import type { Relevance } from '../checklist/relevance';
import type { AnswerValue, ConsolidatedValue } from '../model/types';
import { REPORT_STRINGS } from './strings';

/** The fields of an answer a report may show (never `notes`, never the lead's `comment`). */
export type ReportValue = Pick<AnswerValue, 'choice' | 'choices' | 'number' | 'date' | 'other' | 'elaboration' | 'timeline' | 'response' | 'furtherInfo' | 'documents'>;

export function reportValue(v: AnswerValue | ConsolidatedValue | undefined): ReportValue | undefined {
  if (!v) return undefined;
  const { choice, choices, number, date, other, elaboration, timeline, response, furtherInfo, documents } = v;
  return { choice, choices, number, date, other, elaboration, timeline, response, furtherInfo, documents };
}

const has = (t: string | undefined): t is string => !!t && t.trim() !== '';

export function formatNumber(lang: Lang, n: number): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === 'en' ? s : s.replace('.', ',');
}

/** Whether `text` already opens with `label` (so "Yes. Yes, …" is not printed). */
function opensWith(text: string, label: string): boolean {
  // Only the start matters (lower-casing can lengthen a text a little: keep some margin).
  const t = text.trimStart().slice(0, 2 * label.length + 8).toLowerCase();
  const candidates = [label.toLowerCase(), label.replace(/\s*\(.*\)\s*$/, '').toLowerCase()].filter((c) => c !== '');
  return candidates.some((c) => t.startsWith(c) && !/[\p{L}\p{N}]/u.test(t.charAt(c.length)));
}

/** The label of a choice; "Don't know" and "Not applicable" read the same on every kind. */
function choiceLabel(lang: Lang, item: CatalogueItem, choice: string): string {
  const own = item.options?.includes(choice) || item.kind === 'status' || item.kind === 'yesNo' || item.kind === 'band';
  if (!own && (choice === 'na' || choice === 'dontKnow')) return ANSWER_LABELS[lang].status[choice];
  return tokenLabel(lang, item.id, choice);
}

/** The label a structured answer opens with, or undefined. */
export function structuredLabel(lang: Lang, item: CatalogueItem, v: ReportValue): string | undefined {
  switch (item.kind) {
    case 'status':
    case 'yesNo':
    case 'band':
    case 'singleSelect':
      return v.choice ? choiceLabel(lang, item, v.choice) : undefined;
    case 'percentage':
      return typeof v.number === 'number' ? `${formatNumber(lang, v.number)}%` : undefined;
    case 'date':
      return has(v.date) ? v.date : undefined;
    default:
      // A text or multi-select question recorded with a status (e.g. N/A) still shows it.
      return v.choice ? choiceLabel(lang, item, v.choice) : undefined;
  }
}

function optionLabel(lang: Lang, item: CatalogueItem, option: string): string {
  const label = tokenLabel(lang, item.id, option);
  return /^[ivxl]+$/.test(option) ? `(${option}) ${label}` : label;
}

/** The main texts of an answer, in order, without repeats; then labelled extras. */
function answerParts(item: CatalogueItem, v: ReportValue, includeTimeline: boolean, lang: Lang): { texts: string[]; extras: string[] } {
  const S = REPORT_STRINGS[lang].answer;
  const texts: string[] = [];
  const keys: string[] = [];
  // Compared ignoring case and spacing; the comparable form is only made when there is something to compare with.
  const keyOf = (i: number) => (keys[i] ??= texts[i]!.toLowerCase().replace(/\s+/g, ' '));
  const push = (t: string | undefined) => {
    if (!has(t)) return;
    const text = t.trim();
    if (texts.length > 0) {
      const key = text.toLowerCase().replace(/\s+/g, ' ');
      if (texts.some((_, i) => keyOf(i) === key)) return;
      keys[texts.length] = key;
    }
    texts.push(text);
  };
  if (item.checklist === 'legal') {
    push(v.response);
    push(v.elaboration);
  } else {
    push(v.elaboration);
    push(v.response);
  }
  push(v.furtherInfo);
  const extras: string[] = [];
  if (has(v.documents)) extras.push(`${S.documents}: ${v.documents.trim()}`);
  if (includeTimeline && has(v.timeline)) extras.push(`${S.timeline}: ${v.timeline.trim()}`);
  return { texts, extras };
}

const LIST_ITEM = /^\s*(?:-|•)\s/;

/**
 * The answer as plain text (lines separated by "\n"), or '' when it says nothing.
 * `includeTimeline` adds "Timeline: …" for layouts without a timeline column.
 */
export function answerText(lang: Lang, item: CatalogueItem, value: ReportValue | undefined, includeTimeline = false): string {
  if (!value) return '';
  const S = REPORT_STRINGS[lang].answer;
  const lines: string[] = [];
  if (item.kind === 'multiSelect' && value.choices && value.choices.length > 0) {
    lines.push(`${S.selected}: ${value.choices.map((o) => optionLabel(lang, item, o)).join('; ')}.`);
  }
  if (has(value.other)) lines.push(`${S.other}: ${value.other.trim()}`);
  const { texts, extras } = answerParts(item, value, includeTimeline, lang);
  const label = structuredLabel(lang, item, value);
  const first = texts[0];
  if (label) {
    const sentence = /[.!?]$/.test(label) ? label : `${label}.`;
    if (first !== undefined && !LIST_ITEM.test(first) && opensWith(first, label)) {
      // The text already says it.
    } else if (first !== undefined && !LIST_ITEM.test(first)) {
      texts[0] = `${sentence} ${first.trimStart()}`;
    } else {
      lines.unshift(sentence);
    }
  }
  lines.push(...texts, ...extras);
  return lines.join('\n');
}

/** The timeline column: the timeline as given, or a dash. */
export function timelineText(lang: Lang, value: ReportValue | undefined): string {
  return has(value?.timeline) ? value.timeline.trim() : REPORT_STRINGS[lang].answer.empty;
}

/** Why an answer is blank: "Not applicable (A2.1.4 answered No)" or "Not discussed". */
export function blankReason(lang: Lang, relevance: Relevance | undefined): string {
  if (relevance && !relevance.relevant) {
    let text = skipReason(lang, relevance);
    // Appendix items print as "1.2", not "APP.1.2".
    for (const c of relevance.causes) if (c.item.startsWith('APP.')) text = text.split(c.item).join(displayNumber(c.item));
    return text;
  }
  return ANSWER_LABELS[lang].skip.notDiscussed;
}

/** Whether a value has nothing to print in the answer column. */
export function isBlank(lang: Lang, item: CatalogueItem, value: ReportValue | undefined, relevance: Relevance | undefined): boolean {
  if (!value) return true;
  // "N/A" with no word of explanation, on a question skip logic rules out: the reason says more.
  const textless = !has(value.elaboration) && !has(value.response) && !has(value.furtherInfo) && !has(value.timeline) && !has(value.other);
  if (value.choice === 'na' && textless && relevance && !relevance.relevant) return true;
  return answerText(lang, item, value) === '' && !has(value.timeline);
}
