import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DocxEditor, p } from '../unit/questionnaire/helpers';
import { card, createAssessment, pasteStakeholders, setUpProfile, startInterview, waitSaved } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'rs-dataio-'));
const SRC = 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan';

test('export for analysis; a questionnaire out, filled in, read back, reviewed and imported into the wizard', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: SRC, language: 'en', parts: ['techA'] });
  await card(page, 'A1.1').getByLabel('Partially').check();
  await card(page, 'A1.1').locator('textarea').first().fill('=Recorded in the interview; Қазақстан');
  await waitSaved(page);
  await page.locator('.breadcrumbs .link-button').click();
  await page.getByRole('tab', { name: 'Import and export' }).click();

  // Export for analysis: the workbook holds the answer, as text, with its formula start neutralised.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-analysis').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('analysis-result')).toContainText('Saved');
  const xlsxPath = path.join(dir, 'analysis.xlsx');
  await xlsx.saveAs(xlsxPath);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Answers', 'By question', 'Consolidated', 'Readiness summary', 'Stakeholders', 'Columns and codes']);
  const found: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && c.value.includes('Recorded in the interview') && found.push(c.value)));
  expect(found).toEqual(["'=Recorded in the interview; Қазақстан"]);
  await page.getByTestId('analysis-format').selectOption('csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-analysis').click()]);
  const csvPath = path.join(dir, 'answers.csv');
  await csv.saveAs(csvPath);
  const csvText = readFileSync(csvPath, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain("'=Recorded in the interview; Қазақстан");

  // A questionnaire for the interview.
  await page.getByTestId('questionnaire-language').selectOption('en');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('generate-questionnaire').click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const blank = path.join(dir, 'questionnaire.docx');
  await docx.saveAs(blank);

  // The organisation fills it in: A1.1 now Yes (differs from the recorded Partially), A1.2 new.
  const doc = new DocxEditor(new Uint8Array(readFileSync(blank)));
  doc.editOption('A1.1', 'Yes', (x) => x.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '<w:r><w:t>☒</w:t></w:r>'));
  doc.editOption('A1.2', 'Partially', (x) => x.replace('<w:r><w:t xml:space="preserve"> Partially', '<w:r><w:t xml:space="preserve">X</w:t></w:r><w:r><w:t xml:space="preserve"> Partially'));
  doc.setCell('A1.2', 3, p('Written reply: business associations take part.') + p('Customs brokers do not.'));
  const filled = path.join(dir, 'filled.docx');
  writeFileSync(filled, doc.bytes());

  // Import it: the preview shows the new answer and the difference side by side.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-reply').click()]);
  await chooser.setFiles(filled);
  const preview = page.getByTestId('reply-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('reply-row-A1.2')).toContainText('Written reply: business associations take part.');
  const a11 = preview.getByTestId('reply-row-A1.1');
  await expect(a11).toContainText('Partially');
  await expect(a11).toContainText('Yes');
  await expect(a11.getByTestId('use-A1.1-file')).toBeChecked();
  await a11.getByTestId('use-A1.1-recorded').check();
  await page.getByTestId('confirm-reply').click();
  await expect(page.getByTestId('reply-result')).toContainText('Imported 1 answer');

  // The import log records the file; the answers show in the wizard.
  await page.getByTestId('open-replied-interview').click();
  await expect(page.locator('.wizard')).toBeVisible();
  await expect(card(page, 'A1.2').getByLabel('Partially')).toBeChecked();
  await expect(card(page, 'A1.2').locator('textarea').first()).toHaveValue('Written reply: business associations take part.\nCustoms brokers do not.');
  await expect(card(page, 'A1.1').getByLabel('Partially')).toBeChecked();
  await context.close();
});

test('in Kazakh at 1024 px: the panels fit, the reply preview is accessible', async ({ browser }) => {
  test.setTimeout(180_000);
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  const { execFileSync } = await import('node:child_process');
  const demo = mkdtempSync(path.join(tmpdir(), 'rs-dataio-demo-'));
  execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', demo], { stdio: 'ignore' });
  const context = await browser.newContext({ locale: 'kk-KZ', acceptDownloads: true, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await setUpProfile(page);
  await page.getByTestId('home-import').click();
  const [bundles] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await bundles.setFiles(['1-aigerim-sarsenbayeva.rsb', 'lead-consolidated.rsb'].map((f) => path.join(demo, f)));
  await page.getByTestId('confirm-import').click();
  await page.locator('.interview-card').first().waitFor();
  await page.getByRole('tab').nth(2).click();
  await expect(page.getByTestId('generate-questionnaire')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // A pre-filled questionnaire sent back unchanged: every answer reads as recorded.
  await page.getByTestId('questionnaire-language').selectOption('kk');
  await page.getByLabel('Растау үшін жазылған жауаптарды толтыру').check();
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('generate-questionnaire').click()]);
  const file = path.join(demo, 'q.docx');
  await docx.saveAs(file);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-reply').click()]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('reply-preview')).toBeVisible();
  await expect(page.getByTestId('reply-preview')).toContainText('0 жаңа жауап');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByTestId('confirm-reply').click();
  await expect(page.getByTestId('reply-result')).toContainText('ештеңе қоспайды');
  await context.close();
});
