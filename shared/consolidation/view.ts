/**
 * What the consolidation screen and the report see of one question: every interview's
 * answer (or why there is none), the lead's consolidated answer, and the draft.
 *
 * An index over the dataset is built once per dataset object (kept in a WeakMap), so
 * asking for every question of a large dataset stays linear.
 */
import { CATALOGUE_ITEMS, getItem, type CatalogueItem } from '../checklist/catalogue';
import { answerTokens, isAnswered } from '../checklist/answerLabels';
import { evaluateRelevance, type Relevance } from '../checklist/relevance';
import { current } from '../answers/revisions';
import type { AnswerRevision, AnswerValue, ConsolidatedRevision, ConsolidatedValue, Dataset, Id, Interview, Stakeholder } from '../model/types';
import { byInterviewDate, draftConsolidated, type Contribution, type Draft } from './draft';

/**
 * answered      – the interview has an answer (its head revision says something);
 * notApplicable – no answer, and skip logic on that interview's own answers rules the question out;
 * notCovered    – the question's part (techA, legalII …) was not in the interview;
 * notDiscussed  – the part was covered, the question was relevant, but nothing was recorded.
 */
export type SlotState = 'answered' | 'notApplicable' | 'notCovered' | 'notDiscussed';

export interface InterviewSlot {
  readonly interview: Interview;
  readonly stakeholders: readonly Stakeholder[];
  readonly state: SlotState;
  /** The current (newest head) revision, if any. */
  readonly head: AnswerRevision | undefined;
  /** All heads, newest first; more than one is a conflict. */
  readonly heads: readonly AnswerRevision[];
  readonly conflict: boolean;
  /** Relevance given this interview's own answers; pass to skipReason(lang, …) for the text. */
  readonly relevance: Relevance;
}

export interface ConsolidatedState {
  readonly head: ConsolidatedRevision | undefined;
  readonly heads: readonly ConsolidatedRevision[];
  readonly conflict: boolean;
}

export interface ConsolidatedView {
  readonly questionId: string;
  readonly item: CatalogueItem;
  /** One per interview, in interview date order. */
  readonly slots: readonly InterviewSlot[];
  readonly consolidated: ConsolidatedState;
  readonly draft: Draft;
  /** The lead's consolidated head when it says anything, else the draft. */
  readonly current: { readonly value: ConsolidatedValue; readonly source: 'consolidated' | 'draft' };
}

const RELEVANT: Relevance = { relevant: true };
const NO_CONSOLIDATED: ConsolidatedState = { head: undefined, heads: [], conflict: false };

/** Lookups over one dataset. */
export interface DatasetIndex {
  readonly dataset: Dataset;
  /** Interviews in date order. */
  readonly interviews: readonly Interview[];
  readonly stakeholdersOf: (interview: Interview) => readonly Stakeholder[];
  /** Revisions of one interview slot. */
  readonly answerRevisions: (interviewId: Id, questionId: string) => readonly AnswerRevision[];
  /** Current state of one interview slot. */
  readonly answerState: (interviewId: Id, questionId: string) => { head: AnswerRevision | undefined; heads: AnswerRevision[]; conflict: boolean };
  readonly consolidatedState: (questionId: string) => ConsolidatedState;
  /** Relevance of every item given one interview's own (head) answers. */
  readonly interviewRelevance: (interviewId: Id) => ReadonlyMap<string, Relevance>;
  /** One interview's slot of one item (see slotOf), made once. */
  readonly slot: (interview: Interview, item: CatalogueItem) => InterviewSlot;
}

const indexes = new WeakMap<Dataset, DatasetIndex>();

export function indexDataset(dataset: Dataset): DatasetIndex {
  const cached = indexes.get(dataset);
  if (cached) return cached;

  const interviews = [...dataset.interviews].sort(byInterviewDate);
  const stakeholderById = new Map(dataset.stakeholders.map((s) => [s.id, s]));
  const stakeholdersCache = new Map<Id, Stakeholder[]>();
  const stakeholdersOf = (iv: Interview): Stakeholder[] => {
    let list = stakeholdersCache.get(iv.id);
    if (!list) {
      list = iv.stakeholderIds.map((id) => stakeholderById.get(id)).filter((s): s is Stakeholder => !!s);
      stakeholdersCache.set(iv.id, list);
    }
    return list;
  };

  // Revisions by interview, then question: two lookups on ids the dataset already holds,
  // cheaper than building an "interview|question" key for each of a large dataset's slots.
  const byInterview = new Map<Id, Map<string, AnswerRevision[]>>();
  for (const r of dataset.answers) {
    let questions = byInterview.get(r.interviewId);
    if (!questions) byInterview.set(r.interviewId, (questions = new Map()));
    const list = questions.get(r.questionId);
    if (list) list.push(r);
    else questions.set(r.questionId, [r]);
  }
  type SlotHeads = { head: AnswerRevision | undefined; heads: AnswerRevision[]; conflict: boolean };
  const stateCache = new Map<Id, Map<string, SlotHeads>>();
  const answerState = (interviewId: Id, questionId: string) => {
    let states = stateCache.get(interviewId);
    if (!states) stateCache.set(interviewId, (states = new Map()));
    let s = states.get(questionId);
    if (!s) {
      s = current(byInterview.get(interviewId)?.get(questionId) ?? []);
      states.set(questionId, s);
    }
    return s;
  };

  const consolidatedByQuestion = new Map<string, ConsolidatedRevision[]>();
  for (const r of dataset.consolidated) {
    const list = consolidatedByQuestion.get(r.questionId);
    if (list) list.push(r);
    else consolidatedByQuestion.set(r.questionId, [r]);
  }
  const consolidatedCache = new Map<string, ConsolidatedState>();
  const consolidatedState = (questionId: string): ConsolidatedState => {
    let s = consolidatedCache.get(questionId);
    if (!s) {
      const revs = consolidatedByQuestion.get(questionId);
      s = revs ? current(revs) : NO_CONSOLIDATED;
      consolidatedCache.set(questionId, s);
    }
    return s;
  };

  const relevanceCache = new Map<Id, Map<string, Relevance>>();
  const interviewRelevance = (interviewId: Id) => {
    let r = relevanceCache.get(interviewId);
    if (!r) {
      r = evaluateRelevance(CATALOGUE_ITEMS, (id) => answerTokens(answerState(interviewId, id).head?.value));
      relevanceCache.set(interviewId, r);
    }
    return r;
  };

  // Slots by interview, then by the item's catalogue position: an export or a report asks
  // for every slot several times.
  const slots = new Map<Id, InterviewSlot[]>();
  const slot = (interview: Interview, item: CatalogueItem): InterviewSlot => {
    let list = slots.get(interview.id);
    if (!list) slots.set(interview.id, (list = new Array<InterviewSlot>(CATALOGUE_ITEMS.length)));
    return (list[item.index] ??= makeSlot(index, interview, item));
  };

  const index: DatasetIndex = {
    dataset,
    interviews,
    stakeholdersOf,
    slot,
    answerRevisions: (interviewId, questionId) => byInterview.get(interviewId)?.get(questionId) ?? [],
    answerState,
    consolidatedState,
    interviewRelevance,
  };
  indexes.set(dataset, index);
  return index;
}

/** One interview's answer to one question, or why there is none. */
export function slotOf(index: DatasetIndex, interview: Interview, item: CatalogueItem): InterviewSlot {
  return index.slot(interview, item);
}

function makeSlot(index: DatasetIndex, interview: Interview, item: CatalogueItem): InterviewSlot {
  const stakeholders = index.stakeholdersOf(interview);
  const { head, heads, conflict } = index.answerState(interview.id, item.id);
  const covered = interview.parts.includes(item.part);
  const relevance = covered || head ? (index.interviewRelevance(interview.id).get(item.id) ?? RELEVANT) : RELEVANT;
  let state: SlotState;
  if (head && isAnswered(head.value)) state = 'answered';
  else if (!covered) state = 'notCovered';
  else if (!relevance.relevant) state = 'notApplicable';
  else state = 'notDiscussed';
  return { interview, stakeholders, state, head, heads, conflict, relevance };
}

/** Contributions for the draft: answered slots and slots ruled out by skip logic. */
export function contributionsOf(slots: readonly InterviewSlot[]): Contribution[] {
  const out: Contribution[] = [];
  for (const s of slots) {
    if (s.state === 'answered' && s.head) {
      out.push({
        interview: s.interview,
        stakeholders: s.stakeholders,
        value: s.head.value,
        relevance: s.relevance,
        ...(s.conflict ? { alternatives: s.heads.slice(1).map((h) => h.value) } : {}),
      });
    } else if (s.state === 'notApplicable') {
      out.push({ interview: s.interview, stakeholders: s.stakeholders, value: {}, relevance: s.relevance });
    }
  }
  return out;
}

/** Whether a consolidated value says anything beyond its review state. */
export function consolidatedSaysAnything(value: ConsolidatedValue | undefined): boolean {
  if (!value) return false;
  return isAnswered(value as AnswerValue) || !!value.documents?.trim();
}

/**
 * Everything about one question for the consolidation screen: each interview's answer or
 * the reason there is none, the consolidated head (conflicts flagged), the draft, and the
 * answer that counts now (consolidated head, else the draft).
 */
export function consolidatedView(dataset: Dataset, questionId: string): ConsolidatedView {
  const item = getItem(questionId);
  if (!item) throw new Error(`unknown question ${questionId}`);
  const index = indexDataset(dataset);
  const slots = index.interviews.map((iv) => slotOf(index, iv, item));
  const draft = draftConsolidated(questionId, contributionsOf(slots));
  const consolidated = index.consolidatedState(questionId);
  const head = consolidated.head;
  const current =
    head && consolidatedSaysAnything(head.value)
      ? { value: head.value, source: 'consolidated' as const }
      : { value: draft.value, source: 'draft' as const };
  return { questionId, item, slots, consolidated, draft, current };
}

export interface FinalAnswer {
  readonly questionId: string;
  /** Undefined when neither the lead nor any interview said anything. */
  readonly value: ConsolidatedValue | undefined;
  readonly source: 'consolidated' | 'draft' | 'none';
  /** The consolidated slot has more than one head. */
  readonly conflict: boolean;
}

export interface FinalAnswers {
  /** Every question of the catalogue. */
  readonly answers: ReadonlyMap<string, FinalAnswer>;
  /** Relevance of every item given the final answers (for "Not applicable (A2.1.4 answered No)"). */
  readonly relevance: ReadonlyMap<string, Relevance>;
}

/**
 * The answer that counts for every question — the consolidated head, or the draft where
 * there is none — and the skip logic evaluated on those answers. Used by the report and
 * the readiness summary.
 */
export function finalAnswers(dataset: Dataset): FinalAnswers {
  const answers = new Map<string, FinalAnswer>();
  const index = indexDataset(dataset);
  for (const item of CATALOGUE_ITEMS) {
    if (item.role !== 'question') continue;
    // The lead's answer, when it says anything, is final: no draft is needed (drafting a
    // question of a large assessment reads every interview's texts).
    const consolidated = index.consolidatedState(item.id);
    if (consolidated.head && consolidatedSaysAnything(consolidated.head.value)) {
      answers.set(item.id, { questionId: item.id, value: consolidated.head.value, source: 'consolidated', conflict: consolidated.conflict });
      continue;
    }
    const v = consolidatedView(dataset, item.id);
    const says = consolidatedSaysAnything(v.current.value);
    answers.set(item.id, {
      questionId: item.id,
      value: says ? v.current.value : undefined,
      source: says ? v.current.source : 'none',
      conflict: v.consolidated.conflict,
    });
  }
  const relevance = evaluateRelevance(CATALOGUE_ITEMS, (id) => answerTokens(answers.get(id)?.value));
  return { answers, relevance };
}
