/**
 * The draft consolidated answer: what the lead starts from when several stakeholders
 * answered one question. Pure; the rule is documented in docs/consolidation.md.
 *
 * Rule, in short:
 * - status / yes-no: the most frequent of Yes, Partially, No. "Don't know" and "Not
 *   applicable" only count when nobody said anything else. Ties go to the more cautious
 *   answer (No < Partially < Yes). An interview where skip logic made the question not
 *   applicable counts as "Not applicable", so all-not-applicable gives N/A.
 * - band: the most frequent; ties go to the most cautious (Low < Medium < High).
 * - single select / date: the most frequent; ties go to the less advanced option (the
 *   later date).
 * - multi select: the union of the chosen options ("Don't know" only if nothing else).
 * - percentage: the median (the mean of the two middle values for an even count).
 * - texts (elaboration, response, further info, documents, timeline): every distinct
 *   contribution once, attributed to its organisation ("Org: text"), in interview date
 *   order. Comparison ignores case and whitespace; a paragraph already contained in
 *   another kept contribution is dropped (so is a contribution left with nothing).
 *   Texts in different languages are kept as given.
 */
import type { AnswerField } from '../checklist/types';
import { getItem } from '../checklist/catalogue';
import { ANSWER_LABELS } from '../checklist/answerLabels';
import { LANGUAGES } from '../i18n';
import type { Relevance } from '../checklist/relevance';
import type { AnswerValue, ConsolidatedValue, Interview, Stakeholder } from '../model/types';

/** One interview's say on a question. */
export interface Contribution {
  readonly interview: Interview;
  /** The people of that interview. */
  readonly stakeholders: readonly Stakeholder[];
  /** The slot's current (head) revision value; empty ({}) when the interview did not answer. */
  readonly value: AnswerValue;
  /** Relevance of the question given that interview's own answers. */
  readonly relevance: Relevance;
  /** Values of the slot's other heads when it is in conflict: their texts are kept, they do not vote. */
  readonly alternatives?: readonly AnswerValue[];
}

/** Who said what, for the consolidation screen. */
export interface DraftTally {
  /** A status/option token, "number:<n>", "date:<yyyy-mm>", or "notApplicable" (skip logic). */
  readonly token: string;
  readonly count: number;
  /** Organisations (one entry per interview), in interview date order. */
  readonly organizations: readonly string[];
}

export interface DraftSummary {
  /** Interviews that contributed (answered or were skipped by skip logic). */
  readonly contributions: number;
  /** Of those, how many had the question not applicable by skip logic and gave no answer. */
  readonly notApplicable: number;
  /** Contributions whose slot has conflicting heads. */
  readonly conflicts: number;
  /** Structured answers, most frequent first. */
  readonly tallies: readonly DraftTally[];
  /** Contributions with some text (elaboration, response, further info, timeline …). */
  readonly withText: number;
  /** Contributions whose texts were dropped entirely as already contained in another one. */
  readonly duplicates: number;
}

export interface Draft {
  readonly questionId: string;
  readonly value: ConsolidatedValue;
  readonly summary: DraftSummary;
}

/** Status tokens that vote, most cautious first. */
const STATUS_ORDER = ['no', 'partial', 'yes'] as const;
const BAND_ORDER = ['low', 'medium', 'high'] as const;
/** Tokens that only count when nothing else was said. */
const WEAK = new Set(['dontKnow', 'na']);
/**
 * How advanced a select option is (lower = more cautious) for ties. Options not listed
 * keep their catalogue order.
 */
const OPTION_RANK: Readonly<Record<string, number>> = {
  no: 1,
  notImplemented: 1,
  notConducted: 1,
  notConnected: 1,
  partial: 2,
  partially: 2,
  ongoing: 2,
  yes: 3,
  fully: 3,
  completed: 3,
};

type TextField = Extract<AnswerField, 'elaboration' | 'response' | 'furtherInfo' | 'timeline'> | 'documents';
const TEXT_FIELDS: readonly TextField[] = ['elaboration', 'response', 'furtherInfo', 'documents', 'timeline'];

/** Interview date order: date, then organisation, then id (stable on every machine). */
export function byInterviewDate(a: Interview, b: Interview): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.organization !== b.organization) return a.organization < b.organization ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The name a contribution is attributed to. */
export function attributionOf(c: { interview: Interview; stakeholders: readonly Stakeholder[] }): string {
  const org = c.interview.organization.trim() || c.stakeholders[0]?.organization.trim() || '';
  if (org) return org;
  const names = c.stakeholders.map((s) => s.name.trim()).filter(Boolean);
  return names.length > 0 ? names.join(', ') : c.interview.interviewerName;
}

// ---- Text comparison ----------------------------------------------------------------

/** Comparable form of a text: NFC, lower case, one space for any whitespace, no list marker or end punctuation. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-•–—*]\s+)/, '')
    .replace(/[\s.;,:!]+$/, '')
    .trim();
}

function paragraphsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r\n|\r|\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `haystack` as whole words (both already normalised). */
export function containsWords(haystack: string, needle: string): boolean {
  if (needle === '') return true;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = at > 0 ? haystack[at - 1]! : '';
    const after = haystack[at + needle.length] ?? '';
    const startsWord = WORD_CHAR.test(needle[0]!);
    const endsWord = WORD_CHAR.test(needle[needle.length - 1]!);
    if ((!startsWord || !WORD_CHAR.test(before)) && (!endsWord || !WORD_CHAR.test(after))) return true;
    from = at + 1;
  }
}

const WORDS = /[\p{L}\p{N}]+/gu;
const BLOCK_CHARS = 16_384;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The normalised paragraphs kept so far, asked whether a paragraph occurs in them as whole
 * words. Each word run of such a paragraph is a whole word of the kept text with the same
 * neighbours, so a paragraph holding a word, or a pair of adjacent words, that the kept
 * text lacks cannot occur in it. That test settles most paragraphs at the cost of reading
 * them once; only the rest are searched for in the kept text (a question with hundreds of
 * distinct answers would otherwise search tens of kilobytes per paragraph).
 */
class KeptText {
  /** The kept paragraphs, one per line, in blocks of about BLOCK_CHARS: appending to one long string would have the engine copy all of it before the next search. */
  private readonly blocks: string[] = [];
  private readonly paragraphs = new Set<string>();
  private readonly wordIds = new Map<string, number>();
  /** Adjacent word pairs as numbers: first id × 2^26 + second id (exact while ids < 2^26). */
  private readonly pairs = new Set<number>();
  /**
   * containsWords judges word boundaries by UTF-16 unit and WORDS by code point; they differ
   * only next to characters outside the BMP, so with any of those the filter stands aside.
   */
  private astral = false;

  add(paragraph: string): void {
    if (SURROGATE.test(paragraph)) this.astral = true;
    const last = this.blocks.length - 1;
    if (last >= 0 && this.blocks[last]!.length + paragraph.length < BLOCK_CHARS) this.blocks[last] += `\n${paragraph}`;
    else this.blocks.push(paragraph);
    this.paragraphs.add(paragraph);
    let previous = -1;
    for (const word of paragraph.match(WORDS) ?? []) {
      let id = this.wordIds.get(word);
      if (id === undefined) this.wordIds.set(word, (id = this.wordIds.size));
      if (previous >= 0) this.pairs.add(previous * 67_108_864 + id);
      previous = id;
    }
  }

  contains(paragraph: string): boolean {
    if (this.paragraphs.has(paragraph)) return true;
    if (!this.astral && !SURROGATE.test(paragraph)) {
      let previous = -1;
      for (const word of paragraph.match(WORDS) ?? []) {
        const id = this.wordIds.get(word);
        if (id === undefined) return false;
        if (previous >= 0 && !this.pairs.has(previous * 67_108_864 + id)) return false;
        previous = id;
      }
    }
    // A normalised paragraph holds no line break, so it never spans two kept paragraphs.
    return this.blocks.some((block) => containsWords(block, paragraph));
  }
}

interface TextSource {
  /** Position in date order. */
  readonly order: number;
  readonly label: string;
  readonly paragraphs: readonly string[];
  /** The paragraphs' normalizeText forms, when the caller has them already. */
  readonly norm?: readonly string[];
}

interface MergedText {
  /** The attributed text, paragraphs separated by "\n"; '' when nothing is left. */
  readonly text: string;
  /** Sources that kept at least one paragraph. */
  readonly kept: ReadonlySet<number>;
}

function isInOrder(sources: readonly TextSource[]): boolean {
  for (let i = 1; i < sources.length; i++) if (sources[i - 1]!.order > sources[i]!.order) return false;
  return true;
}

/** A contribution's non-empty normalised paragraphs, one per line; remembered per array (drafts share them). */
const wholes = new WeakMap<readonly string[], string>();
function wholeOf(norm: readonly string[]): string {
  let whole = wholes.get(norm);
  if (whole === undefined) {
    whole = norm.filter((n) => n !== '').join('\n');
    wholes.set(norm, whole);
  }
  return whole;
}

/**
 * Merges texts: each distinct contribution once, attributed, in date order. Longer
 * contributions are examined first, so a short one repeating part of a long one is the
 * one that goes; of two equal ones the earlier stays.
 */
export function mergeTexts(sources: readonly TextSource[], attribute = true, normalize: (text: string) => string = normalizeText): MergedText {
  // Equal contributions (the same paragraphs once normalised) are examined once: the one
  // that would be examined first (the longest, then the earliest) stands for them all.
  const inOrder = isInOrder(sources) ? sources : [...sources].sort((a, b) => a.order - b.order);
  type Candidate = TextSource & { readonly norm: readonly string[]; readonly length: number };
  const candidates: Candidate[] = [];
  const candidateOf = new Map<string, number>();
  for (const s of inOrder) {
    const norm = s.norm ?? s.paragraphs.map(normalize);
    const whole = wholeOf(norm);
    if (whole === '') continue;
    // The length of the contribution's normalised text (paragraphs joined by one space).
    const length = norm.reduce((n, p) => n + p.length, 0) + Math.max(0, norm.length - 1);
    const candidate = { order: s.order, label: s.label, paragraphs: s.paragraphs, norm, length };
    const seen = candidateOf.get(whole);
    if (seen === undefined) {
      candidateOf.set(whole, candidates.length);
      candidates.push(candidate);
    } else if (length > candidates[seen]!.length) {
      candidates[seen] = candidate;
    }
  }
  candidates.sort((a, b) => a.order - b.order);
  const examine = [...candidates].sort((a, b) => (a.length !== b.length ? b.length - a.length : a.order - b.order));
  const accepted = new KeptText();
  const keptParagraphs = new Map<number, string[]>();
  for (const c of examine) {
    const keep: string[] = [];
    const keepNorm: string[] = [];
    c.paragraphs.forEach((p, i) => {
      const n = c.norm[i]!;
      if (n === '' || accepted.contains(n)) return;
      keep.push(p);
      keepNorm.push(n);
    });
    if (keep.length === 0) continue;
    keptParagraphs.set(c.order, keep);
    for (const n of keepNorm) accepted.add(n);
  }
  const out: string[] = [];
  for (const s of candidates) {
    const keep = keptParagraphs.get(s.order);
    if (!keep) continue;
    if (!attribute) {
      out.push(...keep);
      continue;
    }
    const first = keep[0]!;
    // A list item keeps its marker at the start of its line: the attribution goes above it.
    if (/^[-•]\s/.test(first)) out.push(`${s.label}:`, ...keep);
    else out.push(`${s.label}: ${first}`, ...keep.slice(1));
  }
  return { text: out.join('\n'), kept: new Set(keptParagraphs.keys()) };
}

// ---- What a text says ------------------------------------------------------------------

/** A timeline that says there is no plan: empty, a dash, "n/a", "none", "no", "нет", "жоқ". */
export function saysNoPlan(text: string | undefined): boolean {
  const t = (text ?? '').trim();
  return t === '' || /^[-–—.\s]*$/.test(t) || /^(n\/?a|none|no|нет|жоқ)\.?$/i.test(t);
}

/** Status words in every language ("yes", "да", "иә", "partially" …), normalised. */
const STATUS_WORDS = new Set(
  LANGUAGES.flatMap((l) => [...Object.values(ANSWER_LABELS[l].status), ...Object.values(ANSWER_LABELS[l].yesNo)]).map((w) => normalizeText(w)),
);

/** A paragraph that only restates a status ("Yes", "No.", "Частично"): the structured answer already says it. */
export function isBareStatus(paragraph: string, normalize: (text: string) => string = normalizeText): boolean {
  return STATUS_WORDS.has(normalize(paragraph));
}

/** A contribution's text split into paragraphs, with their comparable forms. */
interface PreparedText {
  readonly paragraphs: readonly string[];
  readonly norm: readonly string[];
}

const NO_TEXT: PreparedText = { paragraphs: [], norm: [] };

/**
 * Splits and normalises contribution texts, once per distinct text: in a large assessment
 * the same text comes back in many interviews and fields, and hashing, splitting and
 * normalising it again for each is most of a draft's cost.
 */
function textPreparer(normalize: (text: string) => string): (text: string | undefined, timeline: boolean) => PreparedText {
  const memo = [new Map<string, PreparedText>(), new Map<string, PreparedText>()];
  return (text, timeline) => {
    if (!text) return NO_TEXT;
    const cache = memo[timeline ? 1 : 0]!;
    let prepared = cache.get(text);
    if (!prepared) {
      // "-" as a timeline means no plan; "Yes" alone repeats the status: neither is a contribution.
      const paragraphs = paragraphsOf(text).filter((p) => (timeline ? !saysNoPlan(p) : !isBareStatus(p, normalize)));
      prepared = paragraphs.length === 0 ? NO_TEXT : { paragraphs, norm: paragraphs.map(normalize) };
      cache.set(text, prepared);
    }
    return prepared;
  };
}

/**
 * normalizeText remembering its results. A question's contributions repeat the same
 * paragraphs (a text kept in several fields, one agency's line in many interviews), and
 * normalising is most of a draft's cost for a large assessment.
 */
function memoizedNormalize(): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let n = memo.get(text);
    if (n === undefined) {
      n = normalizeText(text);
      memo.set(text, n);
    }
    return n;
  };
}

// ---- Votes ----------------------------------------------------------------------------

function mostFrequent(counts: Map<string, number>, caution: (token: string) => number): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [token, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && caution(token) < caution(best))) {
      best = token;
      bestCount = count;
    }
  }
  return best;
}

function rankIn(order: readonly string[]) {
  return (token: string) => {
    const i = order.indexOf(token);
    return i < 0 ? order.length : i;
  };
}

/** The median of numbers; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 100) / 100;
}

function hasText(v: AnswerValue): boolean {
  return [v.elaboration, v.response, v.furtherInfo, v.timeline, v.documents, v.other].some((t) => !!t && t.trim() !== '');
}

function hasStructured(v: AnswerValue): boolean {
  return !!v.choice || (!!v.choices && v.choices.length > 0) || typeof v.number === 'number' || !!v.date;
}

/**
 * Drafts the consolidated answer of one question from the interviews' contributions.
 * The result is a `draft` review-state value the lead edits and saves as a revision.
 */
export function draftConsolidated(questionId: string, contributions: readonly Contribution[]): Draft {
  const item = getItem(questionId);
  const kind = item?.kind ?? 'text';
  const normalize = memoizedNormalize();
  const ordered = [...contributions].sort((a, b) => byInterviewDate(a.interview, b.interview));
  const labels = ordered.map(attributionOf);

  // Who said what.
  const tallies = new Map<string, string[]>();
  const tally = (token: string, org: string) => {
    const list = tallies.get(token);
    if (list) list.push(org);
    else tallies.set(token, [org]);
  };
  let notApplicable = 0;
  ordered.forEach((c, i) => {
    const v = c.value;
    const label = labels[i]!;
    if (!hasStructured(v) && !hasText(v)) {
      if (!c.relevance.relevant) {
        notApplicable++;
        tally('notApplicable', label);
      }
      return;
    }
    if (v.choice) tally(v.choice, label);
    for (const ch of v.choices ?? []) tally(ch, label);
    if (typeof v.number === 'number') tally(`number:${v.number}`, label);
    if (v.date) tally(`date:${v.date}`, label);
  });

  const value: { -readonly [K in keyof ConsolidatedValue]: ConsolidatedValue[K] } = { review: 'draft' };

  // Structured part.
  if (kind === 'status' || kind === 'yesNo' || kind === 'band' || kind === 'singleSelect') {
    const strong = new Map<string, number>();
    const weak = new Map<string, number>();
    for (const c of ordered) {
      const choice = c.value.choice;
      if (choice) {
        const bucket = WEAK.has(choice) ? weak : strong;
        bucket.set(choice, (bucket.get(choice) ?? 0) + 1);
      } else if (!c.relevance.relevant && !hasText(c.value)) {
        weak.set('na', (weak.get('na') ?? 0) + 1);
      }
    }
    let caution: (t: string) => number;
    if (kind === 'status' || kind === 'yesNo') caution = rankIn(STATUS_ORDER);
    else if (kind === 'band') caution = rankIn(BAND_ORDER);
    else {
      const options = item?.options ?? [];
      caution = (t) => (OPTION_RANK[t] ?? 10) * 1000 + (options.indexOf(t) < 0 ? 999 : options.indexOf(t));
    }
    const chosen = strong.size > 0 ? mostFrequent(strong, caution) : mostFrequent(weak, rankIn(['dontKnow', 'na']));
    if (chosen) value.choice = chosen;
  } else if (kind === 'multiSelect') {
    const chosen = new Set<string>();
    for (const c of ordered) for (const ch of c.value.choices ?? []) chosen.add(ch);
    if (chosen.size > 1) chosen.delete('dontKnow');
    const options = item?.options ?? [];
    const list = [...chosen].sort((a, b) => {
      const ia = options.indexOf(a);
      const ib = options.indexOf(b);
      return (ia < 0 ? options.length : ia) - (ib < 0 ? options.length : ib);
    });
    if (list.length > 0) value.choices = list;
    else if (ordered.length > 0 && ordered.every((c) => !c.relevance.relevant && !hasStructured(c.value) && !hasText(c.value))) {
      value.choice = 'na';
    }
  } else if (kind === 'percentage') {
    const m = median(ordered.map((c) => c.value.number).filter((n): n is number => typeof n === 'number' && Number.isFinite(n)));
    if (m !== undefined) value.number = m;
  } else if (kind === 'date') {
    const counts = new Map<string, number>();
    for (const c of ordered) if (c.value.date) counts.set(c.value.date, (counts.get(c.value.date) ?? 0) + 1);
    // Ties: the later date is the cautious one.
    const d = mostFrequent(counts, (t) => -Number(t.replace(/\D/g, '') || 0));
    if (d) value.date = d;
  }

  // "Please specify" texts: distinct, in date order.
  const others = mergeTexts(
    ordered.map((c, i) => ({ order: i, label: labels[i]!, paragraphs: [c.value.other ?? ''] })),
    false,
    normalize,
  );
  if (others.text) value.other = others.text.split('\n').join('; ');

  // Texts.
  const keptAny = new Set<number>();
  const withTextSet = new Set<number>();
  // Attribution tells contributions apart: with a single contribution there is nothing to tell apart.
  const attribute = ordered.length > 1;
  const prepare = textPreparer(normalize);
  for (const field of TEXT_FIELDS) {
    const timeline = field === 'timeline';
    const sources = ordered.map((c, i) => {
      let text = prepare(c.value[field], timeline);
      for (const alternative of c.alternatives ?? []) {
        const more = prepare(alternative[field], timeline);
        if (more.paragraphs.length > 0) text = { paragraphs: [...text.paragraphs, ...more.paragraphs], norm: [...text.norm, ...more.norm] };
      }
      if (text.paragraphs.length > 0) withTextSet.add(i);
      return { order: i, label: labels[i]!, paragraphs: text.paragraphs, norm: text.norm };
    });
    const merged = mergeTexts(sources, attribute, normalize);
    for (const k of merged.kept) keptAny.add(k);
    if (merged.text) value[field] = merged.text;
  }

  const tallyList: DraftTally[] = [...tallies.entries()]
    .map(([token, organizations]) => ({ token, count: organizations.length, organizations }))
    .sort((a, b) => b.count - a.count || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));

  return {
    questionId,
    value,
    summary: {
      contributions: ordered.length,
      notApplicable,
      conflicts: ordered.filter((c) => (c.alternatives?.length ?? 0) > 0).length,
      tallies: tallyList,
      withText: withTextSet.size,
      duplicates: [...withTextSet].filter((i) => !keptAny.has(i)).length,
    },
  };
}
