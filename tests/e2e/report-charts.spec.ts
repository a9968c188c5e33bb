/**
 * The full report built in the web app's worker: the chart rasteriser (resvg WebAssembly
 * and DejaVu fonts, fetched as assets under the app's CSP) draws the readiness charts and
 * the .docx carries them as PNG images with alt text.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setUpProfile } from './helpers';

function seedBundles(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-charts-'));
  execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', dir], { stdio: 'ignore' });
  return ['1-aigerim-sarsenbayeva.rsb', '2-dmitry-kovalenko.rsb', '3-saule-omarova.rsb'].map((f) => path.join(dir, f));
}

function unzip(flag: '-l' | '-p', file: string, ...parts: string[]): string {
  return execFileSync('unzip', [flag, file, ...parts], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

test.use({ locale: 'en-GB', acceptDownloads: true });

test('the full report built in the browser holds the charts as PNG images with alt text', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await setUpProfile(page, { name: 'Team Lead', organization: 'ESCAP' });
  await page.getByTestId('home-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles(seedBundles());
  await page.getByTestId('confirm-import').click();
  await page.getByRole('tab', { name: 'Report' }).click();
  await page.getByTestId('report-sections').selectOption('full');
  await page.getByTestId('report-language').selectOption('kk');
  // The pre-flight lists the names with no Kazakh translation; generate with them marked.
  await page.getByTestId('generate-report').click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 150_000 }), page.getByTestId('preflight-generate-marked').click()]);
  await expect(page.getByTestId('report-done')).toBeVisible();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rs-charts-')), 'r.docx');
  await download.saveAs(file);
  const listing = unzip('-l', file);
  const images = listing.match(/word\/media\/[^\s]+\.png/g) ?? [];
  expect(images.length).toBeGreaterThanOrEqual(2); // technical and legal readiness by area
  const png = execFileSync('unzip', ['-p', file, images[0]!]);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const xml = unzip('-p', file, 'word/document.xml');
  // Alt text states the figures, in Kazakh.
  expect(xml).toMatch(/<wp:docPr [^>]*descr="Бағаналы диаграмма\. [^"]*A1 /);
  expect(errors.filter((e) => /wasm|Content Security Policy|CompileError/i.test(e))).toEqual([]);
});
