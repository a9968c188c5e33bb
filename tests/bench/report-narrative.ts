/**
 * The full report (all sections, charts): the demo with the seed's narrative, and a
 * 60-interview assessment with the same narrative; what the chart rasteriser adds.
 */
import type { BenchRow } from './run';

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function narrativeReportBenchmark(): Promise<BenchRow[]> {
  const { buildReport } = await import('../../shared/report');
  const { renderCharts } = await import('../../shared/report/chartImages');
  const { readinessSummary } = await import('../../shared/consolidation');
  const { buildSeedDataset } = await import('../../shared/demo/seedDataset');
  const { seedFixtures } = await import('../fixtures/seed');
  const { syntheticDataset } = await import('../unit/report/helpers');
  const { nodeRasterizer } = await import('../../cli/rasterizer');

  const demo = buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true }).dataset;
  const t0 = performance.now();
  const rasterizer = await nodeRasterizer();
  const init = performance.now() - t0;

  const timed = async (dataset: typeof demo, n: number, withCharts = true) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const copy = { ...dataset }; // the consolidation index is cached per dataset object
      const s = performance.now();
      await buildReport(copy, { lang: 'kk', sections: 'full', ...(withCharts ? { rasterizer } : {}) });
      times.push(performance.now() - s);
    }
    return times;
  };
  const demoTimes = await timed(demo, 3);
  const demoNoCharts = await timed(demo, 3, false);

  const big = syntheticDataset(60, true);
  const withNarrative = { ...big, texts: demo.texts, stakeholders: [...big.stakeholders, ...demo.stakeholders.filter((s) => s.workshop)] };
  const bigTimes = await timed(withNarrative, 3);

  const chartTimes: number[] = [];
  const summary = readinessSummary(demo);
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    await renderCharts(demo, 'kk', summary, 'Қазақстан', rasterizer);
    chartTimes.push(performance.now() - s);
  }
  return [
    { name: 'demo report, all sections and charts: first build', value: `${demoTimes[0]!.toFixed(0)} ms`, goal: '≤ 2 s' },
    { name: 'demo report, all sections and charts: median of 3', value: `${median(demoTimes).toFixed(0)} ms`, goal: '≤ 2 s' },
    { name: `60 interviews (${withNarrative.answers.length} answers) with the full narrative: median of 3`, value: `${median(bigTimes).toFixed(0)} ms`, goal: '≤ 3 s' },
    { name: 'chart rasteriser: WebAssembly and fonts, once per process', value: `${init.toFixed(0)} ms` },
    { name: 'chart rasteriser: the demo charts (3), median of 3', value: `${median(chartTimes).toFixed(0)} ms`, goal: '≤ 500 ms' },
    { name: 'demo report without charts: median of 3', value: `${median(demoNoCharts).toFixed(0)} ms` },
  ];
}
