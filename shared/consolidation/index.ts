/**
 * Consolidation: drafting one answer per question from many stakeholders' answers, the
 * per-question view the lead works from, and the readiness summary. See docs/consolidation.md.
 */
export {
  draftConsolidated,
  mergeTexts,
  normalizeText,
  containsWords,
  median,
  attributionOf,
  byInterviewDate,
  type Contribution,
  type Draft,
  type DraftSummary,
  type DraftTally,
} from './draft';
export {
  consolidatedView,
  contributionsOf,
  slotOf,
  consolidatedSaysAnything,
  finalAnswers,
  indexDataset,
  type ConsolidatedView,
  type ConsolidatedState,
  type DatasetIndex,
  type FinalAnswer,
  type FinalAnswers,
  type InterviewSlot,
  type SlotState,
} from './view';
export {
  readinessSummary,
  readinessSummaryFrom,
  isStatusQuestion,
  hasPlan,
  SCORE_POINTS,
  type ReadinessCounts,
  type ReadinessGroup,
  type ReadinessSummary,
} from './summary';
