import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setUpProfile } from './helpers';

/** The interviewers' example bundles from `readiness demo` (real Kazakhstan answers). */
function seedBundles(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-consolidation-'));
  execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', dir], { stdio: 'ignore' });
  return ['1-aigerim-sarsenbayeva.rsb', '2-dmitry-kovalenko.rsb', '3-saule-omarova.rsb'].map((f) => path.join(dir, f));
}

/** One part of a .docx (a zip). */
function docxPart(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

test.use({ locale: 'en-GB', acceptDownloads: true });

test('the lead consolidates a question from every stakeholder answer and the report carries it, in Kazakh', async ({ page }) => {
  test.setTimeout(120_000);
  const files = seedBundles();
  await setUpProfile(page, { name: 'Team Lead', organization: 'ESCAP' });
  await page.getByTestId('home-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles(files);
  await page.getByTestId('confirm-import').click();
  await page.getByRole('tab', { name: 'Consolidation' }).click();

  // A2.1.1: the stakeholders' answers side by side, with who and when, and a draft.
  await page.getByRole('button', { name: /^A2\.1\.1 Has your country implemented electronic customs/ }).click();
  await expect(page.locator('#consolidation-question')).toContainText('A2.1.1');
  const answers = page.getByTestId('stakeholder-answers');
  await expect(answers).toContainText('ASTANA-1');
  await expect(answers.locator('.answer-card').first()).toContainText(/Sarsenbayeva|Kovalenko|Omarova/);
  await expect(page.getByTestId('consolidated-status')).toContainText('Draft');
  const elaboration = page.getByTestId('consolidated-elaboration');
  await expect(elaboration).toHaveValue(/ASTANA-1/);

  // The lead rewrites it and marks it reviewed.
  await elaboration.fill('Since December 2019 IS "ASTANA-1" accepts customs declarations electronically (consolidated by the lead).');
  await page.getByTestId('review-reviewed').check();
  await expect(page.getByTestId('consolidated-status')).toContainText('Saved');
  await expect(page.locator('.toolbar .progress-text')).toContainText(/^1 of \d+ reviewed/);

  // Keyboard flow to the next question, and the "not yet reviewed" filter hides A2.1.1.
  await page.keyboard.press('Alt+PageDown');
  await expect(page.locator('#consolidation-question')).toContainText('A2.1.1.1');
  await page.getByTestId('consolidation-filter').selectOption('unresolved');
  await expect(page.getByRole('button', { name: /^A2\.1\.1 Has your country/ })).toHaveCount(0);

  // The Word report, in Kazakh, carries the consolidated answer.
  await page.getByRole('tab', { name: 'Report' }).click();
  await page.getByTestId('report-language').selectOption('kk');
  // The consolidated answer has no Kazakh translation: the pre-flight lists it; generate with it marked.
  await page.getByTestId('generate-report').click();
  await expect(page.getByTestId('preflight-item').first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preflight-generate-marked').click()]);
  await expect(page.getByTestId('report-done')).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/kk\.docx$/);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rs-report-')), 'r.docx');
  await download.saveAs(file);
  const xml = docxPart(file, 'word/document.xml');
  expect(xml).toContain('consolidated by the lead');
  expect(xml).toContain('III қосымша');
  const styles = docxPart(file, 'word/styles.xml');
  expect(styles).toMatch(/w:lang w:val="kk-KZ"/);

  // With the individual responses annex (streamed into the file by the worker).
  await page.getByLabel(/individual responses/).check();
  await page.getByTestId('generate-report').click();
  const [second] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preflight-generate-marked').click()]);
  const file2 = path.join(mkdtempSync(path.join(tmpdir(), 'rs-report-')), 'r2.docx');
  await second.saveAs(file2);
  const xml2 = docxPart(file2, 'word/document.xml');
  const kk = JSON.parse(readFileSync('locales/kk/report.json', 'utf8')) as { individual: { heading: string } };
  expect(xml2).toContain(kk.individual.heading);
  expect(xml2).toContain('Sarsenbayeva');
  expect(xml2).not.toContain('readiness-individual-responses');
});
