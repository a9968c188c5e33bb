/**
 * Dates typed by hand, as people in each UI language write them: 31.12.2021 in Kazakh and
 * Russian, 31/12/2021 in English (day first, as in the reports); 12.2021 for a month.
 * Stored as ISO (2021-12-31, 2021-12). A native <input type=date> follows the browser's
 * locale instead, which is why the app has its own field.
 */
import type { Lang } from './i18n';

export type DatePrecision = 'day' | 'month';

const SEPARATOR: Record<Lang, string> = { kk: '.', ru: '.', en: '/' };

/** "2021-12-31" → "31.12.2021" (kk, ru) or "31/12/2021" (en); "" for no date or a malformed one. */
export function formatDateInput(lang: Lang, iso: string, precision: DatePrecision = 'day'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso.trim());
  if (!m) return '';
  const sep = SEPARATOR[lang] ?? '/';
  return precision === 'month' ? `${m[2]}${sep}${m[1]}` : m[3] ? `${m[3]}${sep}${m[2]}${sep}${m[1]}` : '';
}

export type ParsedDate = { readonly kind: 'empty' } | { readonly kind: 'date'; readonly iso: string } | { readonly kind: 'invalid' };

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * What the user typed, as an ISO date: day first with any of . / - or space between
 * ("1.2.21", "01/02/2021"), or ISO as is ("2021-02-01"). A date that does not exist
 * (31.02.2021) is invalid.
 */
export function parseDateInput(text: string, precision: DatePrecision = 'day'): ParsedDate {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const pad = (n: number) => String(n).padStart(2, '0');
  if (precision === 'month') {
    const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
    const local = /^(\d{1,2})[./\-\s](\d{4}|\d{2})$/.exec(s);
    const [y, m] = iso ? [Number(iso[1]), Number(iso[2])] : local ? [fullYear(local[2]!), Number(local[1])] : [NaN, NaN];
    if (!(m >= 1 && m <= 12 && y >= 1900 && y <= 2200)) return { kind: 'invalid' };
    return { kind: 'date', iso: `${y}-${pad(m)}` };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4}|\d{2})$/.exec(s);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : local ? [fullYear(local[3]!), Number(local[2]), Number(local[1])] : [NaN, NaN, NaN];
  if (!(y >= 1900 && y <= 2200) || !validDay(y, m, d)) return { kind: 'invalid' };
  return { kind: 'date', iso: `${y}-${pad(m)}-${pad(d)}` };
}
