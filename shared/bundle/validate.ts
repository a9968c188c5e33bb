/**
 * Checks a parsed manifest and payload against the schema, then the rules a schema cannot
 * express: counts, one assessment per bundle, unique ids, revision graphs (no cycles),
 * answer values against the checklist, the model's own rules (period order, …). Also
 * computes the warnings. Each check is one pass, linear in the records, and stops at the
 * first refusal; nothing here recurses per record or collects unbounded lists.
 */
import { z } from 'zod';
import { checkRevisionGraph, type GraphReport } from '../answers/graph';
import { answerSlot, consolidatedSlot, textSlot } from '../answers/revisions';
import { CATALOGUE_HASH, CATALOGUE_VERSION, getItem, migrateQuestionId } from '../checklist/catalogue';
import { checkAnswerValue, type ValueProblem } from '../checklist/values';
import { checkAssessment, checkInterview } from '../model/rules';
import type { AnswerRevision, ConsolidatedRevision, Dataset } from '../model/types';
import { checkDataset } from './checkDataset.generated';
import { checkDatasetV1 } from './checkDatasetV1.generated';
import { compileJsonSchema, type CompiledSchema, type JsonSchemaNode } from './compiled';
import { bundleError, type BundleError, type BundleWarning } from './errors';
import { compileExplainer, type Explainer } from './explain';
import { DatasetSchema, DatasetSchemaV1, EncryptedBundleSchema, ManifestSchema, ManifestSchemaV1, type BundleManifest } from './schema';

type Checked<T> = { ok: true; value: T } | { ok: false; error: BundleError };

interface Checker<T> {
  readonly compiled: CompiledSchema;
  /** Names the first problem when the fast check fails (never zod: see explain.ts). */
  readonly explainer: Explainer;
  readonly prefix: string;
  /** The type the schema describes (for inference only). */
  readonly _type?: T;
}

function checker<T>(schema: z.ZodType<T>, prefix: string, generated?: (v: unknown) => boolean): () => Checker<T> {
  let cached: Checker<T> | undefined;
  return () => {
    if (cached) return cached;
    const json = z.toJSONSchema(schema) as JsonSchemaNode;
    const compiled = compileJsonSchema(json);
    return (cached = { compiled: generated ? { check: generated, project: compiled.project } : compiled, explainer: compileExplainer(json, prefix), prefix });
  };
}

export const manifestChecker = checker(ManifestSchema, 'manifest');
export const manifestV1Checker = checker(ManifestSchemaV1, 'manifest');
/** The payload is the hot path: its check is generated code (checkDataset.generated.ts). */
export const datasetChecker = checker(DatasetSchema, 'payload', checkDataset);
export const datasetV1Checker = checker(DatasetSchemaV1, 'payload', checkDatasetV1);
export const envelopeChecker = checker(EncryptedBundleSchema, '');

/** Fast check first; the explainer only to say where a failure is. */
export function checkWith<T>(c: Checker<T>, value: unknown): Checked<T> {
  if (c.compiled.check(value)) return { ok: true, value: value as T };
  const error = c.explainer.explain(value);
  // The fast check and the explainer disagree: trust the stricter answer, but say where.
  return { ok: false, error: error ?? bundleError('schema', `${c.prefix || '(root)'}: does not match the bundle schema`) };
}

/** What one pass over a valid payload found, for the warnings. */
export interface PayloadFacts {
  readonly unknownQuestionIds: ReadonlySet<string>;
  readonly unknownAnswers: number;
  readonly danglingReferences: number;
}

/** The record types the manifest counts. */
export const COUNTED = ['stakeholders', 'interviews', 'answers', 'consolidated', 'texts', 'tombstones', 'attachments'] as const;

export type ConsistencyResult = { ok: true; facts: PayloadFacts } | { ok: false; error: BundleError };

/**
 * Rules beyond the schema, in one pass over the records: the manifest describes this
 * payload, every record belongs to the bundle's assessment, ids are unique per record
 * type. Collects what the warnings need on the way (unknown questions, dangling references).
 */
export function checkConsistency(manifest: Pick<BundleManifest, 'assessmentId' | 'counts'> | undefined, d: Dataset): ConsistencyResult {
  const fail = (error: BundleError): ConsistencyResult => ({ ok: false, error });
  const aid = d.assessment.id;
  if (manifest) {
    if (manifest.assessmentId !== aid)
      return fail(bundleError('schema', `manifest.assessmentId: "${manifest.assessmentId}" does not match payload.assessment.id "${aid}"`));
    for (const k of COUNTED) {
      if (manifest.counts[k] !== d[k].length)
        return fail(bundleError('schema', `manifest.counts.${k}: says ${manifest.counts[k]} but the payload has ${d[k].length}`));
    }
  }
  const foreign = (k: string, i: number, other: string) =>
    fail(bundleError('schema', `payload.${k}[${i}].assessmentId: "${other}" is not this bundle's assessment "${aid}"`));
  const duplicate = (k: string, i: number, id: string) => fail(bundleError('duplicateId', `payload.${k}[${i}].id: "${id}" appears more than once`, { id }));

  const stakeholders = new Set<string>();
  for (let i = 0; i < d.stakeholders.length; i++) {
    const r = d.stakeholders[i]!;
    if (r.assessmentId !== aid) return foreign('stakeholders', i, r.assessmentId);
    if (stakeholders.has(r.id)) return duplicate('stakeholders', i, r.id);
    stakeholders.add(r.id);
  }
  const interviews = new Set<string>();
  let dangling = 0;
  for (let i = 0; i < d.interviews.length; i++) {
    const r = d.interviews[i]!;
    if (r.assessmentId !== aid) return foreign('interviews', i, r.assessmentId);
    if (interviews.has(r.id)) return duplicate('interviews', i, r.id);
    interviews.add(r.id);
    for (const s of r.stakeholderIds) if (!stakeholders.has(s)) dangling++;
  }
  const unknownQuestionIds = new Set<string>();
  let unknownAnswers = 0;
  const answers = new Set<string>();
  let lastQuestion = '';
  let lastInterview = '';
  for (let i = 0; i < d.answers.length; i++) {
    const r = d.answers[i]!;
    if (r.assessmentId !== aid) return foreign('answers', i, r.assessmentId);
    if (answers.has(r.id)) return duplicate('answers', i, r.id);
    answers.add(r.id);
    if (r.questionId !== lastQuestion) {
      if (!getItem(r.questionId)) {
        unknownAnswers++;
        unknownQuestionIds.add(r.questionId);
      } else lastQuestion = r.questionId;
    }
    if (r.interviewId !== lastInterview) {
      if (!interviews.has(r.interviewId)) dangling++;
      else lastInterview = r.interviewId;
    }
  }
  const consolidated = new Set<string>();
  for (let i = 0; i < d.consolidated.length; i++) {
    const r = d.consolidated[i]!;
    if (r.assessmentId !== aid) return foreign('consolidated', i, r.assessmentId);
    if (consolidated.has(r.id)) return duplicate('consolidated', i, r.id);
    consolidated.add(r.id);
    if (!getItem(r.questionId)) {
      unknownAnswers++;
      unknownQuestionIds.add(r.questionId);
    }
  }
  for (const k of ['texts', 'tombstones', 'attachments'] as const) {
    const seen = new Set<string>();
    const list = d[k];
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.assessmentId !== aid) return foreign(k, i, r.assessmentId);
      if (seen.has(r.id)) return duplicate(k, i, r.id);
      seen.add(r.id);
    }
  }
  return { ok: true, facts: { unknownQuestionIds, unknownAnswers, danglingReferences: dangling } };
}

/** Renames question ids recorded under an older catalogue; returns the dataset and how many changed. */
export function migrateQuestions(d: Dataset, fromVersion: string): { dataset: Dataset; migrated: number } {
  if (fromVersion === CATALOGUE_VERSION) return { dataset: d, migrated: 0 };
  let migrated = 0;
  const fix = <R extends AnswerRevision | ConsolidatedRevision>(r: R): R => {
    const q = migrateQuestionId(r.questionId, fromVersion);
    if (q === r.questionId) return r;
    migrated++;
    return { ...r, questionId: q };
  };
  const answers = d.answers.map(fix);
  const consolidated = d.consolidated.map(fix);
  if (migrated === 0) return { dataset: d, migrated };
  return { dataset: { ...d, answers, consolidated }, migrated };
}

export function computeWarnings(manifest: BundleManifest, facts: PayloadFacts, migrated: number): BundleWarning[] {
  const warnings: BundleWarning[] = [];
  if (facts.unknownAnswers > 0) {
    const ids = [...facts.unknownQuestionIds].sort();
    warnings.push({
      code: 'unknownQuestions',
      detail: ids.slice(0, 10).join(', ') + (ids.length > 10 ? ', …' : ''),
      params: { count: facts.unknownAnswers, ids: ids.length },
    });
  }
  if (manifest.catalogueHash !== CATALOGUE_HASH) {
    warnings.push({
      code: 'catalogueDiffers',
      detail: `${manifest.catalogueVersion} ≠ ${CATALOGUE_VERSION}`,
      params: { version: manifest.catalogueVersion, current: CATALOGUE_VERSION },
    });
  }
  if (migrated > 0) warnings.push({ code: 'migratedQuestions', params: { count: migrated } });
  if (facts.danglingReferences > 0) warnings.push({ code: 'danglingReferences', params: { count: facts.danglingReferences } });
  return warnings;
}

// ---- Revision graphs, values, model rules ------------------------------------------------

/** Value problems the checklist of this app cannot judge: kept and flagged, per question. */
export interface FlaggedValues {
  readonly count: number;
  /** The first problem of each question (at most 10 questions listed). */
  readonly examples: readonly ValueProblem[];
  readonly questions: number;
}

export type RecordsResult = { ok: true; warnings: BundleWarning[]; flagged: FlaggedValues } | { ok: false; error: BundleError };

/** "payload.answers[3].value.choice (question B2.1): found "maybe"; allowed: one of yes, …" */
function valueDetail(where: string, p: ValueProblem): string {
  return `${where} (question ${p.questionId}): found ${p.found}; allowed: ${p.allowed}`;
}

/** How many refused values a message lists before "and N more". */
const LISTED = 5;

function refusedValues(list: readonly string[], total: number): BundleError {
  const more = total > list.length ? `; and ${total - list.length} more` : '';
  return bundleError('invalidValue', `${list.join('; ')}${more}`, { count: total });
}

/**
 * Checks answer and consolidated values against the checklist (shared/checklist/values.ts).
 * `sameCatalogue`: the data was recorded with this app's checklists, so what they do not
 * allow is refused; otherwise it is kept and flagged, except what no checklist allows.
 * `declared`: values the writer said it carries knowingly, flagged by an earlier import
 * (manifest.flaggedValues): that many catalogue problems are flagged, not refused.
 */
export function checkValues(d: Pick<Dataset, 'answers' | 'consolidated'>, sameCatalogue: boolean, declared = 0): { ok: true; flagged: FlaggedValues } | { ok: false; error: BundleError } {
  const refused: string[] = [];
  let refusedCount = 0;
  const catalogueProblems: Array<{ where: string; p: ValueProblem }> = [];
  let catalogueCount = 0;
  const flaggedQuestions = new Map<string, ValueProblem>();
  const visit = (collection: 'answers' | 'consolidated', list: readonly (AnswerRevision | ConsolidatedRevision)[]) => {
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      const problems = checkAnswerValue(r.questionId, r.value, collection === 'answers' ? 'answer' : 'consolidated');
      if (problems.length === 0) continue;
      for (const p of problems) {
        const where = `payload.${collection}[${i}].value${p.field === 'value' ? '' : `.${p.field}`}`;
        if (p.severity === 'impossible') {
          if (refused.length < LISTED) refused.push(valueDetail(where, p));
          refusedCount++;
          continue;
        }
        catalogueCount++;
        if (catalogueProblems.length < LISTED) catalogueProblems.push({ where, p });
        if (!flaggedQuestions.has(p.questionId)) flaggedQuestions.set(p.questionId, p);
      }
    }
  };
  visit('answers', d.answers);
  visit('consolidated', d.consolidated);
  if (refusedCount > 0) return { ok: false, error: refusedValues(refused, refusedCount) };
  if (catalogueCount > 0 && sameCatalogue && catalogueCount > declared)
    return { ok: false, error: refusedValues(catalogueProblems.map(({ where, p }) => valueDetail(where, p)), catalogueCount) };
  return { ok: true, flagged: { count: catalogueCount, examples: [...flaggedQuestions.values()].slice(0, 10), questions: flaggedQuestions.size } };
}

/** Every revision graph of a dataset: answers, consolidated answers, texts. */
export function checkGraphs(d: Pick<Dataset, 'answers' | 'consolidated' | 'texts'>): { ok: true; danglingParents: number } | { ok: false; error: BundleError } {
  const reports: Array<[string, GraphReport]> = [
    ['answers', checkRevisionGraph(d.answers, answerSlot)],
    ['consolidated', checkRevisionGraph(d.consolidated, consolidatedSlot)],
    ['texts', checkRevisionGraph(d.texts, textSlot)],
  ];
  let dangling = 0;
  for (const [collection, r] of reports) {
    if (r.cycles.length > 0) {
      const cycles = r.cycles.map((c) => (c.ids.length === 1 ? `${c.ids[0]} is its own parent` : `${c.ids.join(' → ')} → ${c.ids[0]}`));
      return { ok: false, error: bundleError('revisionCycle', `payload.${collection}: ${cycles.join('; ')}`, { count: r.cycles.length }) };
    }
    dangling += r.danglingParents;
  }
  return { ok: true, danglingParents: dangling };
}

/** The model's own rules on the assessment and interviews (shared/model/rules.ts). */
export function checkModelRules(d: Pick<Dataset, 'assessment' | 'interviews'>): BundleError | undefined {
  const a = checkAssessment(d.assessment);
  if (a) return bundleError('invalidValue', `payload.assessment.${a.field}: ${a.problem}`);
  for (let i = 0; i < d.interviews.length; i++) {
    const p = checkInterview(d.interviews[i]!);
    if (p) return bundleError('invalidValue', `payload.interviews[${i}].${p.field}: ${p.problem}`);
  }
  return undefined;
}

/**
 * Every rule on the records of a payload that passed the schema: consistency with the
 * manifest and unique ids, the model's rules, revision graphs, values. Then the warnings.
 */
export function checkRecords(manifest: BundleManifest, d: Dataset, migrated: number): RecordsResult {
  const consistent = checkConsistency(manifest, d);
  if (!consistent.ok) return consistent;
  const rule = checkModelRules(d);
  if (rule) return { ok: false, error: rule };
  const graphs = checkGraphs(d);
  if (!graphs.ok) return graphs;
  const values = checkValues(d, manifest.catalogueHash === CATALOGUE_HASH, manifest.flaggedValues ?? 0);
  if (!values.ok) return values;
  const warnings = computeWarnings(manifest, consistent.facts, migrated);
  if (graphs.danglingParents > 0) warnings.push({ code: 'danglingParents', params: { count: graphs.danglingParents } });
  const f = values.flagged;
  if (f.count > 0) {
    const listed = f.examples.map((p) => `${p.questionId} ${p.field} ${p.found}`).join(', ') + (f.questions > f.examples.length ? ', …' : '');
    warnings.push({ code: 'unexpectedValues', detail: listed, params: { count: f.count, questions: f.questions } });
  }
  return { ok: true, warnings, flagged: f };
}

/** How many values of a dataset this checklist flags (the writer declares them: manifest.flaggedValues). */
export function countFlaggedValues(d: Pick<Dataset, 'answers' | 'consolidated'>): number {
  const r = checkValues(d, false);
  return r.ok ? r.flagged.count : 0;
}
