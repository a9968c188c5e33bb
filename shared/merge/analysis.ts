/** What the lead needs to look at in a dataset: conflicting answers and unknown questions. */
import { checkRevisionGraph } from '../answers/graph';
import { answerSlot, consolidatedSlot, heads, textSlot, type RevisionLike } from '../answers/revisions';
import { getItem } from '../checklist/catalogue';
import type { Lang } from '../i18n';
import type { AnswerRevision, ConsolidatedRevision, Dataset, Id, TextRevision } from '../model/types';

export type Conflict =
  | {
      readonly kind: 'answer';
      /** answerSlot(): "interviewId|questionId". */
      readonly slot: string;
      readonly interviewId: Id;
      readonly questionId: string;
      /** The competing head revisions, newest first. */
      readonly heads: readonly AnswerRevision[];
    }
  | {
      readonly kind: 'consolidated';
      /** consolidatedSlot(): "assessmentId|questionId". */
      readonly slot: string;
      readonly assessmentId: Id;
      readonly questionId: string;
      readonly heads: readonly ConsolidatedRevision[];
    }
  | {
      readonly kind: 'text';
      /** textSlot(): "key|lang". */
      readonly slot: string;
      readonly key: string;
      readonly lang: Lang;
      readonly heads: readonly TextRevision[];
    };

/** A conflict on a checklist question (an interview answer or a consolidated answer). */
export type QuestionConflict = Exclude<Conflict, { kind: 'text' }>;

export function isQuestionConflict(c: Conflict): c is QuestionConflict {
  return c.kind !== 'text';
}

/** A conflict's identity: its slot and the set of competing heads. */
export function conflictKey(c: Conflict): string {
  return `${c.kind}|${c.slot}|${c.heads
    .map((h) => h.id)
    .sort()
    .join(',')}`;
}

export function slotConflicts<R extends RevisionLike>(revisions: readonly R[], slotKey: (r: R) => string): Array<[string, R[]]> {
  // Only slots with two or more revisions can have two heads; most slots have one.
  const seen = new Map<string, R | R[]>();
  for (const r of revisions) {
    const k = slotKey(r);
    const prev = seen.get(k);
    if (prev === undefined) seen.set(k, r);
    else if (Array.isArray(prev)) prev.push(r);
    else seen.set(k, [prev, r]);
  }
  const out: Array<[string, R[]]> = [];
  for (const [k, v] of seen) {
    if (!Array.isArray(v)) continue;
    const hs = heads(v);
    if (hs.length > 1) out.push([k, hs]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Slots (interview answer slots, consolidated slots) with more than one head revision. */
export function conflicts(dataset: Dataset): Conflict[] {
  const out: Conflict[] = [];
  for (const [slot, hs] of slotConflicts(dataset.answers, answerSlot))
    out.push({ kind: 'answer', slot, interviewId: hs[0]!.interviewId, questionId: hs[0]!.questionId, heads: hs });
  for (const [slot, hs] of slotConflicts(dataset.consolidated, consolidatedSlot))
    out.push({ kind: 'consolidated', slot, assessmentId: hs[0]!.assessmentId, questionId: hs[0]!.questionId, heads: hs });
  for (const [slot, hs] of slotConflicts(dataset.texts, textSlot)) out.push({ kind: 'text', slot, key: hs[0]!.key, lang: hs[0]!.lang, heads: hs });
  return out;
}

export interface UnknownQuestions {
  /** Distinct unknown question ids, sorted. */
  readonly questionIds: readonly string[];
  readonly answers: readonly AnswerRevision[];
  readonly consolidated: readonly ConsolidatedRevision[];
}

/** Revisions whose question id this catalogue does not know. They are kept, and flagged. */
export function unknownQuestions(dataset: Pick<Dataset, 'answers' | 'consolidated'>): UnknownQuestions {
  const answers = dataset.answers.filter((r) => !getItem(r.questionId));
  const consolidated = dataset.consolidated.filter((r) => !getItem(r.questionId));
  const questionIds = [...new Set([...answers, ...consolidated].map((r) => r.questionId))].sort();
  return { questionIds, answers, consolidated };
}

/** A cycle of parents in a merged dataset (each file alone had none: both had dangling parents). */
export interface MergedCycle {
  readonly collection: 'answers' | 'consolidated' | 'texts';
  readonly ids: readonly string[];
}

/** Cycles of parents in a dataset's revision graphs (shared/answers/graph.ts); empty when there are none. */
export function revisionCycles(d: Pick<Dataset, 'answers' | 'consolidated' | 'texts'>): MergedCycle[] {
  const out: MergedCycle[] = [];
  for (const c of checkRevisionGraph(d.answers, answerSlot).cycles) out.push({ collection: 'answers', ids: c.ids });
  for (const c of checkRevisionGraph(d.consolidated, consolidatedSlot).cycles) out.push({ collection: 'consolidated', ids: c.ids });
  for (const c of checkRevisionGraph(d.texts, textSlot).cycles) out.push({ collection: 'texts', ids: c.ids });
  return out;
}

/** A one-line English message when merging made a revision its own ancestor; undefined otherwise. */
export function revisionCycleMessage(d: Pick<Dataset, 'answers' | 'consolidated' | 'texts'>): string | undefined {
  const cycles = revisionCycles(d);
  if (cycles.length === 0) return undefined;
  const list = cycles.map((c) => `${c.collection}: ${c.ids.join(' → ')} → ${c.ids[0]}`).join('; ');
  return `together, the bundles make the history of some answers go round in a circle (${list}); nothing was written. Merge the bundles without the one that was altered.`;
}
