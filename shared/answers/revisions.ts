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
 *
 * A head is a revision no other revision of the slot names as a parent. Bundles with cyclic
 * parents are refused (shared/answers/graph.ts), but stored data or a merge could still hold
 * one, and then every revision of the cycle is someone's parent: none would be a head and
 * the answer would vanish. So every revision must be a head or an ancestor of one: revisions
 * no head reaches are in cycles, and the newest revision of each such cycle that nothing
 * else supersedes becomes a head too. A self-parent does not supersede itself.
 */
export function heads<R extends RevisionBase>(revisions: readonly R[]): R[] {
  const superseded = new Set<Id>();
  for (const r of revisions) for (const p of r.parents) if (p !== r.id) superseded.add(p);
  const hs = revisions.filter((r) => !superseded.has(r.id));
  if (hs.length < revisions.length) addCycleHeads(revisions, hs);
  return hs.sort(newestFirst);
}

/**
 * Adds to `hs` a head for every cycle no head reaches (see `heads`). A walk from the heads
 * finds the revisions they reach; the others all lie in or below cycles. Among those, the
 * strongly connected groups that no revision outside the group supersedes get their newest
 * member as a head: it reaches its whole group, and everything else leads into such a group.
 * Linear (an iterative Tarjan), and only run when some revision is not reached.
 */
function addCycleHeads<R extends RevisionBase>(revisions: readonly R[], hs: R[]): void {
  const n = revisions.length;
  const indexOf = new Map<Id, number>();
  for (let i = 0; i < n; i++) indexOf.set(revisions[i]!.id, i);
  const parentsOf = (i: number): number[] => {
    const out: number[] = [];
    for (const p of revisions[i]!.parents) {
      const j = indexOf.get(p);
      if (j !== undefined && j !== i) out.push(j);
    }
    return out;
  };
  const reached = new Uint8Array(n);
  const stack: number[] = [];
  for (const h of hs) {
    const i = indexOf.get(h.id)!;
    if (!reached[i]) {
      reached[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    for (const j of parentsOf(stack.pop()!)) {
      if (reached[j]) continue;
      reached[j] = 1;
      stack.push(j);
    }
  }

  // Child edges among the unreached revisions (a reached revision's parents are reached).
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) if (!reached[i]) for (const j of parentsOf(i)) children[j]!.push(i);

  // Tarjan's strongly connected components over child edges, iteratively.
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const sccStack: number[] = [];
  const members: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (reached[root] || order[root] !== -1) continue;
    const call: Array<[node: number, edge: number]> = [[root, 0]];
    order[root] = low[root] = counter++;
    sccStack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const frame = call[call.length - 1]!;
      const [v, k] = frame;
      const kids = children[v]!;
      if (k < kids.length) {
        frame[1] = k + 1;
        const w = kids[k]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          sccStack.push(w);
          onStack[w] = 1;
          call.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      call.pop();
      if (call.length > 0) {
        const u = call[call.length - 1]![0];
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === order[v]) {
        const group: number[] = [];
        let w: number;
        do {
          w = sccStack.pop()!;
          onStack[w] = 0;
          component[w] = members.length;
          group.push(w);
        } while (w !== v);
        members.push(group);
      }
    }
  }
  for (let c = 0; c < members.length; c++) {
    const group = members[c]!;
    // Superseded by a revision outside the group: not a sink, something below reaches it.
    if (group.some((v) => children[v]!.some((w) => component[w] !== c))) continue;
    hs.push(group.map((v) => revisions[v]!).sort(newestFirst)[0]!);
  }
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
