/**
 * The readiness summary: per checklist section, how the status questions were answered
 * and a score, using the final answer of each question (the lead's consolidated answer,
 * or the draft where there is none). Documented in docs/consolidation.md.
 *
 * Groups: every second-level section (A1…A8, B1…B7, I.A…IV.E), a subtotal per top-level
 * section / part (A, B, I, II, III, IV) and a total per checklist.
 *
 * Score (UN Global Survey on Digital and Sustainable Trade Facilitation): Yes (fully
 * implemented) 3, Partially 2, planning 1 (No with a timeline / future plan given), No 0;
 * score = points / (3 × scored questions) in per cent. Don't know, N/A (incl. questions
 * ruled out by skip logic) and unanswered questions are left out of the maximum.
 */
import { CATALOGUE_ITEMS, getItem, type CatalogueItem } from '../checklist/catalogue';
import type { ChecklistId } from '../checklist/types';
import type { ConsolidatedValue, Dataset } from '../model/types';
import { finalAnswers, type FinalAnswers } from './view';
import { saysNoPlan } from './draft';

export interface ReadinessCounts {
  readonly yes: number;
  readonly partial: number;
  /** Every No, planning included. */
  readonly no: number;
  /** No with a timeline / future plan (scores 1). */
  readonly planning: number;
  readonly dontKnow: number;
  /** Answered Not applicable, or ruled out by skip logic. */
  readonly notApplicable: number;
  /** Relevant status questions with no status given. */
  readonly notAnswered: number;
  /** Status questions in the group. */
  readonly total: number;
  readonly points: number;
  /** 3 × (yes + partial + no). */
  readonly max: number;
  /** points / max in per cent, rounded; null when nothing was scored. */
  readonly score: number | null;
}

export interface ReadinessGroup {
  /** "A1", "I.B", or a top-level id "A", "II" for a subtotal. */
  readonly id: string;
  readonly checklist: ChecklistId;
  /** 0 = top-level subtotal (A, B, I …), 1 = section (A1, I.A …). */
  readonly level: 0 | 1;
  readonly counts: ReadinessCounts;
}

export interface ReadinessSummary {
  /** In document order: each top-level subtotal followed by its sections. */
  readonly groups: readonly ReadinessGroup[];
  readonly totals: Readonly<Record<'technical' | 'legal', ReadinessCounts>>;
}

export const SCORE_POINTS = { yes: 3, partial: 2, planning: 1, no: 0 } as const;

/** Whether a status question counts in the summary. */
export function isStatusQuestion(item: CatalogueItem): boolean {
  return item.role === 'question' && (item.kind === 'status' || item.kind === 'yesNo');
}

/**
 * Whether a timeline gives a plan. "-", "–", "n/a", "no" do not, nor do they when a draft
 * attributed them to an organisation ("State Revenue Committee: -"): any line that, past
 * such a prefix, says more counts.
 */
export function hasPlan(value: ConsolidatedValue | undefined): boolean {
  const lines = (value?.timeline ?? '').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  return lines.some((line) => {
    if (saysNoPlan(line)) return false;
    const attributed = /^[^:]{1,200}:\s*(.*)$/.exec(line);
    return !(attributed && saysNoPlan(attributed[1]));
  });
}

type MutableCounts = { -readonly [K in keyof ReadinessCounts]: ReadinessCounts[K] };

function emptyCounts(): MutableCounts {
  return { yes: 0, partial: 0, no: 0, planning: 0, dontKnow: 0, notApplicable: 0, notAnswered: 0, total: 0, points: 0, max: 0, score: null };
}

function add(into: MutableCounts, from: ReadinessCounts): void {
  into.yes += from.yes;
  into.partial += from.partial;
  into.no += from.no;
  into.planning += from.planning;
  into.dontKnow += from.dontKnow;
  into.notApplicable += from.notApplicable;
  into.notAnswered += from.notAnswered;
  into.total += from.total;
  into.points += from.points;
  into.max += from.max;
}

function finish(c: MutableCounts): ReadinessCounts {
  c.score = c.max > 0 ? Math.round((c.points / c.max) * 100) : null;
  return c;
}

function countQuestion(c: MutableCounts, item: CatalogueItem, final: FinalAnswers): void {
  c.total++;
  const answer = final.answers.get(item.id);
  const relevant = final.relevance.get(item.id)?.relevant ?? true;
  const choice = answer?.value?.choice;
  switch (choice) {
    case 'yes':
      c.yes++;
      c.points += SCORE_POINTS.yes;
      c.max += 3;
      return;
    case 'partial':
      c.partial++;
      c.points += SCORE_POINTS.partial;
      c.max += 3;
      return;
    case 'no':
      c.no++;
      c.max += 3;
      if (hasPlan(answer?.value)) {
        c.planning++;
        c.points += SCORE_POINTS.planning;
      }
      return;
    case 'dontKnow':
      c.dontKnow++;
      return;
    case 'na':
      c.notApplicable++;
      return;
    default:
      if (!relevant) c.notApplicable++;
      else c.notAnswered++;
  }
}

/** The group (second-level section) a question belongs to. */
function sectionOf(item: CatalogueItem): CatalogueItem | undefined {
  let cur: CatalogueItem | undefined = item;
  while (cur && cur.depth > 1) cur = cur.parent ? getItem(cur.parent) : undefined;
  return cur && cur.depth === 1 ? cur : undefined;
}

/** Summary from precomputed final answers (the report computes them once). */
export function readinessSummaryFrom(final: FinalAnswers): ReadinessSummary {
  const sectionCounts = new Map<string, MutableCounts>();
  for (const item of CATALOGUE_ITEMS) {
    if (item.checklist === 'appendix' || !isStatusQuestion(item)) continue;
    const section = sectionOf(item);
    if (!section) continue;
    let c = sectionCounts.get(section.id);
    if (!c) sectionCounts.set(section.id, (c = emptyCounts()));
    countQuestion(c, item, final);
  }
  const groups: ReadinessGroup[] = [];
  const totals = { technical: emptyCounts(), legal: emptyCounts() };
  for (const top of CATALOGUE_ITEMS) {
    if (top.depth !== 0 || top.checklist === 'appendix' || top.role !== 'section') continue;
    const sub = emptyCounts();
    const children: ReadinessGroup[] = [];
    for (const childId of top.children) {
      const child = getItem(childId);
      if (!child || child.role !== 'section') continue;
      const c = sectionCounts.get(child.id) ?? emptyCounts();
      add(sub, c);
      children.push({ id: child.id, checklist: child.checklist, level: 1, counts: finish({ ...c }) });
    }
    add(totals[top.checklist as 'technical' | 'legal'], sub);
    groups.push({ id: top.id, checklist: top.checklist, level: 0, counts: finish(sub) }, ...children);
  }
  return { groups, totals: { technical: finish(totals.technical), legal: finish(totals.legal) } };
}

/**
 * Counts of Yes / Partially / No / Don't know / N/A / not answered over the status
 * questions of each section, with the Global Survey score.
 */
export function readinessSummary(dataset: Dataset): ReadinessSummary {
  return readinessSummaryFrom(finalAnswers(dataset));
}
