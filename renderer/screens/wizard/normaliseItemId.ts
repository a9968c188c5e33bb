/**
 * What an interviewer types to jump, as a catalogue id: "a3.5" → "A3.5", "A.3.4.2" →
 * "A3.4.2" (the PDF's own typo), "i.a.1" → "I.A.1", "app.2.3" → "APP.2.3".
 */
export function normaliseItemId(input: string): string {
  const s = input.trim().replace(/\s+/g, '');
  if (/^app(\.|$)/i.test(s)) return `APP${s.slice(3)}`;
  if (/^[ab]\.?\d/i.test(s)) return s[0]!.toUpperCase() + s.slice(1).replace(/^\./, '');
  if (/^[ivx]+(\.|$)/i.test(s)) return s.toUpperCase();
  return s;
}
