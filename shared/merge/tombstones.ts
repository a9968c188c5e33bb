/**
 * Deletions. A deleted entity is not removed from the stored dataset: a Tombstone records
 * the deletion, travels in bundles and is merged as a set union like a revision. What the
 * user sees — screens, report, exports — is the *live* dataset, computed here:
 *
 * - a tombstone wins over every version of its target whose `updatedAt` is not newer than
 *   the tombstone's `at`, so merging a bundle that deletes X with an older bundle that still
 *   has X gives a dataset without X, in either order;
 * - a version written after the deletion (an undo, or a later edit elsewhere) is newer and
 *   shows again — undo is "write the record again", not "delete the tombstone";
 * - a deleted interview takes its answers with it; a deleted assessment hides everything;
 * - a stakeholder merged into another (`replacedBy`) is renamed to the kept one wherever an
 *   interview names it, so re-importing an old bundle cannot bring the duplicate back;
 * - an answer to a part its interview no longer covers (the part was removed by a
 *   correction) is hidden, not deleted: it shows again when the part is added back.
 *   Answers to questions this catalogue does not know are kept (they are flagged elsewhere).
 *
 * Texts (recommendations, action rows) are deleted by a revision of their slot whose value
 * is `{kind: 'deleted'}`; that is the revision mechanism and needs nothing here.
 */
import { getItem } from '../checklist/catalogue';
import type { AnswerRevision, ChecklistPart, Dataset, Id, Interview, Timestamp, Tombstone, TombstoneTarget } from '../model/types';

/** The newest tombstone per target, by kind. */
export type TombstoneIndex = Readonly<Record<TombstoneTarget, ReadonlyMap<Id, Tombstone>>>;

export function indexTombstones(tombstones: readonly Tombstone[]): TombstoneIndex {
  const index = { assessment: new Map(), stakeholder: new Map(), interview: new Map(), attachment: new Map() } as Record<TombstoneTarget, Map<Id, Tombstone>>;
  for (const t of tombstones) {
    const map = index[t.target];
    const prev = map.get(t.targetId);
    // Newest wins; equal times fall back to the id so every machine picks the same one.
    if (!prev || t.at > prev.at || (t.at === prev.at && t.id > prev.id)) map.set(t.targetId, t);
  }
  return index;
}

/** Whether a record last written at `updatedAt` is deleted by `tombstone`. */
export function deletedBy(tombstone: Tombstone | undefined, updatedAt: Timestamp): boolean {
  return tombstone !== undefined && updatedAt <= tombstone.at;
}

/** Whether the dataset's assessment itself is deleted. */
export function isAssessmentDeleted(d: Pick<Dataset, 'assessment' | 'tombstones'>): boolean {
  return deletedBy(indexTombstones(d.tombstones).assessment.get(d.assessment.id), d.assessment.updatedAt);
}

/**
 * Follows `replacedBy` links from a stakeholder to the one it was merged into. Bounded by
 * the number of tombstones, so a cycle in hostile data ends (at the last id before repeating).
 */
export function resolveStakeholder(id: Id, index: TombstoneIndex, revived: ReadonlySet<Id> = new Set()): Id {
  let current = id;
  const seen = new Set<Id>([id]);
  for (;;) {
    // A stakeholder written again after its merge (the merge undone) ends the chain.
    const next = revived.has(current) ? undefined : index.stakeholder.get(current)?.replacedBy;
    if (next === undefined || seen.has(next)) return current;
    seen.add(next);
    current = next;
  }
}

/** Whether an answer is to a part its interview covers (or to a question this catalogue does not know). */
function inCoveredPart(a: AnswerRevision, parts: ReadonlyMap<Id, ReadonlySet<ChecklistPart>>): boolean {
  const covered = parts.get(a.interviewId);
  if (!covered) return true;
  const part = getItem(a.questionId)?.part;
  return part === undefined || covered.has(part);
}

function partsByInterview(interviews: readonly Interview[]): Map<Id, ReadonlySet<ChecklistPart>> {
  return new Map(interviews.map((iv) => [iv.id, new Set(iv.parts)] as const));
}

/**
 * The dataset without deleted records (and without answers to parts an interview no longer
 * covers). Returns the same object when nothing is hidden. Tombstones stay in the result
 * (they are part of the data and must keep travelling).
 */
export function liveDataset(d: Dataset): Dataset {
  if (d.tombstones.length === 0) {
    const parts = partsByInterview(d.interviews);
    if (d.answers.every((a) => inCoveredPart(a, parts))) return d;
    return { ...d, answers: d.answers.filter((a) => inCoveredPart(a, parts)) };
  }
  const index = indexTombstones(d.tombstones);
  if (deletedBy(index.assessment.get(d.assessment.id), d.assessment.updatedAt)) {
    return { ...d, stakeholders: [], interviews: [], answers: [], consolidated: [], texts: [], attachments: [] };
  }
  const stakeholders = d.stakeholders.filter((s) => !deletedBy(index.stakeholder.get(s.id), s.updatedAt));
  // A merged duplicate written again after the merge (the merge undone) is a person again: not renamed.
  const revived = new Set(d.stakeholders.filter((s) => index.stakeholder.has(s.id) && !deletedBy(index.stakeholder.get(s.id), s.updatedAt)).map((s) => s.id));
  const renamed = (id: Id) => !revived.has(id) && index.stakeholder.get(id)?.replacedBy !== undefined;
  const interviews = d.interviews
    .filter((iv) => !deletedBy(index.interview.get(iv.id), iv.updatedAt))
    .map((iv) => {
      if (!iv.stakeholderIds.some(renamed)) return iv;
      const ids = [...new Set(iv.stakeholderIds.map((id) => resolveStakeholder(id, index, revived)))];
      return { ...iv, stakeholderIds: ids };
    });
  // Answers go with their interview: those of a deleted interview, or of one whose record
  // is absent from this dataset but tombstoned, are hidden.
  const live = new Set(interviews.map((iv) => iv.id));
  const parts = partsByInterview(interviews);
  const answers = d.answers.filter((a) => (live.has(a.interviewId) || !index.interview.has(a.interviewId)) && inCoveredPart(a, parts));
  const attachments = d.attachments.filter((f) => !deletedBy(index.attachment.get(f.id), f.updatedAt));
  return { ...d, stakeholders, interviews, answers, attachments };
}
