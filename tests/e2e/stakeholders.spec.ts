/** Duplicates are caught where people are entered, in any script; titles follow the UI language. */
import { expect, test } from '@playwright/test';
import { ANNEX_I_ROWS, createAssessment, pasteStakeholders, setUpProfile } from './helpers';

test.use({ locale: 'ru-RU' });

test('pasting the same rows twice adds nothing the second time; a Cyrillic spelling is recognised', async ({ page }) => {
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  const rows = page.locator('.stakeholder-table tbody tr');
  await expect(rows).toHaveCount(5);
  const before = await rows.allTextContents();

  // The same rows again: every row is shown as already on the list, none is ticked.
  await page.getByTestId('paste-stakeholders').click();
  await page.locator('dialog textarea').fill(ANNEX_I_ROWS);
  await expect(page.getByTestId('paste-row')).toHaveCount(5);
  await expect(page.getByTestId('paste-repeats')).toContainText('5');
  for (const box of await page.getByTestId('paste-row').locator('input[type=checkbox]').all()) await expect(box).not.toBeChecked();
  await expect(page.getByTestId('paste-add')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(5);
  expect(await rows.allTextContents()).toEqual(before);

  // A Cyrillic row for someone on the list is caught by transliteration; a new person is not.
  await page.getByTestId('paste-stakeholders').click();
  await page
    .locator('dialog textarea')
    .fill('State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan\tг-жа Гульсара Каппасова\tГлавный эксперт\n\tг-н Ерлан Нурланулы\tЭксперт');
  await expect(page.getByTestId('paste-row').nth(0)).toContainText('Уже есть в списке');
  await expect(page.getByTestId('paste-row').nth(0).locator('input')).not.toBeChecked();
  await expect(page.getByTestId('paste-row').nth(1).locator('input')).toBeChecked();
  await page.getByTestId('paste-add').click();
  await expect(rows).toHaveCount(6);
  // The title is shown in Russian, never turned into "Г-н." or "Mr.".
  await expect(page.locator('.stakeholder-table')).toContainText('г-н Ерлан Нурланулы');
  await expect(page.locator('.stakeholder-table')).toContainText('г-жа Gulsara Kappasova');

  // The add form warns as the name is typed.
  await page.getByRole('button', { name: 'Добавить заинтересованную сторону' }).click();
  const dialog = page.getByTestId('stakeholder-dialog');
  await dialog.locator('input[type=text]').first().fill('Ministry of trade and integration of the Republic of Kazakhstan');
  await dialog.locator('input[type=text]').nth(1).fill('Мадина Кажимова');
  await expect(dialog.getByTestId('entry-match')).toContainText('Madina Kazhimova');
});

test('Kazakh titles are shown as Kazakh puts them', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'kk-KZ' });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page, 'Атамекен\tАсқар Тоқаев мырза\tСарапшы\n\tMs. Diana Ospanova\tExpert');
  await expect(page.locator('.stakeholder-table')).toContainText('Асқар Тоқаев мырза');
  await expect(page.locator('.stakeholder-table')).toContainText('Diana Ospanova ханым');
  await expect(page.locator('.stakeholder-table')).not.toContainText('Mr.');
  await context.close();
});

test('dates are typed and shown as the UI language writes them, and the report follows its own language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'kk-KZ' });
  const page = await context.newPage();
  await setUpProfile(page);
  await page.getByTestId('new-assessment').click();
  await page.locator('dialog input[type=text]').first().fill('Kazakhstan');
  await expect(page.getByTestId('period-start')).toHaveAttribute('placeholder', 'кк.аа.жжжж');
  await page.getByTestId('period-start').fill('31.02.2021');
  await page.getByTestId('period-start').blur();
  await expect(page.locator('dialog [role=alert]')).toContainText('кк.аа.жжжж');
  await page.getByTestId('period-start').fill('1.10.2021');
  await page.getByTestId('period-start').blur();
  await expect(page.getByTestId('period-start')).toHaveValue('01.10.2021');
  await expect(page.locator('dialog [role=alert]')).toHaveCount(0);
  // Report languages: Russian and English, not Kazakh.
  const languages = page.locator('dialog fieldset input[type=checkbox]');
  await languages.nth(0).uncheck();
  await languages.nth(1).check();
  await page.locator('dialog button[type=submit]').click();
  await expect(page.getByText('01.10.2021').or(page.getByText('2021 жылғы 1 қазан'))).toBeVisible();
  await pasteStakeholders(page);
  await page.getByRole('tab').first().click();
  await page.getByTestId('new-interview').click();
  await expect(page.getByTestId('interview-date')).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
  await page.keyboard.press('Escape');
  // The report form offers the assessment's report languages only.
  await page.getByRole('tab').nth(4).click();
  await expect(page.getByTestId('report-language').locator('option')).toHaveText(['Русский', 'English']);
  await context.close();
});
