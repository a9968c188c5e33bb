/**
 * Screenshots of the corrections, deletions and documents dialogs (issue #11), in one language:
 *   npm run build:renderer && npx tsx build/take-correction-screenshots.ts kk [1366x768] [out-dir]
 * Imports the seed's bundles as a lead would, then opens each new dialog.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeBundle } from '../shared/bundle';
import { buildSeedDataset } from '../shared/demo/seedDataset';
import { seedFixtures } from '../tests/fixtures/seed';
import { startBrowserBench } from '../tests/bench/browser';

const lang = (process.argv[2] ?? 'kk') as 'kk' | 'ru' | 'en';
const locale = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[lang];
const [width, height] = (process.argv[3] ?? '1366x768').split('x').map(Number) as [number, number];
const outDir = path.resolve(process.argv[4] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

const { dataset, interviewers } = buildSeedDataset(seedFixtures, { withConsolidated: false });
const tmp = mkdtempSync(path.join(tmpdir(), 'rs-shots-'));
const file = path.join(tmp, 'backup.rsb');
writeFileSync(file, await encodeBundle(dataset, { interviewer: interviewers[0]!, deviceId: interviewers[0]!.deviceId, appVersion: '0.1.0', kind: 'backup' }));

const bench = await startBrowserBench();
const context = await bench.browser.newContext({ locale, viewport: { width, height }, deviceScaleFactor: 1 });
const page = await context.newPage();
page.setDefaultTimeout(90_000);
const settle = () => page.evaluate('document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))');
const overflowing = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('dialog[open] *, .undo-toast *, .attachments *')]
      .filter((el) => el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0 && !(el instanceof HTMLInputElement) && !(el instanceof HTMLSelectElement))
      .map((el) => `${el.tagName}.${el.className}`),
  );
const shot = async (name: string) => {
  await settle();
  const out = path.join(outDir, `${lang}-${name}.png`);
  await page.screenshot({ path: out });
  const over = await overflowing();
  console.log('wrote', out, over.length > 0 ? `OVERFLOW: ${over.join(', ')}` : '');
};

await page.goto(bench.baseUrl);
const inputs = page.locator('form input[type=text]');
await inputs.nth(0).fill('Айгерім Сәрсенбаева');
await inputs.nth(1).fill('ЭСКАТО ұлттық кеңесшілер тобы');
await page.locator('form button[type=submit]').click();
await page.getByTestId('home-import').click();
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
await chooser.setFiles([file]);
await page.getByTestId('confirm-import').click();
await page.locator('.interview-card').first().waitFor();

// Correcting an interview: another language, a part removed.
await page.getByTestId('edit-interview').first().click();
const edit = page.getByTestId('edit-interview-dialog');
const languageSelect = edit.locator('select').nth(1);
const current = await languageSelect.inputValue();
await languageSelect.selectOption(current === 'ru' ? 'kk' : 'ru');
const checked = edit.locator('.checkbox-grid input:checked');
if ((await checked.count()) < 2) await edit.locator('.checkbox-grid input:not(:checked)').first().check();
await checked.first().uncheck();
await edit.getByTestId('correction-effects').locator('.notice').nth(1).waitFor();
await shot('15-edit-interview');
await page.keyboard.press('Escape');

// Deleting an interview, then the undo toast.
await page.getByTestId('delete-interview').first().click();
await page.getByTestId('delete-reason').fill('Қате басталған');
await shot('16-delete-interview');
await page.getByTestId('confirm-delete-button').click();
await page.getByTestId('undo-toast').waitFor();
await shot('17-undo-toast');
await page.getByTestId('undo-button').click();

// A stakeholder who took part: explained, not refused.
await page.getByRole('tab').nth(1).click();
await page.getByTestId('delete-stakeholder').first().click();
await page.getByTestId('stakeholder-in-use').waitFor();
await shot('18-stakeholder-in-use');
await page.keyboard.press('Escape');

// Supporting documents on an answer.
await page.getByRole('tab').nth(0).click();
await page.locator('.interview-card button.primary').first().click();
const first = page.locator('.question-card').first();
await first.locator('.card-toggles .toggle-link').first().click();
await first.getByTestId('attachment-input').setInputFiles({ name: 'Электрондық_құжат_туралы_заң.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
await first.getByTestId('attachment-row').waitFor();
await first.getByTestId('attachments').scrollIntoViewIfNeeded();
await shot('19-documents');
await page.locator('.breadcrumbs .link-button').click();

// Deleting the whole assessment.
await page.getByTestId('edit-assessment').click();
await page.getByTestId('edit-assessment-dialog').waitFor();
await shot('20-edit-assessment');
await page.keyboard.press('Escape');
await page.getByTestId('delete-assessment').click();
await page.getByTestId('delete-type-confirm').fill('Қазақстан');
await shot('21-delete-assessment');
await bench.close();
