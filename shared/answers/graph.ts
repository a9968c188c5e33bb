/**
 * Integrity of revision graphs (answers, consolidated answers, texts): each revision names
 * its parents, the revisions of the same slot it supersedes. Checked on reading a bundle
 * and on merging, in time and memory linear in the revisions, without recursion.
 *
 * - A revision that is its own parent, or parents that form a cycle, are refused: a cycle
 *   has no newest revision, and the revisions in it could each hide the others.
 * - A parent that is not a revision of the same slot in the data is *dangling*. That is
 *   allowed — a bundle may leave out older revisions (history not exported, or cut from a
 *   larger dataset) — and reported as a warning; the revision then starts its history.
 *
 * See docs/bundle-format.md ("Revision graphs").
 */
import type { Id } from '../model/types';
import type { RevisionLike } from './revisions';

export interface RevisionCycle {
  /** The revisions of one cycle, each the parent of the one before (a self-parent: one id). */
  readonly ids: readonly Id[];
}

export interface GraphReport {
  /** Cycles found (at most `maxCycles`), self-parents included. */
  readonly cycles: readonly RevisionCycle[];
  /** Parents that are not a revision of the same slot here. */
  readonly danglingParents: number;
  /** The first dangling parent, for the message. */
  readonly firstDangling?: { readonly revision: Id; readonly parent: Id };
}

/**
 * Checks the revisions of one collection. `slotKey` groups them into slots (answerSlot,
 * consolidatedSlot, textSlot). Ids are assumed unique (the reader checks that first).
 */
export function checkRevisionGraph<R extends RevisionLike>(revisions: readonly R[], slotKey: (r: R) => string, maxCycles = 5): GraphReport {
  // Most revisions have no parents: nothing to index then.
  let withParents = 0;
  for (let i = 0; i < revisions.length; i++) if (revisions[i]!.parents.length > 0) withParents++;
  if (withParents === 0) return { cycles: [], danglingParents: 0 };

  const index = new Map<Id, number>();
  for (let i = 0; i < revisions.length; i++) index.set(revisions[i]!.id, i);
  const slots: Array<string | undefined> = new Array(revisions.length);
  const slotOf = (i: number) => (slots[i] ??= slotKey(revisions[i]!));

  const cycles: RevisionCycle[] = [];
  let danglingParents = 0;
  let firstDangling: GraphReport['firstDangling'];
  // Edges kept for the cycle search: child index → parent indexes in the same slot.
  const edges: number[][] = new Array(revisions.length);
  for (let i = 0; i < revisions.length; i++) {
    const r = revisions[i]!;
    if (r.parents.length === 0) continue;
    const out: number[] = [];
    for (const p of r.parents) {
      if (p === r.id) {
        if (cycles.length < maxCycles) cycles.push({ ids: [r.id] });
        continue;
      }
      const j = index.get(p);
      if (j === undefined || slotOf(j) !== slotOf(i)) {
        danglingParents++;
        firstDangling ??= { revision: r.id, parent: p };
        continue;
      }
      out.push(j);
    }
    if (out.length > 0) edges[i] = out;
  }
  if (cycles.length < maxCycles) findCycles(revisions, edges, cycles, maxCycles);
  return { cycles, danglingParents, ...(firstDangling ? { firstDangling } : {}) };
}

const WHITE = 0;
const GREY = 1; // on the current path
const BLACK = 2; // done: no cycle through it

/** Iterative depth-first search over child → parent edges; a grey parent closes a cycle. */
function findCycles(revisions: readonly RevisionLike[], edges: ReadonlyArray<number[] | undefined>, cycles: RevisionCycle[], maxCycles: number): void {
  const colour = new Uint8Array(revisions.length);
  const path: number[] = [];
  const next: number[] = []; // next edge to follow, per path entry
  for (let start = 0; start < revisions.length; start++) {
    if (colour[start] !== WHITE || edges[start] === undefined) continue;
    path.push(start);
    next.push(0);
    colour[start] = GREY;
    while (path.length > 0) {
      const top = path.length - 1;
      const v = path[top]!;
      const out = edges[v];
      const k = next[top]!;
      if (out === undefined || k >= out.length) {
        colour[v] = BLACK;
        path.pop();
        next.pop();
        continue;
      }
      next[top] = k + 1;
      const w = out[k]!;
      if (colour[w] === WHITE) {
        colour[w] = GREY;
        path.push(w);
        next.push(0);
      } else if (colour[w] === GREY) {
        const from = path.lastIndexOf(w);
        cycles.push({ ids: path.slice(from).map((i) => revisions[i]!.id) });
        if (cycles.length >= maxCycles) return;
      }
    }
  }
}
