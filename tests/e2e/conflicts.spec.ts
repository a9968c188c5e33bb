/**
 * The lead resolves a conflict between two near-identical 10-line answers that differ in
 * one line: the differing words are marked, each version says who wrote it and when, and
 * the combined answer starts from one version with the other's passage offered to insert.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUpProfile } from './helpers';

/** Writes a bundle whose A1.1 answer has two heads (tests/e2e/support/conflict-bundle.ts). */
function conflictBundle(): { file: string; first: string; second: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-conflict-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support/conflict-bundle.ts', dir], { stdio: 'inherit' });
  return { file: path.join(dir, 'conflict.rsb'), ...(JSON.parse(readFileSync(path.join(dir, 'texts.json'), 'utf8')) as { first: string; second: string }) };
}

test.use({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });

test('a conflict shows the differing words marked, who and when, and combines without pasting both', async ({ page }) => {
  const { file, first: FIRST, second: SECOND } = conflictBundle();
  await setUpProfile(page, { name: 'Team Lead', organization: 'ESCAP' });
  await page.getByTestId('home-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles([file]);
  await page.getByTestId('confirm-import').click();
  await page.getByRole('tab', { name: 'Import and export' }).click();
  await page.getByTestId('conflict-list').getByRole('button').first().click();
  const dialog = page.getByTestId('conflict-dialog');

  // Who and when, not a computer id.
  await expect(dialog.getByTestId('version-1')).toContainText('Dmitry Kovalenko');
  await expect(dialog.getByTestId('version-1')).toContainText('12 November 2021');
  await expect(dialog.getByTestId('version-2')).toContainText('Aigerim Sarsenbayeva');
  await expect(dialog).not.toContainText(/computer [0-9a-f]{8}/);

  // Exactly the differing words are marked, in the version that has them.
  await expect(dialog.getByTestId('version-1').locator('ins.diff-only')).toHaveCount(1);
  await expect(dialog.getByTestId('version-1').locator('ins.diff-only')).toHaveText('and customs brokers');
  await expect(dialog.getByTestId('version-2').locator('ins.diff-only')).toHaveCount(0);
  await expect(dialog.getByTestId('version-1').locator('.differs dt')).toHaveCount(1);

  // The combined answer starts from version 2 (the shorter), with the passage offered.
  await dialog.getByTestId('combine-from-2').check();
  const combined = dialog.getByTestId('combined-text');
  await expect(combined).toHaveValue(FIRST);
  await expect(dialog.getByTestId('offered-passages').locator('li')).toHaveCount(1);
  await dialog.getByTestId('insert-passage-1').click();
  await expect(combined).toHaveValue(SECOND);
  await dialog.getByTestId('save-combined').click();
  await expect(page.getByText('No conflicts: every answer has one current version.')).toBeVisible();
});
