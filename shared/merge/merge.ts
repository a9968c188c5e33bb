/**
 * Merging datasets (bundles, the local database) — pure functions.
 *
 * - Revisions (interview answers, consolidated answers, texts) and tombstones are a set union by id: nothing is
 *   overwritten and the set only grows. The same id with different content should never
 *   happen (ids are random UUIDs and sealed revisions are immutable); if it does, the
 *   version with the greater canonical JSON is kept on every machine and the clash is
 *   reported as an anomaly.
 * - Entities (assessment, stakeholders, interviews, attachments) are united by id, last writer wins by
 *   `updatedAt`; equal times fall back to the greater canonical JSON (an anomaly if the
 *   contents differ).
 *
 * Both rules pick the maximum of a total order, so merging is idempotent, commutative and
 * associative (compare results with canonicalDataset: array order follows input order).
 * Interviews by different interviewers have different ids and are never merged together.
 */
import type {
  AnswerRevision,
  Assessment,
  Attachment,
  ConsolidatedRevision,
  Dataset,
  Id,
  Interview,
  Stakeholder,
  TextRevision,
  Tombstone,
} from '../model/types';
import { canonicalJson, deepEqual } from './canonical';

/** Collections merged as a set union by id (tombstones are immutable records, like revisions). */
export type RevisionCollection = 'answers' | 'consolidated' | 'texts' | 'tombstones';
/** Collections merged last-writer-wins by updatedAt. */
export type EntityCollection = 'assessment' | 'stakeholders' | 'interviews' | 'attachments';
const REVISION_COLLECTIONS: ReadonlySet<string> = new Set<RevisionCollection>(['answers', 'consolidated', 'texts', 'tombstones']);

export interface MergeAnomaly {
  /**
   * revisionContentDiffers: one revision id, two different contents.
   * entityTie: one entity id, the same updatedAt, two different contents.
   */
  readonly kind: 'revisionContentDiffers' | 'entityTie';
  readonly collection: RevisionCollection | EntityCollection;
  readonly id: Id;
}

export interface MergeResult {
  readonly dataset: Dataset;
  readonly anomalies: readonly MergeAnomaly[];
}

interface Pick<T> {
  value: T;
  anomaly: boolean;
}

/** The kept version of one revision id seen twice. */
export function pickRevision<R>(a: R, b: R): Pick<R> {
  if (a === b || deepEqual(a, b)) return { value: a, anomaly: false };
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  if (ca === cb) return { value: a, anomaly: false };
  return { value: ca > cb ? a : b, anomaly: true };
}

/** The kept version of one entity id seen twice: newest updatedAt, then canonical JSON. */
export function pickEntity<E extends { updatedAt: string }>(a: E, b: E): Pick<E> {
  if (a === b) return { value: a, anomaly: false };
  if (a.updatedAt !== b.updatedAt) return { value: a.updatedAt > b.updatedAt ? a : b, anomaly: false };
  return pickRevision(a, b);
}

/** Accumulates datasets; `result()` is the merge of everything added. */
export class MergeAccumulator {
  private assessment: Assessment | undefined;
  readonly stakeholders = new Map<Id, Stakeholder>();
  readonly interviews = new Map<Id, Interview>();
  readonly answers = new Map<Id, AnswerRevision>();
  readonly consolidated = new Map<Id, ConsolidatedRevision>();
  readonly texts = new Map<Id, TextRevision>();
  readonly tombstones = new Map<Id, Tombstone>();
  readonly attachments = new Map<Id, Attachment>();
  private readonly anomalyKeys = new Set<string>();
  readonly anomalies: MergeAnomaly[] = [];

  add(d: Dataset): this {
    if (this.assessment === undefined) this.assessment = d.assessment;
    else {
      const p = pickEntity(this.assessment, d.assessment);
      if (p.anomaly) this.anomaly('entityTie', 'assessment', d.assessment.id);
      this.assessment = p.value;
    }
    this.addAll(this.stakeholders, d.stakeholders, 'stakeholders', pickEntity);
    this.addAll(this.interviews, d.interviews, 'interviews', pickEntity);
    this.addAll(this.answers, d.answers, 'answers', pickRevision);
    this.addAll(this.consolidated, d.consolidated, 'consolidated', pickRevision);
    this.addAll(this.texts, d.texts, 'texts', pickRevision);
    this.addAll(this.tombstones, d.tombstones, 'tombstones', pickRevision);
    this.addAll(this.attachments, d.attachments, 'attachments', pickEntity);
    return this;
  }

  private addAll<T extends { id: Id }>(
    map: Map<Id, T>,
    list: readonly T[],
    collection: RevisionCollection | EntityCollection,
    pick: (a: T, b: T) => Pick<T>,
  ): void {
    for (const r of list) {
      const prev = map.get(r.id);
      if (prev === undefined) {
        map.set(r.id, r);
        continue;
      }
      if (prev === r) continue;
      const p = pick(prev, r);
      if (p.anomaly) this.anomaly(REVISION_COLLECTIONS.has(collection) ? 'revisionContentDiffers' : 'entityTie', collection, r.id);
      if (p.value !== prev) map.set(r.id, p.value);
    }
  }

  private anomaly(kind: MergeAnomaly['kind'], collection: MergeAnomaly['collection'], id: Id): void {
    const key = `${collection}|${id}`;
    if (this.anomalyKeys.has(key)) return;
    this.anomalyKeys.add(key);
    this.anomalies.push({ kind, collection, id });
  }

  get hasData(): boolean {
    return this.assessment !== undefined;
  }

  result(): MergeResult {
    if (!this.assessment) throw new RangeError('merge: nothing to merge');
    return {
      dataset: {
        assessment: this.assessment,
        stakeholders: [...this.stakeholders.values()],
        interviews: [...this.interviews.values()],
        answers: [...this.answers.values()],
        consolidated: [...this.consolidated.values()],
        texts: [...this.texts.values()],
        tombstones: [...this.tombstones.values()],
        attachments: [...this.attachments.values()],
      },
      anomalies: [...this.anomalies],
    };
  }
}

/** Merges any number of datasets (at least one). */
export function mergeAll(list: readonly Dataset[]): MergeResult {
  if (list.length === 0) throw new RangeError('mergeAll: at least one dataset is needed');
  const acc = new MergeAccumulator();
  for (const d of list) acc.add(d);
  return acc.result();
}

export function mergeDatasets(a: Dataset, b: Dataset): Dataset {
  return mergeAll([a, b]).dataset;
}

/** The order-independent form of a dataset: every array sorted by id. For comparisons and tests. */
export function canonicalDataset(d: Dataset): Dataset {
  const byId = <T extends { id: Id }>(list: readonly T[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    assessment: d.assessment,
    stakeholders: byId(d.stakeholders),
    interviews: byId(d.interviews),
    answers: byId(d.answers),
    consolidated: byId(d.consolidated),
    texts: byId(d.texts),
    tombstones: byId(d.tombstones),
    attachments: byId(d.attachments),
  };
}
