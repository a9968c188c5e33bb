import { expect, test } from '@playwright/test';

test.use({ locale: 'en-GB' });

test('the app loads and switches between English, Kazakh and Russian', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.brand-tagline')).toHaveText('Cross-border paperless trade readiness assessments');

  const switcher = page.getByTestId('language-switch');
  await switcher.selectOption('kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('.brand-tagline')).toHaveText('Трансшекаралық қағазсыз саудаға дайындықты бағалау');

  await switcher.selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('.brand-tagline')).toHaveText('Оценка готовности к трансграничной безбумажной торговле');

  // The choice persists across reloads.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('first-run language follows the browser locale', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'kk-KZ' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await context.close();
});

test('an unknown browser locale falls back to English', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('after the first load the web app works with no network', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('./');
  // The service worker has precached the app shell.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('.brand-tagline')).toHaveText('Оценка готовности к трансграничной безбумажной торговле');
  const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
  expect(manifest).toBeTruthy();
  await context.close();
});
