/**
 * Skip logic: one pure function decides, for every item, whether it is relevant given the
 * answers so far, and if not, why ("A2.1.4 answered No").
 *
 * Rules (documented in docs/checklists.md):
 * - A leaf condition {item, is} is true when the controlling answer is one of `is`, false
 *   when it is answered otherwise, and unknown while it is unanswered.
 * - all: false if any part is false; any: false only if every part is false.
 * - An item is not relevant only when its condition is definitely false. Unanswered
 *   controllers keep follow-ups open: the interviewer may skip the stem and still ask.
 * - A controller that is itself not relevant counts as false (its follow-ups go with it),
 *   and every descendant of a non-relevant item is not relevant for the same reason.
 */
import type { Condition, ItemSpec } from './types';

/** The answer token(s) of an item: a status/option token, or the chosen options of a multi-select. */
export type AnswerTokens = string | readonly string[] | undefined;

export interface SkipCause {
  /** The controlling item. */
  readonly item: string;
  /** How it was answered (a token), or "notApplicable" when the controller was itself skipped. */
  readonly answer: string;
}

export type Relevance = { readonly relevant: true } | { readonly relevant: false; readonly causes: readonly SkipCause[] };

const RELEVANT: Relevance = { relevant: true };

type Tri = { value: true } | { value: false; causes: SkipCause[] } | { value: 'unknown' };

function evaluate(cond: Condition, answerOf: (id: string) => AnswerTokens, decided: ReadonlyMap<string, Relevance>): Tri {
  if ('item' in cond) {
    const controller = decided.get(cond.item);
    if (controller && !controller.relevant) return { value: false, causes: [...controller.causes] };
    const answer = answerOf(cond.item);
    if (answer === undefined || (Array.isArray(answer) && answer.length === 0)) return { value: 'unknown' };
    const tokens: readonly string[] = typeof answer === 'string' ? [answer] : answer;
    if (tokens.some((t) => cond.is.includes(t))) return { value: true };
    return { value: false, causes: [{ item: cond.item, answer: tokens.join(',') }] };
  }
  if ('all' in cond) {
    let unknown = false;
    for (const part of cond.all) {
      const r = evaluate(part, answerOf, decided);
      if (r.value === false) return r;
      if (r.value === 'unknown') unknown = true;
    }
    return unknown ? { value: 'unknown' } : { value: true };
  }
  let unknown = false;
  const causes: SkipCause[] = [];
  for (const part of cond.any) {
    const r = evaluate(part, answerOf, decided);
    if (r.value === true) return r;
    if (r.value === 'unknown') unknown = true;
    else causes.push(...r.causes);
  }
  return unknown ? { value: 'unknown' } : { value: false, causes };
}

/**
 * Relevance of every item, in the given (document) order. Conditions may only refer to
 * earlier items; the catalogue tests enforce it.
 */
export function evaluateRelevance(items: readonly ItemSpec[], answerOf: (id: string) => AnswerTokens): Map<string, Relevance> {
  const out = new Map<string, Relevance>();
  for (const item of items) {
    const parent = item.parent ? out.get(item.parent) : undefined;
    if (parent && !parent.relevant) {
      out.set(item.id, parent);
      continue;
    }
    if (!item.condition) {
      out.set(item.id, RELEVANT);
      continue;
    }
    const r = evaluate(item.condition, answerOf, out);
    out.set(item.id, r.value === false ? { relevant: false, causes: dedupe(r.causes) } : RELEVANT);
  }
  return out;
}

function dedupe(causes: SkipCause[]): SkipCause[] {
  const seen = new Set<string>();
  return causes.filter((c) => {
    const k = `${c.item}=${c.answer}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
