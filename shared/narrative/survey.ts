/**
 * The UN Global Survey on Digital and Sustainable Trade Facilitation: the groups of
 * measures it reports a country's implementation rate for, with their names in the three
 * report languages, and the survey figures entered for an assessment (`survey:<year>`).
 */
import type { Lang } from '../i18n';
import type { Dataset, TextValue } from '../model/types';
import { textIndex, textOfKind } from './texts';

export interface SurveyGroup {
  readonly id: string;
  /** One of the core groups the survey's overall rate is computed over. */
  readonly core: boolean;
  readonly label: Readonly<Record<Lang, string>>;
}

/** In the order the survey reports them (general, digital, sustainable, other). */
export const SURVEY_GROUPS: readonly SurveyGroup[] = [
  { id: 'transparency', core: true, label: { en: 'Transparency', ru: 'Прозрачность', kk: 'Ашықтық' } },
  { id: 'formalities', core: true, label: { en: 'Formalities', ru: 'Формальности', kk: 'Формальдылықтар' } },
  {
    id: 'institutional',
    core: true,
    label: { en: 'Institutional arrangement and cooperation', ru: 'Институциональные механизмы и сотрудничество', kk: 'Институционалдық тетіктер және ынтымақтастық' },
  },
  { id: 'transit', core: true, label: { en: 'Transit facilitation', ru: 'Упрощение транзита', kk: 'Транзитті оңайлату' } },
  { id: 'paperless', core: true, label: { en: 'Paperless trade', ru: 'Безбумажная торговля', kk: 'Қағазсыз сауда' } },
  {
    id: 'crossBorderPaperless',
    core: true,
    label: { en: 'Cross-border paperless trade', ru: 'Трансграничная безбумажная торговля', kk: 'Трансшекаралық қағазсыз сауда' },
  },
  { id: 'sme', core: false, label: { en: 'Trade facilitation for SMEs', ru: 'Упрощение процедур торговли для МСП', kk: 'ШОК үшін сауда рәсімдерін оңайлату' } },
  {
    id: 'agriculture',
    core: false,
    label: { en: 'Agricultural trade facilitation', ru: 'Упрощение торговли сельскохозяйственной продукцией', kk: 'Ауыл шаруашылығы өнімдерінің саудасын оңайлату' },
  },
  { id: 'women', core: false, label: { en: 'Women in trade facilitation', ru: 'Женщины и упрощение процедур торговли', kk: 'Сауда рәсімдерін оңайлатудағы әйелдер' } },
  { id: 'tradeFinance', core: false, label: { en: 'Trade finance for trade facilitation', ru: 'Финансирование торговли', kk: 'Сауданы қаржыландыру' } },
  {
    id: 'crisis',
    core: false,
    label: { en: 'Trade facilitation in times of crisis', ru: 'Упрощение процедур торговли в условиях кризиса', kk: 'Дағдарыс кезінде сауда рәсімдерін оңайлату' },
  },
  {
    id: 'ecommerce',
    core: false,
    label: { en: 'Trade facilitation for e-commerce', ru: 'Упрощение процедур для электронной торговли', kk: 'Электрондық коммерция үшін сауда рәсімдерін оңайлату' },
  },
];

const BY_ID = new Map(SURVEY_GROUPS.map((g) => [g.id, g]));

export function isSurveyGroup(id: string): boolean {
  return BY_ID.has(id);
}

/** The group's name in `lang` (an unknown id prints as itself). */
export function surveyGroupLabel(id: string, lang: Lang): string {
  return BY_ID.get(id)?.label[lang] ?? id;
}

export type SurveyValue = Extract<TextValue, { kind: 'survey' }>;

/** The survey figures entered, oldest year first, in `lang` (comparison labels translated where a translation exists). */
export function surveys(dataset: Dataset, lang: Lang): SurveyValue[] {
  const out: SurveyValue[] = [];
  for (const key of textIndex(dataset).keysWith('survey:')) {
    const t = textOfKind(dataset, key, lang, 'survey');
    if (t) out.push(t.value);
  }
  return out.sort((a, b) => a.year - b.year);
}

/** A rate for display: 0–100 with up to two decimals, or undefined. */
export function rateOf(rates: SurveyValue['rates'], group: string): number | undefined {
  const r = rates.find((x) => x.group === group)?.rate;
  return typeof r === 'number' && Number.isFinite(r) ? r : undefined;
}

/** Whether a survey entry has any figure at all. */
export function hasFigures(s: SurveyValue): boolean {
  return s.overall !== null || s.rates.some((r) => r.rate !== null) || s.comparisons.some((c) => c.overall !== null || c.rates.some((r) => r.rate !== null));
}
