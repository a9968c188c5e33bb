/**
 * The wizard in a live interview, at the two screen sizes consultants use (1024×700 and
 * 1366×768), in Kazakh and Russian: what a jump or a search scrolls to is visible and not
 * under the sticky bar; short questions are compact; progress, the Saved state and the
 * completion button stay in view.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { card, createAssessment, pasteStakeholders, setUpProfile, startInterview } from './helpers';

const ORGANIZATION = 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan';

/**
 * Whether the element's first line is on screen and is what the browser hit-tests there
 * (so nothing, such as the sticky bar, lies over it): checked at its left edge and its
 * middle, half a line below its top.
 */
async function uncovered(target: Locator): Promise<string[]> {
  return target.evaluate((el) => {
    const problems: string[] = [];
    const rect = el.getBoundingClientRect();
    const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
    const y = rect.top + Math.min(line, rect.height) / 2;
    if (rect.top < 0 || y > window.innerHeight) problems.push(`off screen: top ${Math.round(rect.top)}, viewport ${window.innerHeight}`);
    for (const x of [rect.left + 4, rect.left + Math.min(rect.width, 200) / 2]) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(el === hit || el.contains(hit))) problems.push(`at (${Math.round(x)}, ${Math.round(y)}) the page shows ${hit ? `${hit.tagName}.${hit.className}` : 'nothing'}`);
    }
    return problems;
  });
}

async function expectQuestionVisible(page: Page, itemId: string) {
  const c = card(page, itemId);
  expect(await uncovered(c.locator('.question-header .item-number')), `${itemId} number`).toEqual([]);
  expect(await uncovered(c.locator('.question-text').first()), `${itemId} first line`).toEqual([]);
}

/** A word of the question's text long enough to be distinctive. */
function wordOf(lang: 'kk' | 'ru', itemId: string): string {
  const texts = JSON.parse(readFileSync(`locales/${lang}/technical.json`, 'utf8')) as { items: Record<string, { text?: string }> };
  const words = (texts.items[itemId]!.text ?? '').split(/[^\p{L}]+/u).filter((w) => w.length >= 8);
  return words.sort((a, b) => b.length - a.length)[0]!.toLowerCase();
}

for (const [lang, locale] of [
  ['kk', 'kk-KZ'],
  ['ru', 'ru-RU'],
] as const) {
  for (const viewport of [
    { width: 1024, height: 700 },
    { width: 1366, height: 768 },
  ]) {
    test(`${lang} at ${viewport.width}×${viewport.height}: jump and search targets are in view, the bar stays`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport });
      const page = await context.newPage();
      await setUpProfile(page);
      await createAssessment(page);
      await pasteStakeholders(page);
      await startInterview(page, { organization: ORGANIZATION, language: lang, parts: ['techA', 'techB'] });

      // A jump typed with a Cyrillic "а", deep in a long section.
      await page.getByTestId('jump-input').fill('а2.1.4.2');
      await page.getByTestId('jump-input').press('Enter');
      await expect(card(page, 'A2.1.4.2').locator(':focus')).toHaveCount(1);
      await expectQuestionVisible(page, 'A2.1.4.2');

      // A search in the interview's language; Enter opens the first match.
      await page.getByTestId('search-input').fill(wordOf(lang, 'A2.2.3'));
      await expect(page.locator('.finder-results [role=option]').first()).toBeVisible();
      await page.getByTestId('search-input').press('Enter');
      const found = page.locator('.question-card:focus-within');
      await expect(found).toHaveCount(1);
      const foundId = (await found.getAttribute('data-item-id'))!;
      await expectQuestionVisible(page, foundId);

      if (viewport.width === 1366) {
        // Compact density: at least four short question cards wholly on screen at once.
        await page.getByTestId('jump-input').fill('A2.2.2');
        await page.getByTestId('jump-input').press('Enter');
        await expect(card(page, 'A2.2.2').locator(':focus')).toHaveCount(1);
        const whole = await page.locator('.question-card').evaluateAll((cards) => {
          const bar = document.querySelector('[data-testid=wizard-bar]')!.getBoundingClientRect().bottom;
          return cards.filter((c) => {
            const r = c.getBoundingClientRect();
            return r.top >= bar && r.bottom <= window.innerHeight;
          }).length;
        });
        expect(whole).toBeGreaterThanOrEqual(4);
      }

      // Nothing runs off the side: no horizontal scrolling, no button or label wider than its box.
      const overflowing = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}px wide`);
        for (const el of document.querySelectorAll<HTMLElement>('.wizard button, .wizard label, .wizard .question-text, .wizard .tree-label, .wizard .progress-text'))
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow === 'visible') out.push(`${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`);
        return out;
      });
      expect(overflowing).toEqual([]);

      // At the bottom of a section the progress, the Saved state and the button are in view.
      await page.locator('.question-card:focus-within textarea').first().fill('Жүйе жұмыс істейді / Система работает');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
      for (const testId of ['wizard-progress', 'save-status', 'complete-interview']) {
        const el = page.getByTestId(testId);
        await expect(el).toBeInViewport();
        expect(await uncovered(el), testId).toEqual([]);
      }
      await expect(page.getByTestId('wizard-progress')).toHaveAttribute('data-answered', '1');
      // The section tree follows the current section.
      await page.getByTestId('jump-input').fill('B7.4');
      await page.getByTestId('jump-input').press('Enter');
      await expect(page.locator('.tree-item.current')).toContainText('B7');
      await expect(page.locator('.tree-item.current')).toBeInViewport();
      await context.close();
    });
  }
}

test('marking an interview completed lists the unanswered questions first, with a jump to each', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: ORGANIZATION, language: 'ru', parts: ['techA'] });
  await card(page, 'A1.1').locator('input[type=radio]').first().check();

  await page.getByTestId('complete-interview').click();
  const dialog = page.getByTestId('completion-dialog');
  await expect(dialog).toBeVisible();
  const relevant = Number(await page.getByTestId('wizard-progress').getAttribute('data-relevant'));
  await expect(dialog.locator('.unanswered-link')).toHaveCount(relevant - 1);
  await expect(dialog.locator('[data-question-id="A1.1"]')).toHaveCount(0);
  await expect(dialog.getByTestId('unanswered-summary')).toContainText(String(relevant - 1));
  // Grouped by section: A1 lists A1.2 and A1.3.
  await expect(dialog.locator('section').first()).toContainText('A1.2');

  // A jump from the list goes to the question, visible.
  await dialog.locator('[data-question-id="A3.3.1"]').click();
  await expect(dialog).toHaveCount(0);
  await expect(card(page, 'A3.3.1').locator(':focus')).toHaveCount(1);
  await expectQuestionVisible(page, 'A3.3.1');
  await expect(page.getByTestId('complete-interview')).not.toContainText('черновик');

  // Completing anyway needs the explicit confirmation.
  await page.getByTestId('complete-interview').click();
  await page.getByTestId('confirm-complete').click();
  await expect(page.getByTestId('completion-dialog')).toHaveCount(0);
  await expect(page.getByTestId('complete-interview')).toHaveText(/черновик/);
  await context.close();
});

test('focus mode shows one question, large, without private notes, and steps through the questions', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: ORGANIZATION, language: 'kk', parts: ['techA'] });
  await page.getByTestId('focus-mode').click();
  await expect(page.locator('.question-card')).toHaveCount(1);
  await expect(page.locator('.question-card.presenting')).toHaveAttribute('data-item-id', 'A1.1');
  await page.locator('.question-card .toggle-link').first().click();
  await expect(page.locator('.question-card .notes-field')).toHaveCount(0);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.question-card.presenting')).toHaveAttribute('data-item-id', 'A1.2');
  await page.getByTestId('focus-mode').click();
  await expect(page.locator('.question-card')).toHaveCount(3); // back to the whole A1 section
  await context.close();
});

test('the wizard says which language the questions are in and can add the interface language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await setUpProfile(page);
  await createAssessment(page);
  await pasteStakeholders(page);
  await startInterview(page, { organization: ORGANIZATION, language: 'kk', parts: ['techA'] });
  await expect(page.getByTestId('language-line')).toContainText('Қазақша');
  await page.getByTestId('show-ui-language').check();
  await expect(card(page, 'A1.3').locator('.item-text.secondary')).toHaveAttribute('lang', 'ru');
  // A search in Russian finds a question of a Kazakh interview and says it matched in Russian.
  await page.getByTestId('search-input').fill('электронная таможня');
  await expect(page.locator('.finder-results [role=option]').first()).toContainText('Русский');
  await context.close();
});
