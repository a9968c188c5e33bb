/** The lead's desk at 1366×768: answers scroll on the left, the editor stays in view on the right. */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setUpProfile } from './helpers';

test.use({ locale: 'ru-RU', viewport: { width: 1366, height: 768 }, acceptDownloads: true });

test('the editor stays in view while the answers scroll, and the next question opens at its title', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-desk-'));
  execFileSync(process.execPath, ['cli/bin.mjs', 'demo', '-o', dir], { stdio: 'ignore' });
  await setUpProfile(page, { name: 'Team Lead', organization: 'ESCAP' });
  await page.getByTestId('home-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles(['1-aigerim-sarsenbayeva.rsb', '2-dmitry-kovalenko.rsb', '3-saule-omarova.rsb'].map((f) => path.join(dir, f)));
  await page.getByTestId('confirm-import').click();
  await page.locator('.interview-card').first().waitFor();
  await page.getByRole('tab').nth(3).click();
  await page.locator('.question-link', { hasText: 'A2.1.1' }).first().click();
  await expect(page.locator('#consolidation-question')).toContainText('A2.1.1');
  await expect(page.getByTestId('not-discussed')).toBeVisible();
  if (process.env.SHOTS) await page.screenshot({ path: '/tmp/shots/desk.png' });

  const editor = page.getByTestId('review-editor');
  const answers = page.getByTestId('stakeholder-answers');
  // The answers run well below the fold: reading them means scrolling the page.
  const answersBox = (await answers.boundingBox())!;
  expect(answersBox.y + answersBox.height).toBeGreaterThan(768 + 200);
  for (const y of [400, 1200, 100_000]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await expect(page.getByTestId('consolidated-elaboration')).toBeInViewport();
    const box = (await editor.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(56); // below the sticky app header
    expect(box.x).toBeGreaterThan((await answers.boundingBox())!.x + (await answers.boundingBox())!.width - 1); // to the right of the answers
  }

  // Next question from the bottom of the page: its title is in view, not scrolled away.
  await page.getByTestId('review-reviewed').check();
  await page.keyboard.press('Alt+PageDown');
  await expect(page.locator('#consolidation-question')).toContainText('A2.1.1.1');
  await expect(page.locator('#consolidation-question')).toBeInViewport();
  const title = (await page.locator('#consolidation-question').boundingBox())!;
  expect(title.y).toBeGreaterThanOrEqual(56);

  // An English report downloaded from the Russian interface gets an English file name.
  await page.getByRole('tab').nth(4).click();
  await page.getByTestId('report-language').selectOption('en');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('generate-report').click()]);
  expect(download.suggestedFilename()).toMatch(/^readiness-report-Kazakhstan-en\.docx$/);
});
