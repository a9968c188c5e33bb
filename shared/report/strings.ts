/**
 * The report's own texts (locales/<lang>/report.json) and date formatting, without a
 * framework so the report builds in Node and in a Web Worker alike.
 */
import type { Lang } from '../i18n';
import { fill } from '../checklist/answerLabels';
import en from '../../locales/en/report.json';
import ru from '../../locales/ru/report.json';
import kk from '../../locales/kk/report.json';

export type ReportStrings = typeof en;
export const REPORT_STRINGS: Record<Lang, ReportStrings> = { en, ru, kk };

export { fill };

/** "2021-10-04" → "4 October 2021" / "4 октября 2021 г." / "2021 жылғы 4 қазан"; other text as given. */
export function formatDate(lang: Lang, date: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date.trim());
  if (!m) return date;
  const S = REPORT_STRINGS[lang].date;
  const month = S.months[Number(m[2]) - 1];
  if (!month) return date;
  if (!m[3]) return `${m[2]}.${m[1]}`;
  return fill(S.format, { day: Number(m[3]), month, year: m[1]! });
}

/** A period "from – to" from two dates, either of which may be missing. */
export function formatPeriod(lang: Lang, from: string, to: string): string {
  if (from && to && from !== to) return `${formatDate(lang, from)} – ${formatDate(lang, to)}`;
  return formatDate(lang, from || to);
}

/** A count in words with the plural form the language needs ({"one": "{{count}} interview", "other": …}). */
export function countText(lang: Lang, count: number, forms: Readonly<Record<string, string>>): string {
  const form = new Intl.PluralRules(lang).select(count);
  return fill(forms[form] ?? forms.other ?? '{{count}}', { count });
}
