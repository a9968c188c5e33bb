/**
 * Answers as revisions. The current answer of a slot is its head revision: one that no
 * other revision of the slot names as a parent. More than one head is a conflict. These
 * functions are pure and work for interview answers and consolidated answers alike.
 */
import type { Id, Timestamp } from '../model/types';

/** What the revision functions need of a revision: answers, consolidated answers and texts alike. */
export interface RevisionLike {
  readonly id: Id;
  readonly at: Timestamp;
  readonly parents: readonly Id[];
}
type RevisionBase = RevisionLike;

/** Groups revisions by slot key. */
export function groupBySlot<R extends RevisionBase>(revisions: Iterable<R>, slotKey: (r: R) => string): Map<string, R[]> {
  const slots = new Map<string, R[]>();
  for (const r of revisions) {
    const key = slotKey(r);
    const list = slots.get(key);
    if (list) list.push(r);
    else slots.set(key, [r]);
  }
  return slots;
}

/**
 * Head revisions of one slot, newest first (ties broken by id so every machine agrees).
 */
export function heads<R extends RevisionBase>(revisions: readonly R[]): R[] {
  const superseded = new Set<Id>();
  for (const r of revisions) for (const p of r.parents) superseded.add(p);
  return revisions.filter((r) => !superseded.has(r.id)).sort(newestFirst);
}

export function newestFirst(a: RevisionBase, b: RevisionBase): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The slot's current revision (the newest head) and whether the slot is in conflict. */
export function current<R extends RevisionBase>(revisions: readonly R[]): { head: R | undefined; heads: R[]; conflict: boolean } {
  const hs = heads(revisions);
  return { head: hs[0], heads: hs, conflict: hs.length > 1 };
}

/** Slot key of an interview answer. */
export function answerSlot(r: { interviewId: Id; questionId: string }): string {
  return `${r.interviewId}|${r.questionId}`;
}

/** Slot key of a consolidated answer. */
export function consolidatedSlot(r: { assessmentId: Id; questionId: string }): string {
  return `${r.assessmentId}|${r.questionId}`;
}

/** Slot key of a text (narrative, recommendation, translation …): its key and language. */
export function textSlot(r: { key: string; lang: string }): string {
  return `${r.key}|${r.lang}`;
}

/**
 * How an edit is stored. A revision that has not left this device (not sealed) and is the
 * slot's only head, written here, is edited in place; anything else gets a child revision
 * whose parents are all current heads (so an edit on a conflicted slot also resolves it).
 */
export type EditPlan<R> = { kind: 'update'; revision: R } | { kind: 'create'; parents: Id[] };

export function planEdit<R extends RevisionBase & { readonly deviceId: Id }>(
  slotRevisions: readonly R[],
  isSealed: (id: Id) => boolean,
  deviceId: Id,
): EditPlan<R> {
  const hs = heads(slotRevisions);
  const only = hs.length === 1 ? hs[0] : undefined;
  if (only && !isSealed(only.id) && only.deviceId === deviceId) return { kind: 'update', revision: only };
  return { kind: 'create', parents: hs.map((h) => h.id).sort() };
}
