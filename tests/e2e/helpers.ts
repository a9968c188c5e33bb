import { expect, type Page } from '@playwright/test';

/** Rows of the seed's Annex I (a subset), tab-separated as a spreadsheet copies them. */
export const ANNEX_I_ROWS = [
  'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan\tMr. Tanatar Sergaziyev\tChief expert, Customs Methodology Division',
  '\tMr. Adilbek Aubakirov\tChief expert, Department of customs operations',
  '\tMs. Gulsara Kappasova\tChief expert, Legal Department',
  'Ministry of trade and integration of the Republic of Kazakhstan\tMs. Madina Kazhimova\tHead of non-tariff measures Division, Department of Foreign Trade Activity',
  'National Chamber of Entrepreneurs of the Republic of Kazakhstan "Atameken"\tMs. Diana Ospanova\tExpert, Department of Economic Integration',
].join('\n');

export interface Labels {
  name: string;
  organization: string;
}

/** First use: the interviewer profile (labels in the UI language). */
export async function setUpProfile(page: Page, who = { name: 'Aigerim Sarsenbayeva', organization: 'ESCAP consultants' }) {
  await page.goto('./');
  const inputs = page.locator('form input[type=text]');
  await inputs.nth(0).fill(who.name);
  await inputs.nth(1).fill(who.organization);
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('new-assessment')).toBeVisible();
}

export async function createAssessment(page: Page, country = 'Kazakhstan') {
  await page.getByTestId('new-assessment').click();
  await page.locator('dialog input[type=text]').first().fill(country);
  await page.locator('dialog button[type=submit]').click();
  await expect(page.getByRole('tab', { selected: true })).toBeVisible();
}

export async function pasteStakeholders(page: Page, rows = ANNEX_I_ROWS) {
  await page.getByTestId('paste-stakeholders').click();
  await page.locator('dialog textarea').fill(rows);
  await page.locator('dialog button.primary').click();
  await expect(page.locator('dialog')).toHaveCount(0);
}

/** Opens the Interviews tab and starts an interview with the given organisation and language. */
export async function startInterview(page: Page, opts: { organization: string; language: 'en' | 'ru' | 'kk'; parts?: string[] }) {
  await page.getByRole('tab').first().click();
  await page.getByTestId('new-interview').click();
  const dialog = page.getByTestId('new-interview-dialog');
  await dialog.locator('select').first().selectOption(opts.organization);
  await dialog.locator('select').last().selectOption(opts.language);
  if (opts.parts) {
    const boxes = dialog.locator('.checkbox-grid input[type=checkbox]');
    const n = await boxes.count();
    const all = ['techA', 'techB', 'appendix', 'legalI', 'legalII', 'legalIII', 'legalIV'];
    for (let i = 0; i < n; i++) await boxes.nth(i).setChecked(opts.parts.includes(all[i]!));
  }
  await dialog.locator('button[type=submit]').click();
  await expect(page.locator('.wizard')).toBeVisible();
}

export function card(page: Page, itemId: string) {
  return page.locator(`[data-item-id="${itemId}"]`);
}

export async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 5000 });
}

/** From the home screen: choose bundle files to import and confirm the import. */
export async function importFromHome(page: Page, files: readonly string[]) {
  await page.getByTestId('home-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles([...files]);
  await page.getByTestId('confirm-import').click();
}
