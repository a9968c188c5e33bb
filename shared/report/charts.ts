/**
 * The report's charts: Apache ECharts draws them as SVG (server-side rendering, no DOM),
 * an injected rasteriser turns the SVG into the PNG Word needs. No chart geometry is
 * written here: only the data and the chart options.
 *
 * shared/ loads no files: the rasteriser (resvg's WebAssembly and the fonts) is created
 * by the caller — the CLI and Node tests from node_modules (cli/rasterizer.ts), the app's
 * report worker from Vite assets — with `createResvgRasterizer` (./rasterizer.ts).
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** SVG → PNG at `width` pixels (the height follows the SVG's aspect ratio). */
export interface ChartRasterizer {
  toPng(svg: string, width: number): Uint8Array | Promise<Uint8Array>;
}

/** The font the charts are drawn with: the rasteriser must be given it (it covers the Kazakh letters). */
export const CHART_FONT = 'DejaVu Sans';

/** One series of a bar chart; null values draw no bar. */
export interface BarSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface BarChartSpec {
  /** Category labels, top to bottom. */
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** Width in CSS pixels (the image's size in the document at 96 dpi). */
  readonly width: number;
  /** Value axis maximum (100 for rates and scores). */
  readonly max?: number;
}

// Colour-blind-safe palette (Okabe–Ito), dark first so a single series prints well in grey.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

function wrap(label: string, width: number): string {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Height that gives each category room for its bars and a two-line label. */
export function barChartHeight(spec: Pick<BarChartSpec, 'categories' | 'series'>): number {
  const perCategory = Math.max(30, 12 + 14 * spec.series.length);
  const legend = spec.series.length > 1 ? 34 : 0;
  return Math.round(40 + legend + perCategory * spec.categories.length);
}

/** A horizontal bar chart (categories down the side, values 0–max along the bottom) as SVG. */
export function barChartSvg(spec: BarChartSpec): { svg: string; width: number; height: number } {
  const width = spec.width;
  const height = barChartHeight(spec);
  const labelWidth = Math.round(width * 0.36);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const option: EChartsCoreOption = {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT, fontSize: 11, color: '#222222' },
    legend: spec.series.length > 1 ? { top: 4, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { fontFamily: CHART_FONT, fontSize: 11 } } : { show: false },
    grid: { left: labelWidth, right: 40, top: spec.series.length > 1 ? 34 : 8, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: spec.max ?? 100, splitNumber: 5, axisLabel: { fontFamily: CHART_FONT, fontSize: 10 }, splitLine: { lineStyle: { color: '#dddddd' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: spec.categories.map((c) => wrap(c, Math.max(16, Math.floor(labelWidth / 6.5)))),
      axisTick: { show: false },
      axisLabel: { fontFamily: CHART_FONT, fontSize: 10, lineHeight: 12, width: labelWidth - 8, overflow: 'break' },
    },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) => (v === null ? '-' : v)),
      barMaxWidth: 16,
      label: { show: true, position: 'right', fontFamily: CHART_FONT, fontSize: 9, formatter: (p: { value: number | string }) => (typeof p.value === 'number' ? String(Math.round(p.value * 100) / 100) : '') },
    })),
  };
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, width, height };
}
