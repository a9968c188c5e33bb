/**
 * Screenshots of the Report writing area for the README and docs/screenshots:
 *   npm run build:renderer && npx tsx build/take-writing-screenshots.ts kk [1366x768] [out-dir]
 * (a second run at 1024x700 into another folder shows whether any text overflows).
 * Imports the demo assessment with the seed's consolidated answers and narrative, plus a
 * second version of the A1 findings written at the same time (a text conflict).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeBundle } from '../shared/bundle';
import { buildSeedDataset } from '../shared/demo/seedDataset';
import { findingKey, plainToRich, richToPlain, textRevision } from '../shared/narrative';
import { seedFixtures } from '../tests/fixtures/seed';
import { startBrowserBench } from '../tests/bench/browser';

const lang = (process.argv[2] ?? 'kk') as 'kk' | 'ru' | 'en';
const locale = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[lang];
const [width, height] = (process.argv[3] ?? '1366x768').split('x').map(Number) as [number, number];
const outDir = path.resolve(process.argv[4] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

const { dataset, interviewers } = buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true });
const lead = interviewers[0]!;
const other = interviewers[1]!;
const a1 = dataset.texts.find((t) => t.key === findingKey('A1'))!;
const rival = textRevision({
  id: 'shot-finding-a1-rival',
  assessmentId: a1.assessmentId,
  key: a1.key,
  lang: a1.lang,
  value: a1.value.kind === 'finding' ? { ...a1.value, body: plainToRich(`${richToPlain(a1.value.body)}\nThe National Committee on Trade Facilitation now also meets with the business associations twice a year [[A1.1]].`) } : a1.value,
  at: '2021-12-11T10:00:00.000Z',
  author: { by: other.id, byName: other.name, deviceId: other.deviceId },
  parents: a1.parents,
});
const tmp = mkdtempSync(path.join(tmpdir(), 'rs-writing-shots-'));
const file = path.join(tmp, 'demo.rsb');
writeFileSync(file, await encodeBundle({ ...dataset, texts: [...dataset.texts, rival] }, { interviewer: lead, deviceId: lead.deviceId, appVersion: '0.1.0', kind: 'backup' }));

const bench = await startBrowserBench();
const context = await bench.browser.newContext({ locale, viewport: { width, height }, deviceScaleFactor: 1 });
const page = await context.newPage();
page.setDefaultTimeout(90_000);
const settle = () => page.evaluate('document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))');
const shot = async (name: string, fullPage = false) => {
  await settle();
  await page.screenshot({ path: path.join(outDir, `${lang}-${name}.png`), fullPage });
  console.log('wrote', path.join(outDir, `${lang}-${name}.png`));
};
/** Fails loudly when anything is wider than the window (text overflowing at 1024 px). */
const checkOverflow = async (name: string) => {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('.writing *')]
      .filter((el) => !el.closest('.table-scroll') && el.getBoundingClientRect().right > limit + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
  if (wide.length > 0) console.warn(`overflow on ${name}:`, wide.join(', '));
};

await page.goto(bench.baseUrl);
const inputs = page.locator('form input[type=text]');
await inputs.nth(0).fill('Айгерім Сәрсенбаева');
await inputs.nth(1).fill('ЭСКАТО ұлттық кеңесшілер тобы');
await page.locator('form button[type=submit]').click();
await page.getByTestId('home-import').click();
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
await chooser.setFiles([file]);
await page.getByTestId('import-review').waitFor();
await page.getByTestId('confirm-import').click();
await page.locator('#assessment-tab-writing').click();
await page.getByTestId('writing-outline').waitFor();
await checkOverflow('outline');
await shot('15-writing-outline');
await page.getByTestId('open-A1').click();
await page.getByTestId('text-conflict').waitFor();
await checkOverflow('finding');
await shot('16-writing-conflict');
await page.getByTestId('keep-version-1').click();
await page.getByTestId('text-conflict').waitFor({ state: 'detached' });
await page.locator('.evidence-individual summary').first().click();
await checkOverflow('finding');
await shot('17-writing-finding');
await page.getByTestId('writing-back').click();
await page.getByTestId('open-recommendations').click();
await page.getByTestId('rec-card').first().waitFor();
await checkOverflow('recommendations');
await shot('18-writing-recommendations');
await page.getByTestId('writing-back').click();
await page.getByTestId('open-actionPlan').click();
await page.getByTestId('plan-row').first().waitFor();
await page.getByTestId('plan-technical').scrollIntoViewIfNeeded();
await checkOverflow('action plan');
await shot('19-writing-action-plan');
await page.getByTestId('writing-back').click();
await page.getByTestId('open-context').click();
await page.getByTestId('survey-table').waitFor();
await page.locator('.charts img').first().waitFor();
await page.getByTestId('survey-table').scrollIntoViewIfNeeded();
await checkOverflow('survey');
await shot('20-writing-survey');
await page.locator('.charts').scrollIntoViewIfNeeded();
await shot('21-writing-survey-charts');
await page.getByTestId('writing-back').click();
await page.getByTestId('open-annexII').click();
await page.getByTestId('workshop-list').waitFor();
await checkOverflow('workshop');
await shot('22-writing-workshop');
await bench.close();
