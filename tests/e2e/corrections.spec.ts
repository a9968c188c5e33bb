/**
 * Corrections and deletions (issue #11): an interview's language and parts corrected (the
 * answers kept, and hidden while their part is not covered), an interview deleted and
 * undone (button and Ctrl+Z), and merged duplicate stakeholders that an old bundle does not
 * bring back. The new dialogs are checked with axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { card, createAssessment, pasteStakeholders, setUpProfile, startInterview, waitSaved } from './helpers';

const SRC = 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan';
const MTI = 'Ministry of trade and integration of the Republic of Kazakhstan';
const dir = mkdtempSync(path.join(tmpdir(), 'rs-corrections-'));

test.use({ locale: 'en-GB', acceptDownloads: true });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

async function backToInterviews(page: Page) {
  await page.locator('.breadcrumbs .link-button').click();
  await page.getByRole('tab', { name: 'Interviews' }).click();
}

test('an interview’s language and parts are corrected: answers are kept, hidden while their part is not covered', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: SRC, language: 'en', parts: ['techA', 'legalI'] });
  await card(page, 'A1.1').getByLabel('Partially').check();
  await waitSaved(page);
  await page.locator('.breadcrumbs .link-button').click();

  const interviewCard = page.locator('.interview-card');
  await interviewCard.getByTestId('edit-interview').click();
  const dialog = page.getByTestId('edit-interview-dialog');
  await expect(dialog.locator('select').first()).toHaveValue(SRC);
  await dialog.getByLabel('Interview language').selectOption('ru');
  await dialog.getByLabel('Technical A: national', { exact: false }).uncheck();
  const effects = dialog.getByTestId('correction-effects');
  await expect(effects).toContainText('does not translate them');
  await expect(effects).toContainText('kept but hidden');
  expect(await seriousViolations(page), 'edit interview dialog').toEqual([]);
  // Same rules as at creation: no part at all is refused, with the reason shown.
  await dialog.locator('.checkbox-grid input:checked').uncheck();
  await expect(dialog.getByTestId('interview-problems')).toContainText('at least one part');
  await expect(dialog.getByTestId('interview-save')).toBeDisabled();
  await dialog.getByLabel('Legal I: electronic', { exact: false }).check();
  await dialog.getByTestId('interview-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('interviews-message')).toContainText('kept but hidden');
  await expect(interviewCard).toContainText('Русский');
  await expect(interviewCard).not.toContainText('Technical A');

  // The wizard no longer shows part A; adding it back brings the answer back, unchanged.
  await interviewCard.locator('button.primary').click();
  await expect(page.locator('.wizard')).toBeVisible();
  await expect(card(page, 'A1.1')).toHaveCount(0);
  await backToInterviews(page);
  await interviewCard.getByTestId('edit-interview').click();
  await dialog.getByLabel('Technical A: national', { exact: false }).check();
  await dialog.getByTestId('interview-save').click();
  await expect(page.getByTestId('interviews-message')).toContainText('show again');
  await interviewCard.locator('button.primary').click();
  // The questions now show in Russian (the interview's language); the answer is the one given in English.
  await expect(card(page, 'A1.1').getByLabel('Частично')).toBeChecked();
});

test('an interview is deleted and the deletion undone, by the button and by Ctrl+Z', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: SRC, language: 'en', parts: ['techA'] });
  await card(page, 'A1.1').getByLabel('Partially').check();
  await waitSaved(page);
  await page.locator('.breadcrumbs .link-button').click();
  await expect(page.locator('.interview-card')).toHaveCount(1);

  await page.getByTestId('delete-interview').click();
  const confirm = page.getByTestId('delete-interview-dialog');
  await expect(confirm).toContainText(SRC);
  expect(await seriousViolations(page), 'delete interview dialog').toEqual([]);
  await confirm.getByTestId('delete-reason').fill('started by mistake');
  await confirm.getByTestId('confirm-delete-button').click();
  await expect(page.locator('.interview-card')).toHaveCount(0);
  const status = page.getByTestId('undo-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toContainText('deleted');
  expect(await seriousViolations(page), 'undo toast').toEqual([]);
  // Keyboard: the Undo button is reachable and works.
  await page.getByTestId('undo-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.interview-card')).toHaveCount(1);
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);

  // Again, undone with Ctrl+Z; the answers come back with the interview.
  await page.getByTestId('delete-interview').click();
  await page.getByTestId('confirm-delete-button').click();
  await expect(page.locator('.interview-card')).toHaveCount(0);
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await page.locator('body').press('Control+z');
  await expect(page.locator('.interview-card')).toHaveCount(1);
  await page.locator('.interview-card button.primary').click();
  await expect(card(page, 'A1.1').getByLabel('Partially')).toBeChecked();
});

test('a stakeholder who took part is explained, not refused; merged duplicates do not come back with an old bundle', async ({ page }) => {
  test.setTimeout(150_000);
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  // The same person typed again with another spelling, by another interviewer say.
  await page.getByTestId('paste-stakeholders').click();
  await page.locator('dialog textarea').fill(`${MTI}\tMs. Madina Kajimova\tHead of non-tariff measures Division`);
  const row = page.getByTestId('paste-row');
  await row.locator('input[type=checkbox]').check();
  await page.getByTestId('paste-add').click();
  await expect(page.locator('dialog')).toHaveCount(0);

  // An interview with the duplicate spelling.
  await page.getByRole('tab', { name: 'Interviews' }).click();
  await page.getByTestId('new-interview').click();
  const dialog = page.getByTestId('new-interview-dialog');
  await dialog.locator('select').first().selectOption(MTI);
  await dialog.getByLabel('Ms. Madina Kazhimova', { exact: false }).uncheck();
  await dialog.locator('button[type=submit]').click();
  await expect(page.locator('.wizard')).toBeVisible();
  await page.locator('.breadcrumbs .link-button').click();

  // Deleting the interviewed person explains what to do instead.
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  await page.getByRole('button', { name: 'Delete Madina Kajimova', exact: false }).click();
  const inUse = page.getByTestId('stakeholder-in-use');
  await expect(inUse).toContainText('took part in 1 interview');
  await expect(inUse).toContainText('Import and export → Possible duplicate stakeholders');
  expect(await seriousViolations(page), 'stakeholder in use').toEqual([]);
  await inUse.getByRole('button', { name: 'Close' }).last().click();

  // An old backup, made before the merge.
  await page.getByRole('tab', { name: 'Import and export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
  const old = path.join(dir, 'before-merge.rsb');
  await download.saveAs(old);

  const duplicates = page.getByTestId('duplicate-list');
  await expect(duplicates).toContainText('Madina Kajimova');
  await duplicates.locator('.duplicate-row', { hasText: 'Madina Kazhimova' }).getByRole('button').click();
  await expect(page.getByTestId('duplicate-list')).toHaveCount(0);
  // The merge can be undone like a deletion; then merged again.
  await expect(page.getByTestId('undo-toast')).toContainText('merged into');
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('duplicate-list')).toContainText('Madina Kajimova');
  await page.getByTestId('duplicate-list').locator('.duplicate-row', { hasText: 'Madina Kazhimova' }).getByRole('button').click();
  await expect(page.getByTestId('duplicate-list')).toHaveCount(0);

  // The old bundle comes back: nothing to merge again, one Madina, the interview names her.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles([old]);
  await expect(page.getByTestId('import-review')).toBeVisible();
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-review')).toHaveCount(0);
  await expect(page.getByTestId('duplicate-list')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Stakeholders' }).click();
  await expect(page.locator('.stakeholder-table')).toContainText('Madina Kazhimova');
  await expect(page.locator('.stakeholder-table')).not.toContainText('Kajimova');
  await page.getByRole('tab', { name: 'Interviews' }).click();
  await expect(page.locator('.interview-card', { hasText: MTI })).toContainText('Madina Kazhimova');
});

test('a whole assessment is deleted after typing its title, with a backup first, and restored by importing the backup', async ({ page }) => {
  test.setTimeout(150_000);
  await setUpProfile(page);
  await createAssessment(page, 'Kyrgyzstan');
  await pasteStakeholders(page);
  await startInterview(page, { organization: SRC, language: 'en', parts: ['techA'] });
  await card(page, 'A1.1').getByLabel('Partially').check();
  await waitSaved(page);
  await page.locator('.breadcrumbs .link-button').click();

  await page.getByTestId('delete-assessment').click();
  const dialog = page.getByTestId('delete-assessment-dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('backup-first').click()]);
  const backup = path.join(dir, 'backup-before-delete.rsb');
  await download.saveAs(backup);
  await expect(dialog).toContainText('Backup saved');
  expect(await seriousViolations(page), 'delete assessment dialog').toEqual([]);
  // Nothing happens until the title is typed exactly.
  await expect(dialog.getByTestId('confirm-delete-button')).toBeDisabled();
  await dialog.getByTestId('delete-type-confirm').fill('Kyrgyz');
  await expect(dialog.getByTestId('confirm-delete-button')).toBeDisabled();
  await dialog.getByTestId('delete-type-confirm').fill('Readiness assessment: Kyrgyzstan');
  await dialog.getByTestId('confirm-delete-button').click();
  await expect(page.getByTestId('new-assessment')).toBeVisible();
  await expect(page.locator('.assessment-card')).toHaveCount(0);
  await expect(page.getByTestId('undo-toast')).toContainText('deleted');

  // Restored from the backup: the preview says so, and everything is back.
  await page.getByTestId('home-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles([backup]);
  await expect(page.getByTestId('import-restores')).toContainText('restores it');
  await page.getByTestId('confirm-import').click();
  await expect(page.getByRole('tab', { name: 'Interviews' })).toBeVisible();
  await expect(page.locator('.interview-card')).toHaveCount(1);
  await page.locator('.breadcrumbs .link-button').first().click();
  await expect(page.locator('.assessment-card')).toContainText('Kyrgyzstan');
});
