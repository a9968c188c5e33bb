/**
 * The Translate area: two consolidated answers and one finding translated into Kazakh in
 * the translation view (Ctrl+Enter saves and moves on), then the kk report: the pre-flight
 * lists the rest as missing, the report is generated with them marked, and the translated
 * texts are in Kazakh in their rows and sections (not marked).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { setUpProfile, importFromHome } from './helpers';

function demoBundles(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-translate-'));
  execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', dir], { stdio: 'ignore' });
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rsb'))
    .sort()
    .map((f) => path.join(dir, f));
}

function docxPart(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The Word table row (<w:tr> … </w:tr>) holding `text`, as plain text. */
function rowOf(xml: string, text: string): string {
  const at = xml.indexOf(text);
  if (at < 0) return '';
  const start = xml.lastIndexOf('<w:tr>', at) >= 0 ? xml.lastIndexOf('<w:tr>', at) : xml.lastIndexOf('<w:tr ', at);
  const end = xml.indexOf('</w:tr>', at);
  return xml.slice(start, end).replace(/<[^>]+>/g, ' ');
}

async function translate(page: Page, search: string, text: string) {
  await page.getByTestId('translate-search').fill(search);
  const unit = page.getByTestId('translate-unit').first();
  await expect(unit).toBeVisible();
  const target = unit.getByTestId('translate-target');
  await target.fill(text);
  await target.press('Control+Enter');
  await expect(unit.getByTestId('unit-state')).toHaveText('Translated');
}

test.use({ locale: 'en-GB', acceptDownloads: true });

test('translate two answers and a finding into Kazakh; the kk report prints them, the pre-flight lists the rest', async ({ page }) => {
  test.setTimeout(240_000);
  await setUpProfile(page, { name: 'Team Lead', organization: 'ESCAP' });
  await importFromHome(page, demoBundles());
  await page.getByRole('tab', { name: 'Translate' }).click();
  await page.getByTestId('translate-lang').selectOption('kk');
  const progress = page.getByTestId('translate-progress');
  await expect(progress).toContainText(/translated into Kazakh/);
  const before = Number(/^(\d+) of/.exec((await progress.textContent()) ?? '')![1]);

  // Ctrl+Enter saves and moves the focus to the next text.
  await page.getByTestId('translate-filter-part').selectOption('answers');
  await translate(page, 'A1.3', 'Қазақстан Республикасының Сауда және интеграция министрі');
  await translate(page, 'A2.1.1.5', 'Тауарларды 100% электрондық декларациялау');
  await page.getByTestId('translate-filter-part').selectOption('narrative');
  await translate(page, 'Findings A1', 'Қазақстанда қағазсыз сауданы реттейтін институционалдық орта біртұтас емес (A1.1).');
  await expect(progress).toContainText(new RegExp(`^${before + 3} of`));
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);

  // The missing filter no longer shows them.
  await page.getByTestId('translate-search').fill('');
  await page.getByTestId('translate-filter-part').selectOption('all');
  await page.getByTestId('translate-filter-state').selectOption('missing');
  await expect(page.locator('[data-unit="consolidated:A1.3_elaboration"]')).toHaveCount(0);

  // The kk report: the pre-flight lists the rest as missing.
  await page.getByRole('tab', { name: 'Report' }).click();
  await page.getByTestId('report-sections').selectOption('full');
  await page.getByTestId('report-language').selectOption('kk');
  await page.getByTestId('generate-report').click();
  const preflight = page.getByTestId('report-preflight');
  await expect(preflight).toBeVisible();
  await expect(preflight.getByRole('heading')).toContainText(/\d+ texts have no current translation into Kazakh/);
  await expect(preflight.locator('[data-unit="consolidated:A1.1_elaboration"]')).toContainText('Missing');
  await expect(preflight.locator('[data-unit="consolidated:A1.3_elaboration"]')).toHaveCount(0);
  await expect(preflight.locator('[data-unit="finding:A1_body"]')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 200_000 }), page.getByTestId('preflight-generate-marked').click()]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rs-translate-')), 'kk.docx');
  await download.saveAs(file);
  const xml = docxPart(file, 'word/document.xml');
  // The two answers in their rows, unmarked; the finding in its section.
  const row13 = rowOf(xml, 'Қазақстан Республикасының Сауда және интеграция министрі');
  expect(row13).toContain('A1.3');
  expect(row13).not.toContain('[en]');
  expect(rowOf(xml, 'Тауарларды 100% электрондық декларациялау')).toContain('A2.1.1.5');
  const finding = xml.indexOf('Қазақстанда қағазсыз сауданы реттейтін институционалдық орта біртұтас емес');
  expect(finding).toBeGreaterThan(0);
  const headingBefore = xml.slice(0, finding).lastIndexOf('Heading3');
  expect(xml.slice(headingBefore, finding).replace(/<[^>]+>/g, '')).toMatch(/III\.A\.1\./);
  // The rest is marked.
  expect(xml).toContain('[en] There is no separate governance');
});

test('one at a time, and the import of a hostile file is refused with a message', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpProfile(page, { name: 'Team Lead', organization: 'ESCAP' });
  await importFromHome(page, demoBundles());
  await page.getByRole('tab', { name: 'Translate' }).click();
  await page.getByTestId('translate-lang').selectOption('ru');
  await page.getByTestId('translate-view').selectOption('single');
  await expect(page.getByText(/^Text 1 of \d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText(/^Text 2 of \d+$/)).toBeVisible();

  await page.getByTestId('import-translation').setInputFiles({
    name: 'lol.xlf',
    mimeType: 'application/xml',
    buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u"><segment><source>&b;</source></segment></unit></file></xliff>'),
  });
  await expect(page.getByTestId('translate-file-message')).toContainText('nothing was changed');
  await expect(page.getByTestId('translate-file-message')).toContainText('DOCTYPE');

  // The source language is set here: the other report languages become the targets.
  await page.getByTestId('translate-source-lang').selectOption('ru');
  await expect(page.getByTestId('translate-lang').locator('option')).toHaveText(['English', 'Қазақша']);
});
