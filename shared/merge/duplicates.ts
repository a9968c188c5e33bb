/**
 * Probable duplicate stakeholders: the same person entered on two laptops. Nothing is
 * merged automatically; the lead sees the groups and decides.
 *
 * Names and organisations are compared after normalising: Unicode compatibility forms,
 * case, accents, quotes and punctuation, whitespace, courtesy titles (Mr., Ms., Mrs.,
 * Dr., Prof., Г-н, Г-жа, мырза, ханым), Latin/Cyrillic look-alike letters typed by slip
 * (а/a, е/e, о/o, р/p, с/c, х/x, у/y, К/K, М/M, Н/H, Т/T, В/B …), and transliteration
 * between Kazakh or Russian Cyrillic and Latin ("Сәрсенбаева" = "Sarsenbayeva"). Person
 * names are also compared regardless of word order ("Sarsenbayeva Aigerim" = "Aigerim
 * Sarsenbayeva").
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

/**
 * Russian and Kazakh Cyrillic read as Latin letters, the way passports and the seed's
 * Annex I spell the same names ("Сәрсенбаева" → "sarsenbaeva", "Жақсылықов" → "zhaksylykov").
 */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', і: 'i', к: 'k', қ: 'k',
  л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin letters of the Kazakh alphabet (2021) and Turkic spellings that carry a digraph. */
const LATIN_DIGRAPHS: Readonly<Record<string, string>> = { ş: 'sh', ç: 'ch', ı: 'i' };

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * One word as Latin letters. A word mixing scripts is a typing slip of look-alikes
 * ("Кazроst"), as is an all-capitals abbreviation made only of look-alikes ("НВХ");
 * any other Cyrillic word is transliterated.
 */
function latinWord(word: string): string {
  const lower = word.toLowerCase();
  if (!CYRILLIC.test(lower)) return lower;
  const lookalikesOnly = [...lower].every((c) => !CYRILLIC.test(c) || LOOKALIKES[c] !== undefined);
  const mixed = LATIN.test(lower);
  if (lookalikesOnly && (mixed || (word.length > 1 && word === word.toUpperCase()))) return lower.replace(/./gu, (c) => LOOKALIKES[c] ?? c);
  return lower.replace(/./gu, (c) => TRANSLITERATION[c] ?? LOOKALIKES[c] ?? c);
}

/**
 * The sound skeleton of a Latin word, so spelling variants of one transliterated name meet:
 * y = i, kh = h, zh = j, x = ks, w = v, q = k, doubled letters once, an i between vowels
 * and a leading "ye" dropped ("Sarsenbayeva" = "Sarsenbaeva", "Yerlan" = "Erlan").
 */
function skeleton(word: string): string {
  return word
    .replace(/[şçı]/g, (c) => LATIN_DIGRAPHS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/y/g, 'i')
    .replace(/kh/g, 'h')
    .replace(/dzh|zh/g, 'j')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/([aeou])i(?=[aeou])/g, '$1')
    .replace(/^ie/, 'e');
}

/** Courtesy titles, before a name or (Kazakh) after it; compared before transliteration. */
const TITLE_BEFORE = /^(?:mr|mrs|ms|miss|dr|prof|г-н|г-жа|гн|гжа|господин|госпожа|д-р|проф)(?:\.|\s|$)\s*/u;
const TITLE_AFTER = /\s+(?:мырза|ханым)\.?$/u;

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function key(s: string): string[] {
  return words(s.normalize('NFKC')).map((w) => skeleton(latinWord(w)));
}

/** An organisation name reduced for comparison. */
export function normalizeOrganization(s: string): string {
  return key(s).join(' ');
}

/** A person name reduced for comparison: without titles, word order ignored, any script. */
export function normalizePersonName(s: string): string {
  let t = s.normalize('NFKC').toLowerCase().trim();
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/^["'“”«»‘’„\s]+/u, '').replace(/["'“”«»‘’„\s]+$/u, '').replace(TITLE_BEFORE, '').replace(TITLE_AFTER, '');
  }
  return key(t).sort().join(' ');
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
