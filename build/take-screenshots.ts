/**
 * Screenshots of every screen for the README and docs/screenshots, in one language:
 *   npm run build:renderer && npx tsx build/take-screenshots.ts kk [1366x768] [out-dir]
 * (a second run at 1024x700 into another folder shows whether any text overflows).
 * Builds example bundles from the seed data (shared/demo), imports them as a lead would,
 * fills one interview, and photographs each screen.
 */
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeBundle } from '../shared/bundle';
import { buildSeedDataset } from '../shared/demo/seedDataset';
import { seedFixtures } from '../tests/fixtures/seed';
import { startBrowserBench } from '../tests/bench/browser';

const lang = (process.argv[2] ?? 'kk') as 'kk' | 'ru' | 'en';
const locale = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[lang];
const [width, height] = (process.argv[3] ?? '1366x768').split('x').map(Number) as [number, number];
const outDir = path.resolve(process.argv[4] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

const { dataset, interviewers } = buildSeedDataset(seedFixtures, { withConsolidated: false });
const tmp = mkdtempSync(path.join(tmpdir(), 'rs-shots-'));
const files: string[] = [];
for (const who of interviewers) {
  const ids = new Set(dataset.interviews.filter((iv) => iv.interviewerId === who.id).map((iv) => iv.id));
  const part = { ...dataset, interviews: dataset.interviews.filter((iv) => ids.has(iv.id)), answers: dataset.answers.filter((a) => ids.has(a.interviewId)) };
  const file = path.join(tmp, `readiness-${who.name.toLowerCase().replace(/ /g, '-')}.rsb`);
  writeFileSync(file, await encodeBundle(part, { interviewer: who, deviceId: who.deviceId, appVersion: '0.1.0', kind: 'interviews' }));
  files.push(file);
}

// A later bundle in which two interviewers edited the same answer: a conflict to resolve.
const conflictFile = path.join(tmp, 'conflict.rsb');
{
  const [first, second] = interviewers;
  const interview = dataset.interviews.find((iv) => iv.interviewerId === first!.id)!;
  const previous = dataset.answers.filter((a) => a.interviewId === interview.id && a.questionId === 'A1.1');
  const base = {
    kk: 'Сауданы жеңілдету жөніндегі ұлттық комитет 2018 жылы құрылды. Оның жұмыс органы – Сауда және интеграция министрлігі. Комитет жылына екі рет жиналады.',
    ru: 'Национальный комитет по упрощению процедур торговли создан в 2018 году. Его рабочий орган — Министерство торговли и интеграции. Комитет собирается два раза в год.',
    en: 'The National Committee on Trade Facilitation was created in 2018. Its working body is the Ministry of Trade and Integration. The Committee meets twice a year.',
  }[lang];
  const edited = base.replace(/(2018[^.]*)\./u, (m) => `${m.slice(0, -1)}${{ kk: ', құрамына бизнес қауымдастықтары кіреді', ru: ', в него входят деловые ассоциации', en: ', with business associations among its members' }[lang]}.`);
  const common = { assessmentId: interview.assessmentId, interviewId: interview.id, questionId: 'A1.1', parents: previous.map((a) => a.id) };
  const heads = [
    { ...common, id: 'shot-conflict-1', at: '2021-11-09T09:15:00.000Z', by: first!.id, byName: first!.name, deviceId: first!.deviceId, value: { choice: 'partial', elaboration: base } },
    { ...common, id: 'shot-conflict-2', at: '2021-11-12T16:40:00.000Z', by: second!.id, byName: second!.name, deviceId: second!.deviceId, value: { choice: 'partial', elaboration: edited } },
  ];
  writeFileSync(conflictFile, await encodeBundle({ ...dataset, answers: [...dataset.answers, ...heads] }, { interviewer: first!, deviceId: first!.deviceId, appVersion: '0.1.0', kind: 'interviews' }));
}

const bench = await startBrowserBench();
const context = await bench.browser.newContext({ locale, viewport: { width, height }, deviceScaleFactor: 1 });
const page = await context.newPage();
page.setDefaultTimeout(90_000); // fail with a message rather than wait forever
/** Waits for fonts and two painted frames (no fixed sleep), then photographs. */
const settle = () => page.evaluate('document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))');
const shot = async (name: string, fullPage = false) => {
  await settle();
  await page.screenshot({ path: path.join(outDir, `${lang}-${name}.png`), fullPage });
  console.log('wrote', path.join(outDir, `${lang}-${name}.png`));
};

await page.goto(bench.baseUrl);
await shot('01-first-run');
const inputs = page.locator('form input[type=text]');
await inputs.nth(0).fill('Айгерім Сәрсенбаева');
await inputs.nth(1).fill('ЭСКАТО ұлттық кеңесшілер тобы');
await page.locator('form button[type=submit]').click();
await page.getByTestId('home-import').click();
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
await chooser.setFiles(files);
await page.getByTestId('import-review').waitFor();
await shot('02-import-preview');
await page.getByTestId('confirm-import').click();
await page.locator('.interview-card').first().waitFor();
await shot('03-interviews');
await page.getByRole('tab').nth(1).click();
await shot('04-stakeholders');
// Pasting rows already on the list: they are shown and not added.
const annex = await page.locator('.stakeholder-table tbody tr').evaluateAll((rows) =>
  rows.slice(0, 4).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
);
await page.getByTestId('paste-stakeholders').click();
await page.locator('dialog textarea').fill(annex.map((cells) => (cells.length === 5 ? cells.slice(0, 3) : ['', ...cells.slice(0, 2)]).join('\t')).join('\n') + '\nҚазПошта АҚ\tСәуле Омарова ханым\tДиректор');
await page.getByTestId('paste-row').first().waitFor();
await shot('11-paste-repeats');
await page.keyboard.press('Escape');
await page.getByRole('tab').nth(0).click();
await page.getByTestId('new-interview').click();
await shot('05-new-interview');
await page.keyboard.press('Escape');
// A fresh interview held in the screenshot language, so the questions appear in it.
await page.getByTestId('new-interview').click();
await page.locator('dialog select').last().selectOption(lang);
await page.locator('dialog button[type=submit]').click();
await page.locator('.question-card').first().waitFor();
const sample = {
  kk: ['2018 жылы Сауданы жеңілдету жөніндегі ұлттық комитет құрылды; оның жұмыс органы — Сауда және интеграция министрлігі.', '2019 жылдың желтоқсанынан бастап «ASTANA-1» АЖ жұмыс істейді: кедендік декларация электрондық түрде беріледі.'],
  ru: ['В 2018 году создан Национальный комитет по упрощению процедур торговли; его рабочий орган — Министерство торговли и интеграции.', 'С декабря 2019 года работает ИС «ASTANA-1»: таможенная декларация подается в электронном виде.'],
  en: ['In 2018 a National Committee on Trade Facilitation was created; its working body is the Ministry of Trade and Integration.', 'Since December 2019 IS "ASTANA-1" has been operating: customs declarations are submitted electronically.'],
}[lang];
await page.locator('[data-item-id="A1.1"] input[value="partial"]').check();
await page.locator('[data-item-id="A1.1"] textarea').first().fill(sample[0]!);
await page.getByTestId('jump-input').fill('A2.1.1');
await page.getByTestId('jump-input').press('Enter');
await page.locator('[data-item-id="A2.1.1"] input[value="yes"]').check();
await page.locator('[data-item-id="A2.1.1"] textarea').first().fill(sample[1]!);
await page.getByTestId('second-language').selectOption(lang === 'en' ? 'ru' : 'en');
await page.locator('[data-item-id="A2.1.1"]').scrollIntoViewIfNeeded();
await page.getByTestId('save-status').and(page.locator('[data-status=saved]')).waitFor();
await shot('06-wizard');
await page.getByTestId('second-language').selectOption('');
await page.getByTestId('jump-input').fill('A2.1.1.2');
await page.getByTestId('jump-input').press('Enter');
await shot('06b-wizard-compact');
await page.getByTestId('complete-interview').click();
await page.getByTestId('unanswered-list').waitFor();
await shot('12-wizard-completion');
await page.getByTestId('keep-interviewing').click();
await page.getByTestId('focus-mode').click();
await page.locator('.question-card.presenting').waitFor();
await shot('13-wizard-focus-mode');
await page.getByTestId('focus-mode').click();
await page.getByTestId('jump-input').fill('A2.1.4');
await page.getByTestId('jump-input').press('Enter');
await page.locator('[data-item-id="A2.1.4"] input[value="no"]').check();
await page.locator('[data-item-id="A2.1.4.1"].not-applicable').waitFor();
await shot('07-wizard-skip-logic');
await page.locator('.breadcrumbs .link-button').click();
await page.getByRole('tab').nth(2).click();
await shot('08-import-export', true);
const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
await again.setFiles([conflictFile]);
await page.getByTestId('confirm-import').click();
await page.getByTestId('conflict-list').getByRole('button').first().click();
await page.getByTestId('combined-text').waitFor();
await shot('14-conflict');
await page.keyboard.press('Escape');
await page.getByRole('tab').nth(3).click();
await page.locator('.question-review').waitFor();
await page.locator('.question-link').nth(7).click();
await page.locator('#consolidation-question').scrollIntoViewIfNeeded();
await page.evaluate(() => window.scrollBy(0, 380));
await shot('09-consolidation');
await page.getByRole('tab').nth(4).click();
await shot('10-report', true);
await bench.close();
