import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ANNEX_I_ROWS, createAssessment, pasteStakeholders, setUpProfile, startInterview } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test.use({ locale: 'kk-KZ' });

test('the main screens have no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(180_000); // eleven full-page axe runs
  await page.goto('./');
  await expect(page.locator('form input[type=text]').first()).toBeVisible();
  expect(await seriousViolations(page), 'first-run profile').toEqual([]);

  await setUpProfile(page);
  expect(await seriousViolations(page), 'assessments').toEqual([]);

  await createAssessment(page);
  await pasteStakeholders(page);
  expect(await seriousViolations(page), 'stakeholders').toEqual([]);
  // Pasting the same rows again: the repeats are shown, unticked.
  await page.getByTestId('paste-stakeholders').click();
  await page.locator('dialog textarea').fill(ANNEX_I_ROWS);
  await expect(page.getByTestId('paste-repeats')).toBeVisible();
  expect(await seriousViolations(page), 'paste dialog with repeats').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('tab').first().click();
  await page.getByTestId('new-interview').click();
  expect(await seriousViolations(page), 'new interview dialog').toEqual([]);
  await page.keyboard.press('Escape');

  await startInterview(page, { organization: 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan', language: 'kk', parts: ['techA', 'legalI'] });
  expect(await seriousViolations(page), 'interview wizard').toEqual([]);
  await page.locator('[data-item-id="A1.1"] .toggle-link').first().click();
  await page.getByTestId('jump-input').fill('A2.1.1.5');
  await page.getByTestId('jump-input').press('Enter');
  expect(await seriousViolations(page), 'wizard with panels open, after a jump').toEqual([]);
  await page.getByTestId('complete-interview').click();
  await expect(page.getByTestId('unanswered-list')).toBeVisible();
  expect(await seriousViolations(page), 'completion dialog').toEqual([]);
  await page.getByTestId('keep-interviewing').click();
  await page.getByTestId('focus-mode').click();
  await expect(page.locator('.question-card.presenting')).toBeVisible();
  expect(await seriousViolations(page), 'focus mode').toEqual([]);
});

test('the lead screens (import, conflicts, consolidation, report) have no serious or critical violations', async ({ page }) => {
  test.setTimeout(180_000); // six full-page axe runs; generous for a loaded machine
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-a11y-'));
  execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', dir], { stdio: 'ignore' });
  await setUpProfile(page);
  await page.getByTestId('home-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles(['1-aigerim-sarsenbayeva.rsb', '2-dmitry-kovalenko.rsb', '3-saule-omarova.rsb'].map((f) => path.join(dir, f)));
  await expect(page.getByTestId('import-review')).toBeVisible();
  expect(await seriousViolations(page), 'import preview').toEqual([]);
  await page.getByTestId('confirm-import').click();
  await page.locator('.interview-card').first().waitFor();
  // Each tab is checked once its content is there.
  for (const [index, name, ready] of [
    [2, 'import and export', 'conflict-list'],
    [3, 'consolidation', 'review-editor'],
    [4, 'report', 'generate-report'],
  ] as const) {
    await page.getByRole('tab').nth(index).click();
    await expect(page.getByTestId(ready)).toBeVisible();
    expect(await seriousViolations(page), name).toEqual([]);
  }
  await page.getByRole('tab').nth(2).click();
  await page.getByTestId('conflict-list').getByRole('button').first().click();
  await expect(page.getByTestId('combined-text')).toBeVisible();
  expect(await seriousViolations(page), 'conflict dialog').toEqual([]);
});
