/**
 * Human-readable labels for answers and skip reasons, in any language. Used by the wizard,
 * the consolidation screen and the report, so a reason reads the same everywhere.
 */
import type { Lang } from '../i18n';
import type { AnswerValue } from '../model/types';
import { getItem, itemTexts } from './catalogue';
import type { Relevance } from './relevance';
import type { Condition } from './types';
import type { AnswerTokens } from './relevance';
import en from '../../locales/en/answers.json';
import ru from '../../locales/ru/answers.json';
import kk from '../../locales/kk/answers.json';

export type AnswerLabels = typeof en;
export const ANSWER_LABELS: Record<Lang, AnswerLabels> = { en, ru, kk };

/** Tokens every status-like question offers beyond its own options. */
export const STATUS_TOKENS = ['yes', 'partial', 'no', 'dontKnow', 'na'] as const;
export const YES_NO_TOKENS = ['yes', 'no', 'dontKnow', 'na'] as const;
export const BAND_TOKENS = ['high', 'medium', 'low', 'dontKnow', 'na'] as const;

/** `{{name}}` interpolation without a framework; values are plain text. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The label of one answer token for an item (a status word, a band, or an option label). */
export function tokenLabel(lang: Lang, itemId: string, token: string): string {
  const item = getItem(itemId);
  const L = ANSWER_LABELS[lang];
  if (item?.kind === 'status') return L.status[token as keyof typeof L.status] ?? token;
  if (item?.kind === 'yesNo') return L.yesNo[token as keyof typeof L.yesNo] ?? token;
  if (item?.kind === 'band') return L.band[token as keyof typeof L.band] ?? token;
  return itemTexts(lang, itemId).options?.[token] ?? itemTexts('en', itemId).options?.[token] ?? token;
}

/** The tokens skip logic compares: the choice, or the chosen options. */
export function answerTokens(value: AnswerValue | undefined): AnswerTokens {
  if (!value) return undefined;
  if (value.choice) return value.choice;
  if (value.choices && value.choices.length > 0) return value.choices;
  return undefined;
}

/** Whether an answer says anything (a choice, a number, a date, or any answer text). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (!value) return false;
  if (value.choice || (value.choices && value.choices.length > 0) || typeof value.number === 'number' || value.date) return true;
  return [value.elaboration, value.response, value.furtherInfo, value.timeline, value.other].some((t) => !!t && t.trim() !== '');
}

/** "Not applicable (A2.1.4 answered No)" in the given language. */
export function skipReason(lang: Lang, relevance: Relevance): string {
  if (relevance.relevant) return '';
  const L = ANSWER_LABELS[lang].skip;
  const causes = relevance.causes.map((c) =>
    c.answer === 'notApplicable'
      ? fill(L.causeSkipped, { item: c.item })
      : fill(L.cause, { item: c.item, answer: c.answer.split(',').map((t) => tokenLabel(lang, c.item, t)).join(', ') }),
  );
  return fill(L.notApplicable, { causes: causes.join(L.join) });
}

/** "Asked when A2.1.1 is Yes or Partially" in the given language. */
export function describeCondition(lang: Lang, cond: Condition): string {
  const L = ANSWER_LABELS[lang].condition;
  if ('item' in cond) {
    const answers = cond.is.map((t) => `«${tokenLabel(lang, cond.item, t)}»`).join(L.or);
    return fill(L.when, { item: cond.item, answers });
  }
  if ('all' in cond) return cond.all.map((c) => describeCondition(lang, c)).join(L.and);
  return cond.any.map((c) => describeCondition(lang, c)).join(L.anyOf);
}

/** The answer choices an item offers, as labels ("Yes / Partially / No / Don't know / Not applicable"). */
export function choiceTokens(item: { id: string; kind?: string; options?: readonly string[] }): readonly string[] {
  switch (item.kind) {
    case 'status':
      return STATUS_TOKENS;
    case 'yesNo':
      return YES_NO_TOKENS;
    case 'band':
      return BAND_TOKENS;
    case 'singleSelect':
    case 'multiSelect':
      return item.options ?? [];
    default:
      return [];
  }
}
