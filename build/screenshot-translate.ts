/**
 * Screenshots of the Translate area (README, docs/screenshots), from the demo bundles:
 *   npm run build:renderer && npx tsx build/screenshot-translate.ts kk [1366x768] [out-dir]
 * The lead translates two answers into Russian, so the list shows translated, reviewed and
 * missing texts side by side; then an outdated one is not staged (the demo has none).
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startBrowserBench } from '../tests/bench/browser';

const lang = (process.argv[2] ?? 'kk') as 'kk' | 'ru' | 'en';
const locale = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[lang];
const [width, height] = (process.argv[3] ?? '1366x768').split('x').map(Number) as [number, number];
const outDir = path.resolve(process.argv[4] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

const dir = mkdtempSync(path.join(tmpdir(), 'rs-shot-translate-'));
execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', dir], { stdio: 'ignore' });
const files = readdirSync(dir).filter((f) => f.endsWith('.rsb')).sort().map((f) => path.join(dir, f));

const bench = await startBrowserBench();
const context = await bench.browser.newContext({ locale, viewport: { width, height }, deviceScaleFactor: 1 });
const page = await context.newPage();
page.setDefaultTimeout(90_000);
const settle = () => page.evaluate('document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))');
const shot = async (name: string) => {
  await settle();
  const file = path.join(outDir, `${lang}-${name}.png`);
  await page.screenshot({ path: file });
  console.log('wrote', file);
};

await page.goto(bench.baseUrl);
const inputs = page.locator('form input[type=text]');
await inputs.nth(0).fill('Айгерім Сәрсенбаева');
await inputs.nth(1).fill('ЭСКАТО');
await page.locator('form button[type=submit]').click();
await page.getByTestId('home-import').click();
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
await chooser.setFiles(files);
await page.getByTestId('confirm-import').click();
await page.locator('.interview-card').first().waitFor();
await page.getByRole('tab').nth(5).click();
await page.getByTestId('translate-lang').selectOption('ru');
await page.getByTestId('translate-filter-part').selectOption('answers');
await page.getByTestId('translate-filter-group').selectOption('A1');
await page.getByTestId('translate-target').first().fill('Отдельной структуры управления безбумажной торговлей нет.\nВ 2018 году во исполнение Соглашения ВТО об упрощении процедур торговли создан Национальный комитет по упрощению процедур торговли.');
await page.getByTestId('translate-target').first().press('Control+Enter');
await page.locator('[data-unit="consolidated:A1.1_elaboration"] [data-testid="unit-state"]').filter({ hasText: /./ }).waitFor();
await page.locator('body').click({ position: { x: 5, y: 5 } });
await page.locator('.translate-progress').evaluate((el) => el.scrollIntoView({ block: 'start' }));
await shot('15-translate');
// The report's pre-flight in Russian: what has no translation, with links.
await page.getByRole('tab').nth(4).click();
await page.getByTestId('report-language').selectOption('ru');
await page.getByTestId('generate-report').click();
await page.getByTestId('report-preflight').waitFor();
await page.getByTestId('report-preflight').evaluate((el) => el.scrollIntoView({ block: 'start' }));
await shot('16-report-preflight');
await context.close();
await bench.close();
