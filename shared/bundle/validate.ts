/**
 * Checks a parsed manifest and payload against the schema, then the rules a schema cannot
 * express: counts, one assessment per bundle, unique ids. Also computes the warnings.
 */
import { z } from 'zod';
import { CATALOGUE_HASH, CATALOGUE_VERSION, getItem, migrateQuestionId } from '../checklist/catalogue';
import type { AnswerRevision, ConsolidatedRevision, Dataset } from '../model/types';
import { checkDataset } from './checkDataset.generated';
import { checkDatasetV1 } from './checkDatasetV1.generated';
import { compileJsonSchema, type CompiledSchema, type JsonSchemaNode } from './compiled';
import { bundleError, errorFromIssue, type BundleError, type BundleWarning } from './errors';
import { DatasetSchema, DatasetSchemaV1, EncryptedBundleSchema, ManifestSchema, ManifestSchemaV1, type BundleManifest } from './schema';

type Checked<T> = { ok: true; value: T } | { ok: false; error: BundleError };

interface Checker<T> {
  readonly compiled: CompiledSchema;
  readonly zod: z.ZodType<T>;
  readonly prefix: string;
}

function checker<T>(schema: z.ZodType<T>, prefix: string, generated?: (v: unknown) => boolean): () => Checker<T> {
  let cached: Checker<T> | undefined;
  return () => {
    if (cached) return cached;
    const compiled = compileJsonSchema(z.toJSONSchema(schema) as JsonSchemaNode);
    return (cached = { compiled: generated ? { check: generated, project: compiled.project } : compiled, zod: schema, prefix });
  };
}

export const manifestChecker = checker(ManifestSchema, 'manifest');
export const manifestV1Checker = checker(ManifestSchemaV1, 'manifest');
/** The payload is the hot path: its check is generated code (checkDataset.generated.ts). */
export const datasetChecker = checker(DatasetSchema, 'payload', checkDataset);
export const datasetV1Checker = checker(DatasetSchemaV1, 'payload', checkDatasetV1);
export const envelopeChecker = checker(EncryptedBundleSchema, '');

/** Fast check first; zod only to explain a failure. */
export function checkWith<T>(c: Checker<T>, value: unknown): Checked<T> {
  if (c.compiled.check(value)) return { ok: true, value: value as T };
  const r = c.zod.safeParse(value);
  if (r.success) {
    // The compiled checker and zod disagree: trust the stricter answer, but say where.
    return { ok: false, error: bundleError('schema', `${c.prefix || '(root)'}: does not match the bundle schema`) };
  }
  return { ok: false, error: errorFromIssue(r.error.issues[0]!, c.prefix, value) };
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
