/**
 * The report's charts in the app: the same ECharts SVG the Word report rasterises
 * (shared/report/chartImages.ts), shown as an <img> from an SVG data URL with the same
 * alt text (which states every figure). Loaded on demand: ECharts is large.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { readinessSummary } from '../../../shared/consolidation';
import type { Lang } from '../../../shared/i18n';
import type { Dataset } from '../../../shared/model/types';
import { countryName } from '../../../shared/narrative';
import { barChartSvg } from '../../../shared/report/charts';
import { altText, chartData } from '../../../shared/report/chartImages';

const WIDTH = 640;

export default function Charts(props: { dataset: Dataset; lang: Lang; which: 'readiness' | 'survey' }) {
  const { t } = useTranslation();
  const { dataset, lang, which } = props;
  const charts = useMemo(() => {
    const summary = readinessSummary(dataset);
    const wanted = which === 'readiness' ? ['technical', 'legal'] : ['comparison', 'overTime'];
    return chartData(dataset, lang, summary, countryName(dataset, lang))
      .filter((c) => wanted.includes(c.id))
      .map((c) => {
        const { svg, width, height } = barChartSvg({ categories: c.categories, series: c.series, width: WIDTH, max: 100 });
        return { id: c.id, title: c.title, alt: altText(lang, c), src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width, height };
      });
  }, [dataset, lang, which]);
  if (charts.length === 0) return which === 'survey' ? <p className="muted">{t('writing.survey.noChart')}</p> : null;
  return (
    <section className="card panel charts" aria-labelledby={`charts-${which}`}>
      <h2 id={`charts-${which}`}>{t(which === 'readiness' ? 'writing.chartsReadiness' : 'writing.chartsSurvey')}</h2>
      <div className="chart-grid">
        {charts.map((c) => (
          <figure key={c.id} className="chart" data-testid={`chart-${c.id}`}>
            <img src={c.src} alt={c.alt} width={c.width} height={c.height} />
            <figcaption>{c.title}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
