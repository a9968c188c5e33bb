import { expect, test, type Page } from '@playwright/test';
import { card, createAssessment, pasteStakeholders, setUpProfile, startInterview, waitSaved } from './helpers';

/**
 * Answers every relevant question by walking "Next unanswered": status-like questions get
 * their first option, select lists their first box, numbers 50, text fields a sentence in
 * the interview's language. Returns how many questions were answered.
 */
async function answerEverything(page: Page, sentence: string): Promise<number> {
  let answered = 0;
  for (let guard = 0; guard < 400; guard++) {
    await page.getByTestId('next-unanswered').click();
    // Either a question takes the focus, or the wizard says every relevant one is answered.
    await page.waitForFunction(
      () => document.activeElement?.closest('.question-card') || document.querySelector('[data-all-answered="true"]'),
    );
    const focusedCard = page.locator('.question-card:focus-within');
    if ((await focusedCard.count()) === 0) break;
    const radio = focusedCard.locator('input[type=radio]').first();
    const box = focusedCard.locator('.choice-list input[type=checkbox]').first();
    const number = focusedCard.locator('input[type=number]');
    const month = focusedCard.locator('.date-field input');
    if (await radio.count()) await radio.check();
    else if (await box.count()) await box.check();
    else if (await number.count()) await number.fill('50');
    else if (await month.count()) await month.fill('03.2027');
    else await focusedCard.locator('textarea').first().fill(sentence);
    answered++;
  }
  return answered;
}

for (const [lang, locale, sentence, savedWord] of [
  ['kk', 'kk-KZ', 'Жүйе толық енгізілген, құжаттар электрондық түрде қабылданады.', 'Сақталды'],
  ['ru', 'ru-RU', 'Система внедрена полностью, документы принимаются в электронном виде.', 'Сохранено'],
  ['en', 'en-GB', 'The system is fully implemented; documents are accepted electronically.', 'Saved'],
] as const) {
  test(`a full technical and legal interview in ${lang}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await setUpProfile(page);
    await createAssessment(page);
    await pasteStakeholders(page);
    await startInterview(page, {
      organization: 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan',
      language: lang,
      parts: ['techA', 'techB', 'appendix', 'legalI', 'legalII', 'legalIII', 'legalIV'],
    });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const answered = await answerEverything(page, sentence);
    expect(answered).toBeGreaterThan(60);
    await waitSaved(page);
    await expect(page.getByTestId('save-status')).toContainText(savedWord);
    // Every section of the tree reports all of its relevant questions answered.
    const counts = await page.locator('.tree-count').allTextContents();
    for (const c of counts) {
      const [a, r] = c.split('/').map(Number);
      expect(a).toBe(r);
    }
    // Reload: everything is still there and the interview list shows full progress.
    await page.reload();
    await expect(page.locator('.tree-count').first()).toBeVisible();
    expect(await page.locator('.tree-count').allTextContents()).toEqual(counts);
    await page.getByTestId('complete-interview').click(); // mark completed: nothing is left unanswered
    await expect(page.getByTestId('unanswered-list')).toHaveCount(0);
    await page.getByTestId('confirm-complete').click();
    await page.locator('.breadcrumbs .link-button').click();
    await expect(page.locator('.interview-card [role=progressbar]').first()).toHaveAttribute('aria-valuenow', await page.locator('.interview-card [role=progressbar]').first().getAttribute('aria-valuemax') ?? '-1');
    await context.close();
  });
}

test('skip logic collapses follow-ups, explains why, keeps their answers and restores them', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan', language: 'en', parts: ['techA'] });
  await page.getByTestId('jump-input').fill('A2.1.4.1');
  await page.getByTestId('jump-input').press('Enter');
  await card(page, 'A2.1.4.1').locator('textarea').first().fill('Phytosanitary certificates are issued electronically.');
  await card(page, 'A2.1.4').getByLabel('No', { exact: true }).check();
  await expect(card(page, 'A2.1.4.1')).toHaveClass(/not-applicable/);
  await expect(card(page, 'A2.1.4.1').locator('.skip-reason')).toContainText('Not applicable (A2.1.4 answered No)');
  await expect(card(page, 'A2.1.4.1').locator('textarea')).toHaveCount(0);
  // The kept answer can be looked at without restoring the branch.
  await card(page, 'A2.1.4.1').getByRole('button', { name: 'show the answer kept' }).click();
  await expect(card(page, 'A2.1.4.1').locator('textarea').first()).toHaveValue('Phytosanitary certificates are issued electronically.');
  // Restoring the branch restores the question with its answer.
  await card(page, 'A2.1.4').getByLabel('Partially').check();
  await expect(card(page, 'A2.1.4.1')).not.toHaveClass(/not-applicable/);
  await expect(card(page, 'A2.1.4.1').locator('textarea').first()).toHaveValue('Phytosanitary certificates are issued electronically.');
  // "If no, please answer A2.2.5" goes the other way.
  await card(page, 'A2.2').getByLabel('Yes', { exact: true }).check();
  await expect(card(page, 'A2.2.5').locator('.skip-reason')).toContainText('A2.2 answered Yes');
  await card(page, 'A2.2').getByLabel('No', { exact: true }).check();
  await expect(card(page, 'A2.2.5')).not.toHaveClass(/not-applicable/);
  await context.close();
});

test('jump to a question number and search question texts', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan', language: 'ru', parts: ['techA', 'techB', 'legalI'] });
  // Typing "a3.5" goes to the A3 page and the A3.5 heading.
  await page.keyboard.press('Control+g');
  await expect(page.getByTestId('jump-input')).toBeFocused();
  await page.keyboard.type('a3.5');
  await page.keyboard.press('Enter');
  await expect(page.locator('#wizard-page-title')).toContainText('A3');
  await expect(card(page, 'A3.5')).toBeInViewport();
  // An id outside the interview's parts is explained, not silently ignored.
  await page.getByTestId('jump-input').fill('II.A.1');
  await page.getByTestId('jump-input').press('Enter');
  await expect(page.getByTestId('wizard-announcement')).toContainText('II.A.1');
  // Search over Russian question texts.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('фитосанитар');
  await expect(page.locator('.finder-results [role=option]').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.question-card:focus-within')).toHaveCount(1);
  // The first match is focused, and its Russian wording contains the word searched for.
  await expect(page.locator('.question-card:focus-within .question-text').first()).toContainText(/фитосанитар/i);
  await context.close();
});

test('closing the page mid-sentence loses nothing', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'kk-KZ' });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: 'Ministry of trade and integration of the Republic of Kazakhstan', language: 'kk', parts: ['techA'] });
  const url = page.url();
  const text = 'Ұлттық сауданы жеңілдету комитеті 2018 жылы құрылды, оның жұмыс органы — Сауда және интеграция министрлігі';
  await card(page, 'A1.1').locator('textarea').first().click();
  await page.keyboard.type(text, { delay: 5 });
  // Close at once: no waiting for the debounce, no beforeunload.
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await again.goto(url);
  await expect(card(again, 'A1.1').locator('textarea').first()).toHaveValue(text);
  await context.close();
});

test('the choice of interface language is kept and input survives a language switch', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: 'Ministry of trade and integration of the Republic of Kazakhstan', language: 'ru', parts: ['techA'] });
  await card(page, 'A1.3').locator('textarea').first().fill('Министр торговли и интеграции');
  await page.getByTestId('language-switch').selectOption('kk');
  await expect(page.getByTestId('save-status')).toContainText(/Сақта/);
  await expect(card(page, 'A1.3').locator('textarea').first()).toHaveValue('Министр торговли и интеграции');
  // "Also show in" shows the question in a second language.
  await page.getByTestId('second-language').selectOption('en');
  await expect(card(page, 'A1.3').locator('.item-text.secondary')).toContainText('Who chairs this governance structure?');
  await context.close();
});
