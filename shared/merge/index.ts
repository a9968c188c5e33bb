/** Merging bundles into a dataset: pure functions (see docs/bundle-format.md, "Merging"). */
export { canonicalJson, deepEqual } from './canonical';
export { canonicalDataset, mergeAll, mergeDatasets, pickEntity, pickRevision, MergeAccumulator } from './merge';
export type { EntityCollection, MergeAnomaly, MergeResult, RevisionCollection } from './merge';
export { findDuplicateStakeholders, normalizeOrganization, normalizePersonName } from './duplicates';
export type { DuplicateGroup, DuplicateReason } from './duplicates';
export { conflictKey, conflicts, isQuestionConflict, revisionCycleMessage, revisionCycles, unknownQuestions } from './analysis';
export type { Conflict, MergedCycle, QuestionConflict, UnknownQuestions } from './analysis';
export { planImport } from './plan';
export type { FilePreview, ImportCounts, ImportPlan, ImportWrites, IncomingBundle, RecordCounts } from './plan';
export { deletedBy, indexTombstones, isAssessmentDeleted, liveDataset, resolveStakeholder } from './tombstones';
export type { TombstoneIndex } from './tombstones';
