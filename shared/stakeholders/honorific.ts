/**
 * Courtesy titles. Stored in one canonical form ("Mr.", "Ms.", "Dr.", "Prof.") whatever
 * language they were typed in, and shown in the UI or report language: Russian puts
 * "г-н"/"г-жа" before the name, Kazakh puts "мырза"/"ханым" after it.
 */
import type { Lang } from '../i18n';

export type Honorific = 'Mr.' | 'Ms.' | 'Dr.' | 'Prof.';
export const HONORIFICS: readonly Honorific[] = ['Mr.', 'Ms.', 'Dr.', 'Prof.'];

/** Every way of writing a title that is recognised, lower-case and without the final dot. */
const SPELLINGS: ReadonlyArray<readonly [Honorific, readonly string[]]> = [
  ['Mr.', ['mr', 'mister', 'г-н', 'гн', 'господин', 'мырза']],
  ['Ms.', ['ms', 'mrs', 'miss', 'г-жа', 'гжа', 'госпожа', 'ханым']],
  ['Dr.', ['dr', 'д-р', 'доктор']],
  ['Prof.', ['prof', 'проф', 'профессор']],
];

/** The canonical title for a typed one ("г-жа", "Мырза", "MR."), or undefined if it is not a title. */
export function canonicalHonorific(raw: string): Honorific | undefined {
  const s = raw.trim().toLowerCase().replace(/\.$/, '');
  if (s === '') return undefined;
  return SPELLINGS.find(([, forms]) => forms.includes(s))?.[0];
}

/** Titles written before a name ("Mr. Aidar", "г-жа Омарова") and after it ("Асқар мырза"). */
const BEFORE = /^(mr|mrs|ms|miss|mister|dr|prof|г-н|г-жа|господин|госпожа|д-р|проф|доктор|профессор)\.?\s+/iu;
const AFTER = /\s+(мырза|ханым)\.?$/iu;

/** Splits a typed name into its title (canonical) and the name proper. */
export function splitHonorific(raw: string): { honorific: Honorific | ''; name: string } {
  const s = raw.trim();
  const before = BEFORE.exec(s);
  if (before) return { honorific: canonicalHonorific(before[1]!) ?? '', name: s.slice(before[0].length).trim() };
  const after = AFTER.exec(s);
  if (after) return { honorific: canonicalHonorific(after[1]!) ?? '', name: s.slice(0, after.index).trim() };
  return { honorific: '', name: s };
}

const WORDS: Record<Lang, Record<Honorific, string>> = {
  en: { 'Mr.': 'Mr.', 'Ms.': 'Ms.', 'Dr.': 'Dr.', 'Prof.': 'Prof.' },
  ru: { 'Mr.': 'г-н', 'Ms.': 'г-жа', 'Dr.': 'д-р', 'Prof.': 'проф.' },
  kk: { 'Mr.': 'мырза', 'Ms.': 'ханым', 'Dr.': 'доктор', 'Prof.': 'профессор' },
};

/** The title in a language, alone (for a select list). */
export function honorificLabel(lang: Lang, honorific: Honorific): string {
  return WORDS[lang][honorific];
}

/**
 * A person's name with their title in the given language: "Mr. Aidar Essembayev",
 * "г-н Aidar Essembayev", "Aidar Essembayev мырза". A title the app does not know is
 * shown as typed, before the name.
 */
export function formatPersonName(lang: Lang, honorific: string | undefined, name: string): string {
  const n = name.trim();
  const raw = (honorific ?? '').trim();
  if (raw === '') return n;
  const canonical = canonicalHonorific(raw);
  if (!canonical) return [raw, n].filter(Boolean).join(' ');
  const word = (WORDS[lang] ?? WORDS.en)[canonical];
  if (n === '') return word;
  return lang === 'kk' && (canonical === 'Mr.' || canonical === 'Ms.') ? `${n} ${word}` : `${word} ${n}`;
}
