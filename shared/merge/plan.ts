/**
 * Planning an import: what each bundle would add to the local data, before anything is
 * written. Pure; the database layer writes `plan.writes` in one transaction.
 *
 * The plan merges the files that belong to the target assessment — the existing one, or
 * with no existing data the first file's — into the existing data. A file of another
 * assessment is flagged (`assessmentDiffers`) and left out of `merged` and `writes`; the UI
 * offers to import it as its own assessment (planImport(undefined, [thatFile])) or cancel.
 *
 * Per-file counts compare the file with the existing data alone, so they do not depend on
 * the order of the files; `totals` and `writes` account for all files together.
 */
import { answerSlot, consolidatedSlot, heads, textSlot, type RevisionLike } from '../answers/revisions';
import type { BundleManifest } from '../bundle/schema';
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
import { conflictKey, conflicts, revisionCycles, unknownQuestions, type Conflict, type MergedCycle, type UnknownQuestions } from './analysis';
import { deepEqual } from './canonical';
import { findDuplicateStakeholders, type DuplicateGroup } from './duplicates';
import { MergeAccumulator, pickEntity, pickRevision, type MergeAnomaly } from './merge';

export interface IncomingBundle {
  readonly fileName: string;
  readonly manifest: BundleManifest;
  readonly dataset: Dataset;
}

export interface RecordCounts {
  /** Ids the existing data does not have. */
  readonly new: number;
  /** Ids it has, whose kept version would change. */
  readonly updated: number;
  /** Ids it has, with nothing to change. */
  readonly unchanged: number;
}

export interface ImportCounts {
  readonly assessment: RecordCounts;
  readonly stakeholders: RecordCounts;
  readonly interviews: RecordCounts;
  readonly answers: RecordCounts;
  readonly consolidated: RecordCounts;
  readonly texts: RecordCounts;
  readonly tombstones: RecordCounts;
  readonly attachments: RecordCounts;
}

export interface FilePreview {
  readonly fileName: string;
  readonly manifest: BundleManifest;
  readonly assessmentId: Id;
  readonly assessmentTitle: string;
  /** The file belongs to another assessment than the target: not merged. */
  readonly assessmentDiffers: boolean;
  readonly counts: ImportCounts;
  /** Probable duplicate stakeholders involving this file's stakeholders. */
  readonly duplicateStakeholders: readonly DuplicateGroup[];
  /** Conflicts this file would create on top of the existing data. */
  readonly newConflicts: readonly Conflict[];
  readonly unknownQuestions: UnknownQuestions;
  /** Same id, different content, compared with the existing data. */
  readonly anomalies: readonly MergeAnomaly[];
}

/** The records to put (insert or replace by id). */
export interface ImportWrites {
  readonly assessment: Assessment | undefined;
  readonly stakeholders: readonly Stakeholder[];
  readonly interviews: readonly Interview[];
  readonly answers: readonly AnswerRevision[];
  readonly consolidated: readonly ConsolidatedRevision[];
  readonly texts: readonly TextRevision[];
  readonly tombstones: readonly Tombstone[];
  readonly attachments: readonly Attachment[];
}

export interface ImportPlan {
  /** The assessment the import goes into. */
  readonly assessmentId: Id;
  readonly files: readonly FilePreview[];
  /** Whether any file belongs to another assessment (those are left out). */
  readonly assessmentDiffers: boolean;
  /** Existing data merged with every file of the target assessment. */
  readonly merged: Dataset;
  readonly writes: ImportWrites;
  readonly totals: ImportCounts;
  /** Every conflict in `merged`. */
  readonly conflicts: readonly Conflict[];
  /** Conflicts in `merged` that the existing data does not have. */
  readonly newConflicts: readonly Conflict[];
  /** Probable duplicates involving at least one new stakeholder. */
  readonly duplicateStakeholders: readonly DuplicateGroup[];
  /** Unknown question ids among the revisions to write. */
  readonly unknownQuestions: UnknownQuestions;
  readonly anomalies: readonly MergeAnomaly[];
  /**
   * Cycles of parents the merge would create (each file alone has none, but two files with
   * dangling parents can close a circle). The import must be refused when not empty.
   */
  readonly revisionCycles: readonly MergedCycle[];
}

type Collection = 'stakeholders' | 'interviews' | 'answers' | 'consolidated' | 'texts' | 'tombstones' | 'attachments';
const COLLECTIONS: readonly Collection[] = ['stakeholders', 'interviews', 'answers', 'consolidated', 'texts', 'tombstones', 'attachments'];

interface Index {
  readonly stakeholders: Map<Id, Stakeholder>;
  readonly interviews: Map<Id, Interview>;
  readonly answers: Map<Id, AnswerRevision>;
  readonly consolidated: Map<Id, ConsolidatedRevision>;
  readonly texts: Map<Id, TextRevision>;
  readonly tombstones: Map<Id, Tombstone>;
  readonly attachments: Map<Id, Attachment>;
}

function indexOf(d: Dataset | undefined): Index {
  const ix = <T extends { id: Id }>(list: readonly T[] | undefined) => new Map((list ?? []).map((r) => [r.id, r] as const));
  return {
    stakeholders: ix(d?.stakeholders),
    interviews: ix(d?.interviews),
    answers: ix(d?.answers),
    consolidated: ix(d?.consolidated),
    texts: ix(d?.texts),
    tombstones: ix(d?.tombstones),
    attachments: ix(d?.attachments),
  };
}

const ZERO: RecordCounts = { new: 0, updated: 0, unchanged: 0 };

function countOne<T extends { id: Id }>(
  existing: Map<Id, T>,
  list: readonly T[],
  pick: (a: T, b: T) => { value: T; anomaly: boolean },
  onAnomaly: (id: Id) => void,
): RecordCounts {
  let n = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of list) {
    const prev = existing.get(r.id);
    if (prev === undefined) n++;
    else {
      const p = pick(prev, r);
      if (p.anomaly) onAnomaly(r.id);
      if (p.value !== prev && !deepEqual(p.value, prev)) updated++;
      else unchanged++;
    }
  }
  return { new: n, updated, unchanged };
}

function countFile(existing: Dataset | undefined, ix: Index, d: Dataset, anomalies: MergeAnomaly[]): ImportCounts {
  const entity = (collection: MergeAnomaly['collection']) => (id: Id) => anomalies.push({ kind: 'entityTie', collection, id });
  const revision = (collection: MergeAnomaly['collection']) => (id: Id) => anomalies.push({ kind: 'revisionContentDiffers', collection, id });
  let assessment: RecordCounts = { ...ZERO, new: 1 };
  if (existing) {
    const p = pickEntity(existing.assessment, d.assessment);
    if (p.anomaly) entity('assessment')(d.assessment.id);
    assessment = p.value !== existing.assessment && !deepEqual(p.value, existing.assessment) ? { ...ZERO, updated: 1 } : { ...ZERO, unchanged: 1 };
  }
  return {
    assessment,
    stakeholders: countOne(ix.stakeholders, d.stakeholders, pickEntity, entity('stakeholders')),
    interviews: countOne(ix.interviews, d.interviews, pickEntity, entity('interviews')),
    answers: countOne(ix.answers, d.answers, pickRevision, revision('answers')),
    consolidated: countOne(ix.consolidated, d.consolidated, pickRevision, revision('consolidated')),
    texts: countOne(ix.texts, d.texts, pickRevision, revision('texts')),
    tombstones: countOne(ix.tombstones, d.tombstones, pickRevision, revision('tombstones')),
    attachments: countOne(ix.attachments, d.attachments, pickEntity, entity('attachments')),
  };
}

/** Revisions of the existing data grouped by slot, built on first use. */
class SlotIndex<R extends RevisionLike> {
  private map: Map<string, R[]> | undefined;
  constructor(
    private readonly revisions: readonly R[],
    private readonly key: (r: R) => string,
  ) {}
  get(slot: string): readonly R[] {
    if (!this.map) {
      this.map = new Map();
      for (const r of this.revisions) {
        const k = this.key(r);
        const list = this.map.get(k);
        if (list) list.push(r);
        else this.map.set(k, [r]);
      }
    }
    return this.map.get(slot) ?? [];
  }
}

/** Conflicts that merging `incoming` revisions into the existing slots would create. */
function newSlotConflicts<R extends RevisionLike>(
  incoming: readonly R[],
  existing: SlotIndex<R>,
  key: (r: R) => string,
  make: (slot: string, hs: R[]) => Conflict,
  existingKeys: ReadonlySet<string>,
): Conflict[] {
  const bySlot = new Map<string, R[]>();
  for (const r of incoming) {
    const k = key(r);
    const list = bySlot.get(k);
    if (list) list.push(r);
    else bySlot.set(k, [r]);
  }
  const out: Conflict[] = [];
  for (const [slot, list] of bySlot) {
    const old = existing.get(slot);
    if (list.length + old.length < 2) continue;
    const union = new Map<Id, R>();
    for (const r of old) union.set(r.id, r);
    for (const r of list) if (!union.has(r.id)) union.set(r.id, r);
    const hs = heads([...union.values()]);
    if (hs.length < 2) continue;
    const c = make(slot, hs);
    if (!existingKeys.has(conflictKey(c))) out.push(c);
  }
  return out.sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
}

interface Slots {
  readonly answers: SlotIndex<AnswerRevision>;
  readonly consolidated: SlotIndex<ConsolidatedRevision>;
  readonly texts: SlotIndex<TextRevision>;
}

function slotsOf(d: Dataset | undefined): Slots {
  return {
    answers: new SlotIndex(d?.answers ?? [], answerSlot),
    consolidated: new SlotIndex(d?.consolidated ?? [], consolidatedSlot),
    texts: new SlotIndex(d?.texts ?? [], textSlot),
  };
}

function fileConflicts(d: Dataset, slots: Slots, existingKeys: ReadonlySet<string>): Conflict[] {
  return [
    ...newSlotConflicts(
      d.answers,
      slots.answers,
      answerSlot,
      (slot, hs): Conflict => ({ kind: 'answer', slot, interviewId: hs[0]!.interviewId, questionId: hs[0]!.questionId, heads: hs }),
      existingKeys,
    ),
    ...newSlotConflicts(
      d.consolidated,
      slots.consolidated,
      consolidatedSlot,
      (slot, hs): Conflict => ({ kind: 'consolidated', slot, assessmentId: hs[0]!.assessmentId, questionId: hs[0]!.questionId, heads: hs }),
      existingKeys,
    ),
    ...newSlotConflicts(
      d.texts,
      slots.texts,
      textSlot,
      (slot, hs): Conflict => ({ kind: 'text', slot, key: hs[0]!.key, lang: hs[0]!.lang, heads: hs }),
      existingKeys,
    ),
  ];
}

export function planImport(existing: Dataset | undefined, incoming: readonly IncomingBundle[]): ImportPlan {
  const target = existing?.assessment.id ?? incoming[0]?.dataset.assessment.id;
  if (target === undefined) throw new RangeError('planImport: nothing to import into and nothing to import');

  const ix = indexOf(existing);
  const empty = indexOf(undefined);
  const existingConflicts = existing ? conflicts(existing) : [];
  const existingKeys = new Set(existingConflicts.map(conflictKey));
  const existingSlots = slotsOf(existing);
  const noSlots = slotsOf(undefined);

  const acc = new MergeAccumulator();
  if (existing) acc.add(existing);
  const incomingIds = Object.fromEntries(COLLECTIONS.map((k) => [k, new Set<Id>()])) as Record<Collection, Set<Id>>;

  const previews: Array<Omit<FilePreview, 'duplicateStakeholders'>> = [];
  for (const file of incoming) {
    const d = file.dataset;
    const differs = d.assessment.id !== target;
    const anomalies: MergeAnomaly[] = [];
    const counts = differs ? countFile(undefined, empty, d, anomalies) : countFile(existing, ix, d, anomalies);
    const newConflicts = differs ? fileConflicts(d, noSlots, new Set()) : fileConflicts(d, existingSlots, existingKeys);
    if (!differs) {
      acc.add(d);
      for (const k of COLLECTIONS) for (const r of d[k]) incomingIds[k].add(r.id);
    }
    previews.push({
      fileName: file.fileName,
      manifest: file.manifest,
      assessmentId: d.assessment.id,
      assessmentTitle: d.assessment.title,
      assessmentDiffers: differs,
      counts,
      newConflicts,
      unknownQuestions: unknownQuestions(d),
      anomalies,
    });
  }

  const merged = acc.result().dataset;
  const changed = <T extends { id: Id }>(list: readonly T[], old: Map<Id, T>) =>
    list.filter((r) => {
      const prev = old.get(r.id);
      return prev === undefined || (prev !== r && !deepEqual(prev, r));
    });
  const writes: ImportWrites = {
    assessment: !existing || (merged.assessment !== existing.assessment && !deepEqual(merged.assessment, existing.assessment)) ? merged.assessment : undefined,
    stakeholders: changed(merged.stakeholders, ix.stakeholders),
    interviews: changed(merged.interviews, ix.interviews),
    answers: changed(merged.answers, ix.answers),
    consolidated: changed(merged.consolidated, ix.consolidated),
    texts: changed(merged.texts, ix.texts),
    tombstones: changed(merged.tombstones, ix.tombstones),
    attachments: changed(merged.attachments, ix.attachments),
  };
  const total = (k: Collection): RecordCounts => {
    const list: ReadonlyArray<{ id: Id }> = writes[k];
    const old: Map<Id, unknown> = ix[k];
    let n = 0;
    for (const r of list) if (!old.has(r.id)) n++;
    const updated = list.length - n;
    return { new: n, updated, unchanged: incomingIds[k].size - n - updated };
  };
  const included = previews.some((p) => !p.assessmentDiffers);
  const totals: ImportCounts = {
    assessment: !existing ? { ...ZERO, new: 1 } : writes.assessment ? { ...ZERO, updated: 1 } : { ...ZERO, unchanged: included ? 1 : 0 },
    stakeholders: total('stakeholders'),
    interviews: total('interviews'),
    answers: total('answers'),
    consolidated: total('consolidated'),
    texts: total('texts'),
    tombstones: total('tombstones'),
    attachments: total('attachments'),
  };

  const allConflicts = conflicts(merged);
  const newConflicts = allConflicts.filter((c) => !existingKeys.has(conflictKey(c)));
  const groups = findDuplicateStakeholders(merged.stakeholders);
  const duplicateStakeholders = groups.filter((g) => g.stakeholderIds.some((id) => !ix.stakeholders.has(id)));

  const files: FilePreview[] = previews.map((p, i) => {
    const d = incoming[i]!.dataset;
    const own = new Set(d.stakeholders.map((s) => s.id));
    const dup = p.assessmentDiffers ? findDuplicateStakeholders(d.stakeholders) : groups.filter((g) => g.stakeholderIds.some((id) => own.has(id)));
    return { ...p, duplicateStakeholders: dup };
  });

  return {
    assessmentId: target,
    files,
    assessmentDiffers: previews.some((p) => p.assessmentDiffers),
    merged,
    writes,
    totals,
    conflicts: allConflicts,
    newConflicts,
    duplicateStakeholders,
    unknownQuestions: unknownQuestions(writes),
    anomalies: acc.anomalies,
    revisionCycles: revisionCycles(merged),
  };
}
