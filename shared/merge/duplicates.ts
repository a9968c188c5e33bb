/**
 * Probable duplicate stakeholders: the same person entered on two laptops. Nothing is
 * merged automatically; the lead sees the groups and decides.
 *
 * Names and organisations are compared after normalising: Unicode compatibility forms,
 * case, accents, quotes and punctuation, whitespace, courtesy titles (Mr., Ms., Mrs.,
 * Dr., Prof., Г-н, Г-жа), and Latin/Cyrillic look-alike letters (а/a, е/e, о/o, р/p, с/c,
 * х/x, у/y, К/K, М/M, Н/H, Т/T, В/B …). Person names are also compared regardless of word
 * order ("Sarsenbayeva Aigerim" = "Aigerim Sarsenbayeva").
 */
import type { Id, Stakeholder } from '../model/types';

/** Cyrillic letters that look like Latin ones (after lower-casing), mapped to the Latin letter. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  ү: 'y',
  х: 'x',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
};

const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');
/** Courtesy titles, written after look-alike folding (so "г-н" is "г-h"). */
const TITLE_RE = /^(?:mr|mrs|ms|miss|dr|prof|г-h|г-жa|гh|гжa|гocпoдиh|гocпoжa)(?:\.|\s|$)\s*/u;

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents and other combining marks
    .toLowerCase()
    .replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c);
}

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** An organisation name reduced for comparison. */
export function normalizeOrganization(s: string): string {
  return words(fold(s)).join(' ');
}

/** A person name reduced for comparison: without titles, word order ignored. */
export function normalizePersonName(s: string): string {
  let t = fold(s).trim();
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/^["'“”«»‘’„\s]+/u, '').replace(TITLE_RE, '');
  }
  return words(t).sort().join(' ');
}

export type DuplicateReason =
  /** Same person name at the same organisation. */
  | 'sameNameAndOrganization'
  /** Same full person name (two words or more) at different organisations. */
  | 'sameName'
  /** No person name, same organisation. */
  | 'sameOrganizationUnnamed';

export interface DuplicateGroup {
  readonly reason: DuplicateReason;
  /** The normalised text that matched. */
  readonly key: string;
  readonly stakeholderIds: readonly Id[];
  readonly stakeholders: readonly Stakeholder[];
}

export function findDuplicateStakeholders(stakeholders: readonly Stakeholder[]): DuplicateGroup[] {
  const unique = new Map<Id, Stakeholder>();
  for (const s of stakeholders) if (!unique.has(s.id)) unique.set(s.id, s);
  const norm = [...unique.values()].map((s) => ({ s, org: normalizeOrganization(s.organization), name: normalizePersonName(s.name) }));

  const groups: DuplicateGroup[] = [];
  const byKey = (reason: DuplicateReason, key: (n: (typeof norm)[number]) => string | undefined) => {
    const map = new Map<string, Stakeholder[]>();
    for (const n of norm) {
      const k = key(n);
      if (k === undefined) continue;
      const list = map.get(k);
      if (list) list.push(n.s);
      else map.set(k, [n.s]);
    }
    const out: DuplicateGroup[] = [];
    for (const [k, list] of map) {
      if (list.length < 2) continue;
      const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      out.push({ reason, key: k, stakeholderIds: sorted.map((s) => s.id), stakeholders: sorted });
    }
    return out;
  };

  const exact = byKey('sameNameAndOrganization', (n) => (n.name ? `${n.org}|${n.name}` : undefined));
  groups.push(...exact);
  const covered = new Map<Id, number>();
  exact.forEach((g, i) => g.stakeholderIds.forEach((id) => covered.set(id, i)));
  for (const g of byKey('sameName', (n) => (n.name.includes(' ') ? n.name : undefined))) {
    // Skip a group that adds nothing to one same-organisation group.
    const first = covered.get(g.stakeholderIds[0]!);
    if (first !== undefined && g.stakeholderIds.every((id) => covered.get(id) === first)) continue;
    groups.push(g);
  }
  groups.push(...byKey('sameOrganizationUnnamed', (n) => (n.name === '' && n.org !== '' ? n.org : undefined)));
  return groups.sort((a, b) => (a.reason !== b.reason ? (a.reason < b.reason ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
