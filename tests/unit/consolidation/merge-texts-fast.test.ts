/**
 * mergeTexts was made faster for large assessments (one joined haystack, an exact-match
 * set, lengths computed once). It must keep exactly the results of the straightforward
 * version, kept here as the reference: checked on random texts built from few words, so
 * that containment, duplicates and ties are frequent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsWords, mergeTexts, normalizeText } from '../../../shared/consolidation/draft';

type Source = { order: number; label: string; paragraphs: string[] };

function referenceMergeTexts(sources: readonly Source[], attribute = true) {
  const candidates = sources.map((s) => ({ ...s, norm: s.paragraphs.map(normalizeText) })).filter((s) => s.norm.some((n) => n !== ''));
  const examine = [...candidates].sort((a, b) => {
    const la = a.norm.join(' ').length;
    const lb = b.norm.join(' ').length;
    return la !== lb ? lb - la : a.order - b.order;
  });
  const accepted: string[] = [];
  const keptParagraphs = new Map<number, string[]>();
  const seenWhole = new Set<string>();
  for (const c of examine) {
    const whole = c.norm.filter((n) => n !== '').join('\n');
    if (seenWhole.has(whole)) continue;
    const keep: string[] = [];
    c.paragraphs.forEach((p, i) => {
      const n = c.norm[i]!;
      if (n === '') return;
      if (accepted.some((a) => containsWords(a, n))) return;
      keep.push(p);
    });
    seenWhole.add(whole);
    if (keep.length === 0) continue;
    keptParagraphs.set(c.order, keep);
    accepted.push(keep.map(normalizeText).join('\n'));
  }
  const out: string[] = [];
  for (const s of [...candidates].sort((a, b) => a.order - b.order)) {
    const keep = keptParagraphs.get(s.order);
    if (!keep) continue;
    if (!attribute) {
      out.push(...keep);
      continue;
    }
    const first = keep[0]!;
    if (/^[-•]\s/.test(first)) out.push(`${s.label}:`, ...keep);
    else out.push(`${s.label}: ${first}`, ...keep.slice(1));
  }
  return { text: out.join('\n'), kept: new Set(keptParagraphs.keys()) };
}

const word = fc.constantFrom('customs', 'Customs', 'ASTANA-1', 'e-declaration', 'scan', 'scans', 'law', 'лицензия', 'порталы', '-', '•', '.', ';', '', '2021', 'cafe\u0301', '𝐀', '𝐀scan', 'scan𝐀');
const paragraph = fc.tuple(fc.array(word, { maxLength: 6 }), fc.constantFrom(' ', '  ', '\t')).map(([ws, sep]) => ws.join(sep));
const sources = fc.array(fc.array(paragraph, { maxLength: 3 }), { maxLength: 12 }).map((list) => list.map((paragraphs, order) => ({ order, label: `Org ${order % 4}`, paragraphs })));

describe('mergeTexts', () => {
  it('gives exactly the reference result', () => {
    fc.assert(
      fc.property(sources, fc.boolean(), (list, attribute) => {
        const fast = mergeTexts(list, attribute);
        const ref = referenceMergeTexts(list, attribute);
        expect(fast.text).toBe(ref.text);
        expect([...fast.kept].sort()).toEqual([...ref.kept].sort());
      }),
      { numRuns: 2000 },
    );
  });
});
