/** What the lead needs to look at in a dataset: conflicting answers and unknown questions. */
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
