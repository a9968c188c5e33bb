/** Revision graphs: heads never lose a revision (property), and cycles/dangling parents are found. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRevisionGraph } from '../../../shared/answers/graph';
import { heads, newestFirst, type RevisionLike } from '../../../shared/answers/revisions';

interface Rev extends RevisionLike {
  slot: string;
}

const rev = (id: string, at: number, parents: string[] = [], slot = 's'): Rev => ({
  id,
  at: new Date(Date.UTC(2021, 0, 1, 0, 0, at)).toISOString(),
  parents,
  slot,
});

/** Random graphs of one slot: any parent (itself, another revision, a missing one), so cycles and dangling parents occur. */
const graphs = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.array(fc.integer({ min: 0, max: n + 2 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([n, parents, times]) =>
    Array.from({ length: n }, (_, i) => rev(`r${i}`, times[i]!, parents[i]!.map((p) => `r${p}`))),
  );

/** Ids reachable from `from` through parents (from included). */
function ancestors(all: readonly Rev[], from: Rev): Set<string> {
  const byId = new Map(all.map((r) => [r.id, r]));
  const seen = new Set([from.id]);
  const stack = [from];
  while (stack.length) {
    for (const p of stack.pop()!.parents) {
      if (!byId.has(p) || seen.has(p)) continue;
      seen.add(p);
      stack.push(byId.get(p)!);
    }
  }
  return seen;
}

function isAcyclic(all: readonly Rev[]): boolean {
  return checkRevisionGraph(all, (r) => r.slot).cycles.length === 0;
}

describe('heads', () => {
  it('leaves no revision behind: every revision is a head or an ancestor of one (property, cycles and dangling parents included)', () => {
    fc.assert(
      fc.property(graphs, (all) => {
        const hs = heads(all);
        expect(hs.length).toBeGreaterThan(0);
        const covered = new Set<string>();
        for (const h of hs) for (const id of ancestors(all, h)) covered.add(id);
        for (const r of all) expect(covered.has(r.id), `${r.id} vanished: ${JSON.stringify(all)}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the classic rule on graphs without cycles: exactly the revisions nobody names as a parent', () => {
    fc.assert(
      fc.property(graphs, (all) => {
        fc.pre(isAcyclic(all));
        const named = new Set(all.flatMap((r) => r.parents));
        expect(heads(all).map((r) => r.id).sort()).toEqual(all.filter((r) => !named.has(r.id)).map((r) => r.id).sort());
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order of the revisions, and no head is an ancestor of another', () => {
    fc.assert(
      fc.property(graphs, fc.infiniteStream(fc.integer()), (all, seeds) => {
        const shuffled = [...all].map((r) => [seeds.next().value, r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        const a = heads(all).map((r) => r.id);
        expect(heads(shuffled).map((r) => r.id)).toEqual(a);
        const hs = heads(all);
        for (const h of hs) for (const o of hs) if (o !== h) expect(ancestors(all, h).has(o.id)).toBe(false);
        expect([...hs].sort(newestFirst)).toEqual(hs);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the answer of a self-parent and of two revisions that are each other’s parents', () => {
    expect(heads([rev('a', 1, ['a'])]).map((r) => r.id)).toEqual(['a']);
    expect(heads([rev('a', 1, ['b']), rev('b', 2, ['a'])]).map((r) => r.id)).toEqual(['b']);
    // A cycle below a proper head is that head's history, not a second head.
    expect(heads([rev('a', 1, ['b']), rev('b', 2, ['a']), rev('c', 3, ['a'])]).map((r) => r.id)).toEqual(['c']);
  });
});

describe('checkRevisionGraph', () => {
  const slot = (r: Rev) => r.slot;
  it('finds self-parents and cycles with their revision ids', () => {
    expect(checkRevisionGraph([rev('a', 1, ['a'])], slot).cycles).toEqual([{ ids: ['a'] }]);
    const r = checkRevisionGraph([rev('a', 1, ['b']), rev('b', 2, ['c']), rev('c', 3, ['a']), rev('d', 4, ['c'])], slot);
    expect(r.cycles).toHaveLength(1);
    expect([...r.cycles[0]!.ids].sort()).toEqual(['a', 'b', 'c']);
  });

  it('counts parents that are missing or in another slot as dangling, and nothing else', () => {
    const r = checkRevisionGraph([rev('a', 1, ['gone']), rev('b', 2, ['a']), rev('x', 3, ['a'], 'other')], slot);
    expect(r.cycles).toEqual([]);
    expect(r.danglingParents).toBe(2);
    expect(r.firstDangling).toEqual({ revision: 'a', parent: 'gone' });
  });

  it('agrees with the property: cycles exactly when some revision is its own ancestor through another', () => {
    fc.assert(
      fc.property(graphs, (all) => {
        const byId = new Map(all.map((r) => [r.id, r]));
        const cyclic = all.some((r) => r.parents.includes(r.id) || r.parents.some((p) => byId.has(p) && ancestors(all, byId.get(p)!).has(r.id)));
        expect(isAcyclic(all)).toBe(!cyclic);
      }),
      { numRuns: 1000 },
    );
  });

  it('is linear: 200,000 revisions in long chains and a cycle at the end', () => {
    const list: Rev[] = [];
    for (let i = 0; i < 200_000; i++) list.push(rev(`r${i}`, i % 60, i % 1000 === 0 ? [] : [`r${i - 1}`], `s${Math.floor(i / 1000)}`));
    list[199_000] = { ...list[199_000]!, parents: ['r199999'] };
    // CPU time, not wall time: the build machine is shared.
    const c0 = process.cpuUsage();
    const r = checkRevisionGraph(list, slot);
    const cpu = process.cpuUsage(c0);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2_000);
    expect(r.cycles).toHaveLength(1);
    expect(r.cycles[0]!.ids).toHaveLength(1000);
  });
});
