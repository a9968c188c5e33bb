import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { card, createAssessment, pasteStakeholders, setUpProfile, startInterview, waitSaved } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'rs-e2e-'));

async function profilePage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await setUpProfile(page, { name, organization: 'ESCAP' });
  return page;
}

/** Clicks an export button and returns where the downloaded bundle was saved. */
async function exportBundle(page: Page, testId: 'export-mine' | 'export-all', file: string): Promise<string> {
  await page.getByRole('tab', { name: 'Import and export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  expect(download.suggestedFilename()).toMatch(/^readiness-.*\d{4}-\d{2}-\d{2}\.rsb$/);
  const target = path.join(dir, file);
  await download.saveAs(target);
  // The app writes format 2 containers (a ZIP: PK\x03\x04).
  expect([...readFileSync(target).subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]);
  return target;
}

async function importFiles(page: Page, files: string[]) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles(files);
  await expect(page.getByTestId('import-review')).toBeVisible();
}

async function editA11(page: Page, text: string) {
  await card(page, 'A1.1').locator('textarea').first().fill(text);
  await waitSaved(page);
  await page.locator('.breadcrumbs .link-button').click();
}

test('two interviewers export, the lead imports both, resolves the conflict, and a re-import changes nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  // Interviewer A records an answer and sends a first bundle.
  const a = await profilePage(browser, 'Aigerim Sarsenbayeva');
  await createAssessment(a);
  await pasteStakeholders(a);
  await startInterview(a, { organization: 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan', language: 'en', parts: ['techA'] });
  await card(a, 'A1.1').getByLabel('Partially').check();
  await editA11(a, 'The National Committee on Trade Facilitation coordinates.');
  const a1 = await exportBundle(a, 'export-mine', 'a1.rsb');

  // Interviewer B takes over: imports A's bundle, adds to the same answer, exports.
  const b = await profilePage(browser, 'Dmitry Kovalenko');
  await b.getByTestId('home-import').click();
  await importFiles(b, [a1]);
  await b.getByTestId('confirm-import').click();
  await expect(b.getByRole('tab', { name: 'Interviews' })).toBeVisible();
  await b.locator('.interview-card button.primary').click();
  await editA11(b, 'The Committee coordinates; its working body is the Ministry of Trade and Integration.');
  const bFile = await exportBundle(b, 'export-all', 'b.rsb');

  // Meanwhile A edits the same answer again: a second head.
  await a.getByRole('tab', { name: 'Interviews' }).click();
  await a.locator('.interview-card button.primary').click();
  await editA11(a, 'There is no separate governance structure for paperless trade.');
  const a2 = await exportBundle(a, 'export-mine', 'a2.rsb');

  // The lead imports both at once.
  const lead = await profilePage(browser, 'Team Lead');
  await lead.getByTestId('home-import').click();
  await importFiles(lead, [a2, bFile]);
  await expect(lead.getByTestId('import-summary')).toContainText('1 new conflict to review');
  await lead.getByTestId('confirm-import').click();
  await lead.getByRole('tab', { name: 'Import and export' }).click();
  const conflictList = lead.getByTestId('conflict-list');
  await expect(conflictList.locator('li')).toHaveCount(1);
  await expect(conflictList).toContainText('A1.1');
  await conflictList.getByRole('button').click();
  const dialog = lead.getByTestId('conflict-dialog');
  await expect(dialog).toContainText('Aigerim Sarsenbayeva');
  await expect(dialog).toContainText('Dmitry Kovalenko');
  await expect(dialog).toContainText('There is no separate governance structure for paperless trade.');
  await expect(dialog).toContainText('its working body is the Ministry of Trade and Integration.');
  // Resolve with a combined answer: a new revision whose parents are both heads.
  await dialog.locator('textarea').fill('No separate structure; the National Committee on Trade Facilitation coordinates, with the Ministry of Trade and Integration as its working body.');
  await dialog.getByTestId('save-combined').click();
  await expect(lead.getByText('No conflicts: every answer has one current version.')).toBeVisible();
  await expect(lead.getByTestId('import-log').locator('tbody tr')).toHaveCount(2);

  // Re-importing the same files adds nothing and brings no conflict back.
  await importFiles(lead, [a2, bFile]);
  await expect(lead.getByTestId('import-summary')).toContainText('Together: nothing new');
  await lead.getByTestId('confirm-import').click();
  await expect(lead.getByTestId('import-result')).toBeVisible();
  await expect(lead.getByText('No conflicts: every answer has one current version.')).toBeVisible();
  await lead.getByRole('tab', { name: 'Interviews' }).click();
  await lead.locator('.interview-card button.primary').click();
  await expect(card(lead, 'A1.1').locator('textarea').first()).toHaveValue(/working body/);
});

test('bad files are named and explained, and nothing is written', async ({ browser }) => {
  const page = await profilePage(browser, 'Team Lead');
  const notJson = path.join(dir, 'notes.rsb');
  writeFileSync(notJson, 'these are my interview notes');
  const foreign = path.join(dir, 'package.rsb');
  writeFileSync(foreign, JSON.stringify({ name: 'something', version: '1.0.0' }));
  const hostile = path.join(dir, 'hostile.rsb');
  writeFileSync(hostile, '{"format":"readiness-studio-bundle","formatVersion":1,"__proto__":{"polluted":true},"manifest":{}}');
  await page.getByTestId('home-import').click();
  await importFiles(page, [notJson, foreign, hostile]);
  const errors = page.getByTestId('import-error');
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText('notes.rsb');
  await expect(errors.nth(1)).toContainText('package.rsb');
  await expect(errors.nth(2)).toContainText('hostile.rsb');
  await expect(page.getByTestId('confirm-import')).toBeDisabled();
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  await page.keyboard.press('Escape');
  await expect(page.getByText('No assessments yet', { exact: false })).toBeVisible();
});
