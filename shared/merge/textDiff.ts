/**
 * Word-level comparison of two versions of an answer's text, for the lead resolving a
 * conflict: which words only one version has, and the other version's differing
 * passages as edits that can be applied to a combined text. Words are found with
 * Intl.Segmenter (Kazakh and Russian words are words, not letters); the alignment is
 * jsdiff's (Myers) over those tokens, so each side's text is kept exactly.
 */
import { diffArrays } from 'diff';

export type DiffPart =
  /** Text both versions have (up to spacing); `a` and `b` are each side's own spelling of it. */
  | { readonly kind: 'same'; readonly a: string; readonly b: string }
  /** Text only the first version has. */
  | { readonly kind: 'onlyA'; readonly a: string }
  /** Text only the second version has. */
  | { readonly kind: 'onlyB'; readonly b: string };

const segmenters = new Map<string, Intl.Segmenter>();

function tokens(text: string, lang: string): string[] {
  let seg = segmenters.get(lang);
  if (!seg) segmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: 'word' })));
  return [...seg.segment(text)].map((s) => s.segment);
}

const SPACE = /^\s+$/u;

/** Words and punctuation in order, each marked as common or belonging to one version. */
export function wordDiff(a: string, b: string, lang = 'en'): DiffPart[] {
  const ta = tokens(a, lang);
  const tb = tokens(b, lang);
  // Differences in spacing alone are not differences.
  const changes = diffArrays(ta, tb, { comparator: (x, y) => x === y || (SPACE.test(x) && SPACE.test(y)) });
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  const push = (part: DiffPart) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === part.kind) {
      if (last.kind === 'same' && part.kind === 'same') parts[parts.length - 1] = { kind: 'same', a: last.a + part.a, b: last.b + part.b };
      else if (last.kind === 'onlyA' && part.kind === 'onlyA') parts[parts.length - 1] = { kind: 'onlyA', a: last.a + part.a };
      else if (last.kind === 'onlyB' && part.kind === 'onlyB') parts[parts.length - 1] = { kind: 'onlyB', b: last.b + part.b };
    } else parts.push(part);
  };
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) {
      push({ kind: 'onlyB', b: tb.slice(j, j + n).join('') });
      j += n;
    } else if (c.removed) {
      push({ kind: 'onlyA', a: ta.slice(i, i + n).join('') });
      i += n;
    } else {
      push({ kind: 'same', a: ta.slice(i, i + n).join(''), b: tb.slice(j, j + n).join('') });
      i += n;
      j += n;
    }
  }
  return joinHunks(parts);
}

/**
 * Differences separated only by spacing or punctuation read as one change: "There is no
 * structure" against "The Committee coordinates" is one replaced passage, not nine
 * alternating words.
 */
function joinHunks(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; ) {
    if (parts[i]!.kind === 'same') {
      out.push(parts[i++]!);
      continue;
    }
    // Extend the run over word-less common parts that have a difference after them.
    let end = i + 1;
    for (let k = i + 1; k < parts.length; k++) {
      const p = parts[k]!;
      if (p.kind !== 'same') end = k + 1;
      else if (hasWords(p.a) || hasWords(p.b)) break;
    }
    let a = '';
    let b = '';
    for (const p of parts.slice(i, end)) {
      if (p.kind !== 'onlyB') a += p.a;
      if (p.kind !== 'onlyA') b += p.b;
    }
    if (a !== '') out.push({ kind: 'onlyA', a });
    if (b !== '') out.push({ kind: 'onlyB', b });
    i = end;
  }
  return out;
}

/** Whether a diff part carries a word (not only spacing or punctuation). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * A passage of the other version that the base version does not have, with where it
 * belongs: after `before` and ahead of `after` (the base's neighbouring common text), in
 * place of `replaces` (the base's own differing text there, if any).
 */
export interface Passage {
  readonly text: string;
  /** Where the hunk starts in the base text (where `before` ends). */
  readonly offset: number;
  readonly replaces: string;
  readonly before: string;
  readonly after: string;
}

const CONTEXT = 60;

/** The other version's differing passages, to offer for insertion into a text that starts as `base`. */
export function passagesToOffer(base: string, other: string, lang = 'en'): Passage[] {
  const parts = wordDiff(base, other, lang);
  const out: Passage[] = [];
  let offset = 0; // position in the base text
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (part.kind === 'same') {
      offset += part.a.length;
      continue;
    }
    const hunkOffset = offset;
    // A hunk: consecutive parts that differ (the base's text and the other's).
    let replaces = '';
    let text = '';
    const start = k;
    for (; k < parts.length && parts[k]!.kind !== 'same'; k++) {
      const p = parts[k]!;
      if (p.kind === 'onlyA') {
        replaces += p.a;
        offset += p.a.length;
      }
      else if (p.kind === 'onlyB') text += p.b;
    }
    const prev = parts[start - 1];
    const next = parts[k];
    k--;
    if (!hasWords(text)) continue;
    out.push({
      text: text.trim(),
      offset: hunkOffset,
      replaces: replaces.trim(),
      before: prev?.kind === 'same' ? prev.a.slice(-CONTEXT).trimStart() : '',
      after: next?.kind === 'same' ? next.a.slice(0, CONTEXT).trimEnd() : '',
    });
  }
  return out;
}

/**
 * Where a passage goes in the current text: where it was in the base if the text before
 * it is unchanged there; else after its context wherever that is now; else before the
 * following context; else at the end.
 */
function position(current: string, p: Passage): number {
  if (current.slice(Math.max(0, p.offset - p.before.length), p.offset).endsWith(p.before) && p.offset <= current.length) return p.offset;
  if (p.before === '') return p.after !== '' && current.includes(p.after) ? current.indexOf(p.after) : 0;
  const at = current.indexOf(p.before.trim());
  if (at >= 0) return at + p.before.trim().length;
  if (p.after !== '') {
    const next = current.indexOf(p.after.trim());
    if (next >= 0) return next;
  }
  return current.length;
}

/**
 * The current text with the passage applied: inserted where it belongs, or, with
 * `replace`, in place of the base's differing text when that is still there.
 */
export function applyPassage(current: string, p: Passage, mode: 'insert' | 'replace' = 'insert'): string {
  let pos = position(current, p);
  let end = pos;
  // Skip the spacing that follows the anchor, so the passage lands before the next word.
  while (end < current.length && /\s/u.test(current[end]!) && p.before !== '') end++;
  if (mode === 'replace' && p.replaces !== '' && current.startsWith(p.replaces, end)) {
    return current.slice(0, end) + p.text + current.slice(end + p.replaces.length);
  }
  pos = end;
  const head = current.slice(0, pos);
  const tail = current.slice(pos);
  const gapBefore = head !== '' && !/\s$/u.test(head) && !/^[.,;:!?)»”]/u.test(p.text) ? ' ' : '';
  const gapAfter = tail !== '' && !/^\s/u.test(tail) && !/^[.,;:!?)»”]/u.test(tail) ? ' ' : '';
  return head + gapBefore + p.text + gapAfter + tail;
}
