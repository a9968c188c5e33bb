/**
 * Supporting documents (issue #11): a PDF attached to an answer travels in the exported
 * bundle (format 2 container), is imported on a second profile (a new browser context),
 * opens as a download (the web app never renders it), and the report cites it as [D1] with
 * the annex of documents received. A document on the lead's consolidated answer is cited
 * in that question's Annex III row and travels in the lead's bundle.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { card, createAssessment, importFromHome, pasteStakeholders, setUpProfile, startInterview, waitSaved } from './helpers';

const SRC = 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan';
const dir = mkdtempSync(path.join(tmpdir(), 'rs-attachments-'));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function profilePage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await setUpProfile(page, { name, organization: 'ESCAP' });
  return page;
}

async function openDocuments(page: Page) {
  await card(page, 'A1.1').getByRole('button', { name: 'Documents and notes' }).click();
  return card(page, 'A1.1').getByTestId('attachments');
}

test('a PDF attached to an answer is exported, imported on a second profile, opened as a download and cited as [D1]', async ({ browser }) => {
  test.setTimeout(240_000);
  const a = await profilePage(browser, 'Aigerim Sarsenbayeva');
  await createAssessment(a);
  await pasteStakeholders(a);
  await startInterview(a, { organization: SRC, language: 'en', parts: ['techA'] });
  await card(a, 'A1.1').getByLabel('Partially').check();
  await waitSaved(a);
  const docs = await openDocuments(a);
  await docs.getByTestId('attachment-input').setInputFiles({ name: 'Law_on_Electronic_Document.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(docs.getByTestId('attachment-message')).toContainText('attached');
  await expect(docs.getByTestId('attachment-row')).toHaveCount(1);
  await expect(docs.getByTestId('attachment-title')).toHaveValue('Law on Electronic Document');
  // The same file again: stored once, one row.
  await docs.getByTestId('attachment-input').setInputFiles({ name: 'copy.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(docs.getByTestId('attachment-message')).toContainText('already stored');
  await expect(docs.getByTestId('attachment-row')).toHaveCount(1);
  expect((await new AxeBuilder({ page: a }).include('[data-item-id="A1.1"]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await a.locator('.breadcrumbs .link-button').click();
  await a.getByRole('tab', { name: 'Import and export' }).click();
  const [download] = await Promise.all([a.waitForEvent('download'), a.getByTestId('export-all').click()]);
  const bundle = path.join(dir, 'with-pdf.rsb');
  await download.saveAs(bundle);
  // The PDF travels as its own entry, by hash, not inside the JSON.
  expect(execFileSync('unzip', ['-l', bundle], { encoding: 'utf8' })).toMatch(/[0-9a-f]{64}/);

  // A second profile imports it.
  const lead = await profilePage(browser, 'Team Lead');
  await lead.getByTestId('home-import').click();
  const [chooser] = await Promise.all([lead.waitForEvent('filechooser'), lead.getByTestId('choose-files').click()]);
  await chooser.setFiles([bundle]);
  await expect(lead.getByTestId('import-review')).toBeVisible();
  await lead.getByTestId('confirm-import').click();
  await expect(lead.getByRole('tab', { name: 'Interviews' })).toBeVisible();
  await lead.locator('.interview-card button.primary').click();
  // The card says the answer has documents: its "Documents and notes" opens by itself.
  await expect(card(lead, 'A1.1').getByRole('button', { name: 'Documents and notes' })).toHaveAttribute('aria-expanded', 'true');
  const leadDocs = card(lead, 'A1.1').getByTestId('attachments');
  await expect(leadDocs.getByTestId('attachment-title')).toHaveValue('Law on Electronic Document');
  // Opened in the web app = downloaded, byte for byte.
  const [opened] = await Promise.all([lead.waitForEvent('download'), leadDocs.getByTestId('attachment-open').click()]);
  expect(opened.suggestedFilename()).toBe('Law_on_Electronic_Document.pdf');
  const openedPath = path.join(dir, 'opened.pdf');
  await opened.saveAs(openedPath);
  expect(readFileSync(openedPath).equals(PDF)).toBe(true);
  // Nothing was rendered in the app: still one page, on the app's own URL.
  expect(lead.context().pages()).toHaveLength(1);

  // The report cites it.
  await lead.locator('.breadcrumbs .link-button').click();
  await lead.getByRole('tab', { name: 'Report' }).click();
  const [report] = await Promise.all([lead.waitForEvent('download', { timeout: 150_000 }), lead.getByTestId('generate-report').click()]);
  const docx = path.join(dir, 'report.docx');
  await report.saveAs(docx);
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(xml.includes(' [D1]</w:t>')).toBe(true);
  expect(xml.includes('Annex: documents received')).toBe(true);
  expect(xml.includes('Law on Electronic Document')).toBe(true);
});

test('a file over this computer’s limit is refused with the limit named, and nothing is attached', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpProfile(page);
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  await page.getByTestId('attachment-limit').fill('1');
  await page.locator('dialog button[type=submit]').click();
  await expect(page.locator('dialog')).toHaveCount(0);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: SRC, language: 'en', parts: ['techA'] });
  const docs = await openDocuments(page);
  await docs.getByTestId('attachment-input').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(1_500_000, 0x25) });
  await expect(docs.getByTestId('attachment-message')).toContainText('larger than 1 MB');
  await expect(docs.getByTestId('attachment-row')).toHaveCount(0);
});

test('a document attached to the lead’s consolidated answer is cited in Annex III and travels in the lead’s bundle', async ({ browser }) => {
  test.setTimeout(240_000);
  const demo = mkdtempSync(path.join(tmpdir(), 'rs-attachments-demo-'));
  execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', demo], { stdio: 'ignore' });
  const lead = await profilePage(browser, 'Team Lead');
  await importFromHome(lead, ['1-aigerim-sarsenbayeva.rsb', '2-dmitry-kovalenko.rsb', '3-saule-omarova.rsb'].map((f) => path.join(demo, f)));
  await lead.getByRole('tab', { name: 'Consolidation' }).click();
  await lead.getByRole('button', { name: /^A2\.1\.1 Has your country implemented electronic customs/ }).click();
  await expect(lead.locator('#consolidation-question')).toContainText('A2.1.1');

  const editor = lead.locator('section', { has: lead.getByTestId('consolidated-elaboration') }).getByTestId('attachments');
  await editor.getByTestId('attachment-input').setInputFiles({ name: 'ASTANA-1_regulation.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(editor.getByTestId('attachment-row')).toHaveCount(1);
  await expect(editor.getByTestId('attachment-title')).toHaveValue('ASTANA-1 regulation');

  // The report cites it in the row of A2.1.1 and lists it in the annex of documents received.
  await lead.getByRole('tab', { name: 'Report' }).click();
  const [report] = await Promise.all([lead.waitForEvent('download', { timeout: 150_000 }), lead.getByTestId('generate-report').click()]);
  const docx = path.join(dir, 'consolidated-report.docx');
  await report.saveAs(docx);
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const row = xml.slice(xml.indexOf('>A2.1.1<'), xml.indexOf('>A2.1.1.1<'));
  expect(row).toContain('[D1]');
  expect(xml.includes('Annex: documents received')).toBe(true);
  expect(xml.includes('ASTANA-1 regulation')).toBe(true);

  // The lead's bundle carries it: a second profile sees it on the same consolidated answer.
  await lead.getByRole('tab', { name: 'Import and export' }).click();
  const [download] = await Promise.all([lead.waitForEvent('download'), lead.getByTestId('export-all').click()]);
  const bundle = path.join(dir, 'lead.rsb');
  await download.saveAs(bundle);
  const other = await profilePage(browser, 'Second Reader');
  await importFromHome(other, [bundle]);
  await other.getByRole('tab', { name: 'Consolidation' }).click();
  await other.getByRole('button', { name: /^A2\.1\.1 Has your country implemented electronic customs/ }).click();
  await expect(other.locator('section', { has: other.getByTestId('consolidated-elaboration') }).getByTestId('attachment-title')).toHaveValue('ASTANA-1 regulation');
});
