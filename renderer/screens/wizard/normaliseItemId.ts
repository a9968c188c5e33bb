/**
 * Cyrillic letters that look like the Latin ones in question numbers, so "а2.1.1" typed
 * on a Kazakh or Russian keyboard layout finds A2.1.1 (and "ІІ.В.1" finds II.B.1).
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', с: 'c', е: 'e', н: 'h', і: 'i', ӏ: 'i', к: 'k', м: 'm', о: 'o', р: 'p', т: 't', х: 'x', ѵ: 'v', у: 'y',
};

/**
 * What an interviewer types to jump, as a catalogue id: "a3.5" → "A3.5", "A.3.4.2" →
 * "A3.4.2" (the PDF's own typo), "i.a.1" → "I.A.1", "app.2.3" → "APP.2.3", "а2.1.1"
 * (Cyrillic а) → "A2.1.1".
 */
export function normaliseItemId(input: string): string {
  const s = input
    .trim()
    .replace(/\s+/g, '')
    .replace(/[а-яёіӏѵ]/giu, (c) => {
      const latin = LOOKALIKES[c.toLowerCase()];
      return latin === undefined ? c : c === c.toLowerCase() ? latin : latin.toUpperCase();
    });
  if (/^app(\.|$)/i.test(s)) return `APP${s.slice(3)}`;
  if (/^[ab]\.?\d/i.test(s)) return s[0]!.toUpperCase() + s.slice(1).replace(/^\./, '');
  if (/^[ivx]+(\.|$)/i.test(s)) return s.toUpperCase();
  return s;
}
