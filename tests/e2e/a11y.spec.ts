import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createAssessment, pasteStakeholders, setUpProfile, startInterview } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test.use({ locale: 'kk-KZ' });

test('the main screens have no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('form input[type=text]').first()).toBeVisible();
  expect(await seriousViolations(page), 'first-run profile').toEqual([]);

  await setUpProfile(page);
  expect(await seriousViolations(page), 'assessments').toEqual([]);

  await createAssessment(page);
  await pasteStakeholders(page);
  expect(await seriousViolations(page), 'stakeholders').toEqual([]);

  await page.getByRole('tab').first().click();
  await page.getByTestId('new-interview').click();
  expect(await seriousViolations(page), 'new interview dialog').toEqual([]);
  await page.keyboard.press('Escape');

  await startInterview(page, { organization: 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan', language: 'kk', parts: ['techA', 'legalI'] });
  expect(await seriousViolations(page), 'interview wizard').toEqual([]);
});
