/**
 * Translations: the units of the demo (en → ru) and of a 60-interview assessment, XLIFF
 * export and import (the check of every unit), XLSX export, and the pre-flight.
 */
import type { BenchRow } from './run';

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function translationBenchmark(): Promise<BenchRow[]> {
  const { translationUnits, exportXliff, importXliff, untranslated } = await import('../../shared/translation');
  const { writeTranslationWorkbook } = await import('../../shared/translation/xlsx');
  const ExcelJS = (await import('exceljs')).default;
  const { buildSeedDataset } = await import('../../shared/demo/seedDataset');
  const { seedFixtures } = await import('../fixtures/seed');
  const { syntheticDataset } = await import('../unit/report/helpers');
  const demo = buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true }).dataset;
  const large = { ...syntheticDataset(60, true), texts: demo.texts };
  const rows: BenchRow[] = [];
  for (const [label, dataset] of [
    ['demo', demo],
    ['60 interviews', large],
  ] as const) {
    const time = (f: () => unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s = performance.now();
        f();
        times.push(performance.now() - s);
      }
      return median(times);
    };
    // A fresh object each time: the text index is cached per texts array.
    const units = translationUnits(dataset, 'ru');
    rows.push({ name: `${label}: translation units (${units.length})`, value: `${time(() => translationUnits({ ...dataset, texts: [...dataset.texts] }, 'ru')).toFixed(0)} ms` });
    const xml = exportXliff(dataset, 'ru', units);
    rows.push({ name: `${label}: XLIFF export (${(xml.length / 1024).toFixed(0)} KiB)`, value: `${time(() => exportXliff(dataset, 'ru', units)).toFixed(0)} ms` });
    rows.push({ name: `${label}: XLIFF import check`, value: `${time(() => importXliff({ ...dataset, texts: [...dataset.texts] }, xml)).toFixed(0)} ms` });
    rows.push({ name: `${label}: report pre-flight`, value: `${time(() => untranslated({ ...dataset, texts: [...dataset.texts] }, 'ru')).toFixed(0)} ms` });
    const s = performance.now();
    const wb = new ExcelJS.Workbook();
    writeTranslationWorkbook(wb, dataset, 'ru', units);
    const bytes = await wb.xlsx.writeBuffer();
    rows.push({ name: `${label}: XLSX export (${(bytes.byteLength / 1024).toFixed(0)} KiB)`, value: `${(performance.now() - s).toFixed(0)} ms` });
  }
  return rows;
}
