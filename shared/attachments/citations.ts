/**
 * How the report cites supporting documents. Each document cited somewhere (an answer, a
 * consolidated answer or a report text) gets an id D1…Dn, in this order — the order of
 * the "Annex: documents received" list:
 *
 *   1. by date received, earliest first; documents without a date come after the dated ones;
 *   2. then by title (Unicode code points of the trimmed title, so every machine agrees);
 *   3. then by attachment id (a total order: the numbering never depends on storage order).
 *
 * Only live documents (not deleted, see liveDataset) linked to a live record count: a link
 * to an answer of a deleted interview cites nothing. The files themselves are not embedded
 * in the report.
 */
import type { Attachment, Dataset, Id } from '../model/types';

export interface Citation {
  /** "D1", "D2", … */
  readonly citeId: string;
  readonly attachment: Attachment;
}

export interface DocumentCitations {
  /** Every cited document, in the annex's order. */
  readonly list: readonly Citation[];
  /** The cite ids of the documents linked to a question (its answers or its consolidated answer), in order. */
  forQuestion(questionId: string): readonly string[];
  /** The cite ids of the documents linked to a report text (key). */
  forText(key: string): readonly string[];
}

function compareDocuments(a: Attachment, b: Attachment): number {
  if (a.received !== b.received) {
    if (a.received === '') return 1;
    if (b.received === '') return -1;
    return a.received < b.received ? -1 : 1;
  }
  const ta = a.title.trim();
  const tb = b.title.trim();
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The citations of a live dataset (pass liveDataset(stored)). */
export function documentCitations(live: Pick<Dataset, 'attachments' | 'interviews'>): DocumentCitations {
  const interviews = new Set<Id>(live.interviews.map((iv) => iv.id));
  const cited = live.attachments.filter((f) => f.links.some((l) => l.kind !== 'answer' || interviews.has(l.interviewId)));
  const list = [...cited].sort(compareDocuments).map((attachment, i) => ({ citeId: `D${i + 1}`, attachment }));
  const byQuestion = new Map<string, string[]>();
  const byText = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, citeId: string) => {
    const ids = map.get(key) ?? [];
    if (!ids.includes(citeId)) ids.push(citeId);
    map.set(key, ids);
  };
  for (const { citeId, attachment } of list) {
    for (const l of attachment.links) {
      if (l.kind === 'answer' && interviews.has(l.interviewId)) add(byQuestion, l.questionId, citeId);
      else if (l.kind === 'consolidated') add(byQuestion, l.questionId, citeId);
      else if (l.kind === 'text') add(byText, l.key, citeId);
    }
  }
  return {
    list,
    forQuestion: (q) => byQuestion.get(q) ?? [],
    forText: (k) => byText.get(k) ?? [],
  };
}

/** "[D1] [D3]": the references printed after an answer. */
export function citeText(ids: readonly string[]): string {
  return ids.map((id) => `[${id}]`).join(' ');
}
