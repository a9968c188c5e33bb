/**
 * The charts of the full report, drawn from the data and rasterised once per build:
 * Global Survey comparison (latest year: the country against the comparison averages per
 * group, as the seed's Figure 3), the survey over time (when two or more years are
 * entered, as the seed's Figure 2) and readiness by area from the checklists (technical
 * and legal scores per section). Each comes with a title and an alt text that states the
 * figures, so a screen reader reads what a sighted reader sees.
 */
import { itemLabel } from '../checklist/catalogue';
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import type { ReadinessSummary } from '../consolidation';
import { SURVEY_GROUPS, surveyGroupLabel, surveys, type SurveyValue } from '../narrative';
import { REPORT_STRINGS, fill } from './strings';
import { barChartSvg, type BarSeries, type ChartRasterizer } from './charts';
import { formatNumber } from './format';

export type ChartId = 'comparison' | 'overTime' | 'technical' | 'legal';

export interface RenderedChart {
  readonly title: string;
  readonly alt: string;
  readonly png: Uint8Array;
  /** Size in CSS pixels (the document scales it to the text width). */
  readonly width: number;
  readonly height: number;
}

interface ChartData {
  readonly id: ChartId;
  readonly title: string;
  readonly categories: string[];
  readonly series: BarSeries[];
}

/** Chart width in CSS pixels; rasterised at `SCALE` for print. */
const WIDTH = 640;
const SCALE = 1.5;

function rateOf(rates: SurveyValue['rates'], group: string): number | null {
  const r = rates.find((x) => x.group === group)?.rate;
  return typeof r === 'number' && Number.isFinite(r) ? r : null;
}

/** Categories (overall first, then the groups that have a figure in any series) and their values per series. */
function surveyRows(lang: Lang, series: Array<{ name: string; overall: number | null; rates: SurveyValue['rates'] }>): { categories: string[]; series: BarSeries[] } {
  const S = REPORT_STRINGS[lang].narrative;
  const groups = SURVEY_GROUPS.filter((g) => series.some((s) => rateOf(s.rates, g.id) !== null));
  const withOverall = series.some((s) => s.overall !== null);
  const categories = [...(withOverall ? [S.overall] : []), ...groups.map((g) => surveyGroupLabel(g.id, lang))];
  return {
    categories,
    series: series.map((s) => ({ name: s.name, values: [...(withOverall ? [s.overall] : []), ...groups.map((g) => rateOf(s.rates, g.id))] })),
  };
}

/** What the charts show, from the data (no chart without a figure). */
export function chartData(dataset: Dataset, lang: Lang, summary: ReadinessSummary, country: string): ChartData[] {
  const S = REPORT_STRINGS[lang].narrative;
  const out: ChartData[] = [];
  const years = surveys(dataset, lang);
  const latest = years[years.length - 1];
  if (latest) {
    const rows = surveyRows(lang, [{ name: country, overall: latest.overall, rates: latest.rates }, ...latest.comparisons.map((c) => ({ name: c.label, overall: c.overall, rates: c.rates }))]);
    if (rows.categories.length > 0) out.push({ id: 'comparison', title: fill(S.chartComparison, { country, year: latest.year }), ...rows });
  }
  if (years.length >= 2) {
    const rows = surveyRows(lang, years.map((y) => ({ name: String(y.year), overall: y.overall, rates: y.rates })));
    if (rows.categories.length > 0) out.push({ id: 'overTime', title: fill(S.chartOverTime, { country, years: years.map((y) => y.year).join(', ') }), ...rows });
  }
  for (const part of ['technical', 'legal'] as const) {
    const groups = summary.groups.filter((g) => g.checklist === part && g.level === 1);
    if (groups.every((g) => g.counts.score === null)) continue;
    out.push({
      id: part,
      title: part === 'technical' ? S.chartTechnical : S.chartLegal,
      categories: groups.map((g) => `${g.id} ${itemLabel(lang, g.id)}`),
      series: [{ name: part === 'technical' ? S.chartTechnical : S.chartLegal, values: groups.map((g) => g.counts.score) }],
    });
  }
  return out;
}

/** "Bar chart. Kazakhstan: Overall implementation 72.04, …; Asia-Pacific: …." */
export function altText(lang: Lang, c: Pick<ChartData, 'categories' | 'series'>): string {
  const S = REPORT_STRINGS[lang].narrative;
  const series = c.series
    .map((s) => {
      const values = c.categories.map((cat, i) => `${cat} ${s.values[i] === null || s.values[i] === undefined ? S.notGiven : formatNumber(lang, s.values[i]!)}`);
      return c.series.length > 1 ? `${s.name}: ${values.join(', ')}` : values.join(', ');
    })
    .join('; ');
  return fill(S.altBars, { series });
}

/** Draws and rasterises every chart the data calls for. */
export async function renderCharts(dataset: Dataset, lang: Lang, summary: ReadinessSummary, country: string, rasterizer: ChartRasterizer): Promise<Map<ChartId, RenderedChart>> {
  const out = new Map<ChartId, RenderedChart>();
  for (const c of chartData(dataset, lang, summary, country)) {
    const { svg, width, height } = barChartSvg({ categories: c.categories, series: c.series, width: WIDTH, max: 100 });
    const png = await rasterizer.toPng(svg, width * SCALE);
    out.set(c.id, { title: c.title, alt: altText(lang, c), png, width, height });
  }
  return out;
}
