/**
 * The Report writing area end to end, with the interface in Kazakh: a lead writes a
 * finding (a paragraph, a bulleted list and an item reference), a recommendation and a
 * two-level action plan, exports a bundle; a second profile imports it and builds the
 * Kazakh .docx, which holds them in the right sections. Then both edit the same finding,
 * exchange bundles, and the lead resolves the conflict side by side. axe checks each new
 * screen; pasting from Word keeps paragraphs and lists and drops the rest.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pasteStakeholders, setUpProfile, startInterview } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'rs-writing-'));
const ORG = 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan';

const FINDING = 'Бірыңғай терезе жүйесі жұмыс істейді.';
const BULLET_1 = 'Электрондық құжаттар қабылданады';
const BULLET_2 = 'Деректер алмасу жүйесі қолданылады';
const REC = 'Электрондық қолтаңбаны өзара тануды дамыту.';
const ACTION = 'Бірыңғай терезені дамыту';
const SUB_1 = 'Пилоттық жобаны іске қосу';
const SUB_2 = 'Заңнаманы жаңарту';

test.use({ locale: 'kk-KZ', viewport: { width: 1366, height: 768 } });

async function seriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(found, what).toEqual([]);
}

async function profile(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'kk-KZ', acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await setUpProfile(page, { name, organization: 'ESCAP' });
  return page;
}

async function openTab(page: Page, tab: 'writing' | 'exchange' | 'report' | 'interviews') {
  await page.locator(`#assessment-tab-${tab}`).click();
}

async function saved(page: Page) {
  await expect(page.getByTestId('writing-save-status')).toHaveAttribute('data-status', 'saved');
}

async function backToOutline(page: Page) {
  await page.getByTestId('writing-back').click();
  await expect(page.getByTestId('writing-outline')).toBeVisible();
}

async function exportBundle(page: Page, file: string): Promise<string> {
  await openTab(page, 'exchange');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
  const target = path.join(dir, file);
  await download.saveAs(target);
  return target;
}

async function importBundle(page: Page, file: string, fromHome: boolean) {
  if (fromHome) await page.getByTestId('home-import').click();
  else await openTab(page, 'exchange');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').click()]);
  await chooser.setFiles([file]);
  await expect(page.getByTestId('import-review')).toBeVisible();
  await page.getByTestId('confirm-import').click();
}

/** The text of word/document.xml, paragraph by paragraph. */
function docxParagraphs(file: string): { text: string; xml: string }[] {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const xml = strFromU8(files['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')).join(''),
  }));
}

test('a Kazakh finding, recommendation and two-level action plan travel in a bundle into the Kazakh .docx; a text conflict is resolved', async ({ browser }) => {
  test.setTimeout(300_000);
  // ---- The lead writes, with the interface and the report in Kazakh.
  const a = await profile(browser, 'Айгерім Сәрсенбаева');
  await a.getByTestId('new-assessment').click();
  const dialog = a.getByTestId('new-assessment-dialog');
  await dialog.locator('input[type=text]').first().fill('Қазақстан');
  await dialog.getByLabel('Қазақша').check();
  await dialog.getByLabel('English').uncheck();
  await dialog.locator('button[type=submit]').click();
  await pasteStakeholders(a);
  await startInterview(a, { organization: ORG, language: 'kk', parts: ['techA'] });
  await a.locator('.breadcrumbs .link-button').last().click();
  await openTab(a, 'writing');
  await expect(a.getByTestId('writing-outline')).toBeVisible();
  await seriousViolations(a, 'outline');

  // A finding: a paragraph, a bulleted list, and a reference inserted from the evidence.
  await a.getByTestId('open-A2').click();
  const text = a.getByTestId('finding-text');
  await text.click();
  await a.keyboard.type(FINDING);
  await a.keyboard.press('Enter');
  await a.keyboard.press('Control+Shift+Digit8');
  await a.keyboard.type(BULLET_1);
  await a.keyboard.press('Enter');
  await a.keyboard.type(`${BULLET_2} `);
  await a.getByTestId('insert-ref-A2.1.1').click();
  await expect(text.locator('.rt-ref')).toHaveText('A2.1.1');
  await expect(text.locator('[data-kind="bullet"]')).toHaveCount(2);
  await seriousViolations(a, 'findings editor with evidence');
  await backToOutline(a);
  await saved(a);
  await expect(a.locator('tr[data-key="finding:A2"] .col-words')).not.toHaveText('0');

  // A technical recommendation.
  await a.getByTestId('open-recommendations').click();
  await a.getByTestId('add-rec-technical').click();
  const rec = a.getByTestId('rec-card').first();
  await rec.getByTestId('rec-body-text').click();
  await a.keyboard.type(REC);
  await rec.getByTestId('rec-area').selectOption('A2');
  await seriousViolations(a, 'recommendations');
  await backToOutline(a);
  await saved(a);

  // A two-level action plan: an action, a sub-action added from the row, a row indented with Tab.
  await a.getByTestId('open-actionPlan').click();
  await a.getByTestId('plan-new-area-technical').selectOption('A2');
  await a.getByTestId('plan-add-technical').click();
  const rows = a.getByTestId('plan-technical').getByTestId('plan-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('[data-col="text"]')).toBeFocused();
  await a.keyboard.type(ACTION);
  await rows.first().locator('[data-col="priority"]').selectOption('high');
  await rows.first().getByTestId('plan-add-sub').click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('[data-col="text"]')).toBeFocused();
  await a.keyboard.type(SUB_1);
  await a.getByTestId('plan-technical').getByTestId('plan-add-A2').click();
  await expect(rows).toHaveCount(3);
  await a.keyboard.type(SUB_2);
  await rows.nth(2).locator('[data-col="handle"]').focus();
  await a.keyboard.press('Tab');
  await expect(rows.nth(2).locator('[data-col="handle"]')).toHaveText('1.2');
  await expect(rows.nth(1).locator('[data-col="handle"]')).toHaveText('1.1');
  await expect(rows.nth(0).locator('[data-col="handle"]')).toHaveText('1');
  // The link to the recommendation it implements.
  await rows.first().locator('summary[data-col="implements"]').click();
  await rows.first().locator('.implements input[type=checkbox]').first().check();
  await expect(rows.first().locator('summary[data-col="implements"]')).toHaveText('R1');
  await seriousViolations(a, 'action plan');
  await backToOutline(a);
  await saved(a);
  await expect(a.locator('tr[data-key="section:actionPlan"]')).toContainText('3');

  const first = await exportBundle(a, 'lead.rsb');

  // ---- A second profile imports the bundle and builds the Kazakh report.
  const b = await profile(browser, 'Дмитрий Коваленко');
  await importBundle(b, first, true);
  await openTab(b, 'report');
  await b.getByTestId('report-sections').selectOption('full');
  const [download] = await Promise.all([b.waitForEvent('download', { timeout: 120_000 }), b.getByTestId('generate-report').click()]);
  const docx = path.join(dir, 'report-kk.docx');
  await download.saveAs(docx);
  const paras = docxParagraphs(docx);
  const at = (pred: (p: { text: string; xml: string }) => boolean, from = 0) => paras.findIndex((p, i) => i >= from && pred(p));
  // Headings of the body (the contents list repeats their text in TOC styles).
  const heading = (prefix: string, from = 0) => at((p) => /<w:pStyle w:val="Heading[123]"\/>/.test(p.xml) && p.text.startsWith(prefix), from);
  const technical = heading('III. ');
  const areaA2 = heading('III.A.2.', technical);
  const areaA3 = heading('III.A.3.', areaA2);
  const recsV = heading('V. ', areaA3);
  const planVI = heading('VI. ', recsV);
  const conclusion = heading('VII. ', planVI);
  expect([technical, areaA2, areaA3, recsV, planVI, conclusion].every((i) => i > 0)).toBe(true);
  // The finding under III.A.2: a paragraph, then two real Word list items, the reference printed as its id.
  const finding = at((p) => p.text === FINDING, areaA2);
  expect(finding).toBeGreaterThan(areaA2);
  expect(finding).toBeLessThan(areaA3);
  expect(paras[finding + 1]!.text).toBe(BULLET_1);
  expect(paras[finding + 1]!.xml).toContain('<w:numPr>');
  expect(paras[finding + 2]!.text).toBe(`${BULLET_2} A2.1.1`);
  expect(paras[finding + 2]!.xml).toContain('<w:numPr>');
  // The recommendation in section V, the actions in section VI's table, numbered 1, 1.1, 1.2.
  const recAt = at((p) => p.text.includes(REC), recsV);
  expect(recAt).toBeGreaterThan(recsV);
  expect(recAt).toBeLessThan(planVI);
  const rowsAt = [`1 ${ACTION}`, `1.1 ${SUB_1}`, `1.2 ${SUB_2}`].map((t) => at((p) => p.text === t, planVI));
  expect(rowsAt[0]).toBeGreaterThan(planVI);
  expect(rowsAt[1]).toBeGreaterThan(rowsAt[0]!);
  expect(rowsAt[2]).toBeGreaterThan(rowsAt[1]!);
  expect(rowsAt[2]).toBeLessThan(conclusion);
  expect(paras[rowsAt[0]! + 1]!.text).toBe('Жоғары');

  // ---- Both edit the same finding at once; the bundles cross; the lead resolves it.
  await openTab(b, 'writing');
  await b.getByTestId('open-A2').click();
  await b.getByTestId('finding-text').locator('.rt-block').first().click();
  await b.keyboard.press('End');
  await b.keyboard.type(' Екінші нұсқа.');
  await backToOutline(b);
  await saved(b);
  const second = await exportBundle(b, 'second.rsb');

  await openTab(a, 'writing');
  await a.getByTestId('open-A2').click();
  await a.getByTestId('finding-text').locator('.rt-block').first().click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Бірінші нұсқа.');
  await backToOutline(a);
  await saved(a);
  await importBundle(a, second, false);
  await openTab(a, 'writing');
  await expect(a.locator('tr[data-key="finding:A2"]').getByTestId('outline-conflict')).toBeVisible();
  await a.getByTestId('open-A2').click();
  const conflict = a.getByTestId('text-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Айгерім Сәрсенбаева');
  await expect(conflict).toContainText('Дмитрий Коваленко');
  await expect(conflict.locator('ins.diff-only')).toHaveCount(2);
  await seriousViolations(a, 'text conflict');
  const keep = (await conflict.getByTestId('text-version-1').textContent())!.includes('Екінші нұсқа') ? 1 : 2;
  await conflict.getByTestId(`keep-version-${keep}`).click();
  await expect(a.getByTestId('text-conflict')).toHaveCount(0);
  await expect(a.getByTestId('finding-text')).toContainText('Екінші нұсқа.');
  await backToOutline(a);
  await expect(a.locator('tr[data-key="finding:A2"]').getByTestId('outline-conflict')).toHaveCount(0);
  // The reference is a link to the consolidation of its item.
  await a.getByTestId('open-A2').click();
  await a.getByTestId('finding-text').locator('.rt-ref').click();
  await expect(a).toHaveURL(/\/consolidation\/A2\.1\.1$/);
  await expect(a.locator('#assessment-tab-consolidation')).toHaveAttribute('aria-selected', 'true');
});

test('pasting from Word keeps paragraphs, lists and levels and drops the rest; never inserts HTML', async ({ page }) => {
  await setUpProfile(page);
  await page.getByTestId('new-assessment').click();
  await page.getByTestId('new-assessment-dialog').locator('input[type=text]').first().fill('Қазақстан');
  await page.getByTestId('new-assessment-dialog').locator('button[type=submit]').click();
  await openTab(page, 'writing');
  await page.getByTestId('open-executiveSummary').click();
  const text = page.getByTestId('section-executiveSummary-text');
  await text.click();
  // What Word puts on the clipboard: list paragraphs with mso-list levels and Ignore markers, styles, comments, a script.
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><p class=MsoNormal>Бірінші <b>абзац</b> <span style='color:red;font-size:20pt'>түрлі</span> түсті.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Бірінші тармақ<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>o<span>&nbsp; </span></span><![endif]>Ішкі тармақ</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span><![endif]>Нөмірленген</p>
<img src="x" onerror="window.__pwned=1"><script>window.__pwned=1</script><table><tr><td>Кесте ұяшығы</td></tr></table><!--EndFragment--></body></html>`;
  await text.evaluate((el, clip) => {
    const dt = new DataTransfer();
    dt.setData('text/html', clip);
    dt.setData('text/plain', 'fallback');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  const blocks = text.locator('.rt-block');
  await expect(blocks).toHaveCount(5);
  const kinds = await blocks.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.kind}:${(e as HTMLElement).dataset.level}:${e.textContent}`));
  expect(kinds).toEqual(['paragraph:0:Бірінші абзац түрлі түсті.', 'bullet:0:Бірінші тармақ', 'bullet:1:Ішкі тармақ', 'numbered:0:Нөмірленген', 'paragraph:0:Кесте ұяшығы']);
  await expect(text.locator('b')).toHaveText('абзац');
  expect(await text.locator('img, script, span[style], table, style').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Plain text: one paragraph per line, "- " bullets.
  await page.keyboard.press('Control+End');
  await text.evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Жаңа абзац\n- тармақ <b>емес</b>');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(blocks).toHaveCount(6);
  await expect(blocks.last()).toHaveText('тармақ <b>емес</b>');
  await expect(blocks.last()).toHaveAttribute('data-kind', 'bullet');
  // A footnote by keyboard: inserted, then edited with the same shortcut right after it.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Alt+KeyF');
  await page.getByTestId('footnote-dialog').locator('textarea').fill('Дереккөз: ҚР Қаржы министрлігі.');
  await page.getByTestId('footnote-dialog').locator('button[type=submit]').click();
  await expect(text.locator('.rt-fn')).toHaveAttribute('data-footnote', 'Дереккөз: ҚР Қаржы министрлігі.');
  await page.keyboard.press('Control+Alt+KeyF');
  await expect(page.getByTestId('footnote-dialog').locator('textarea')).toHaveValue('Дереккөз: ҚР Қаржы министрлігі.');
  await page.getByTestId('footnote-dialog').locator('textarea').fill('Дереккөз: Қаржы министрлігі, 2021.');
  await page.getByTestId('footnote-dialog').locator('button[type=submit]').click();
  await expect(text.locator('.rt-fn')).toHaveCount(1);
  await expect(text.locator('.rt-fn')).toHaveAttribute('data-footnote', 'Дереккөз: Қаржы министрлігі, 2021.');
  await backToOutline(page);
  await saved(page);
  await expect(page.locator('tr[data-key="section:executiveSummary"] .col-words')).not.toHaveText('0');
});

test('survey figures with their chart, workshop participants and action plan rows pasted from spreadsheets, titles and the report date', async ({ page }) => {
  test.setTimeout(180_000);
  await setUpProfile(page);
  await page.getByTestId('new-assessment').click();
  await page.getByTestId('new-assessment-dialog').locator('input[type=text]').first().fill('Қазақстан');
  await page.getByTestId('new-assessment-dialog').locator('button[type=submit]').click();
  await pasteStakeholders(page);
  await openTab(page, 'writing');

  // A section title of this assessment, and the report date.
  await page.getByTestId('title-conclusion').fill('Қорытынды');
  await page.getByTestId('writing-report-date').fill('2022-03-01');
  await page.getByTestId('title-conclusion').blur();
  await saved(page);
  await page.reload();
  await expect(page.getByTestId('title-conclusion')).toHaveValue('Қорытынды');
  await expect(page.getByTestId('writing-report-date')).toHaveValue('2022-03-01');

  // Survey figures: a bad rate is refused with a message; good ones draw the chart.
  await page.getByTestId('open-context').click();
  await page.getByTestId('survey-new-year').fill('20x1');
  await page.getByTestId('survey-add-year').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByTestId('survey-new-year').fill('2021');
  await page.getByTestId('survey-add-year').click();
  await expect(page.getByTestId('survey-table')).toBeVisible();
  await page.getByTestId('survey-add-comparison').click();
  await expect(page.getByTestId('survey-comparison-label')).toHaveCount(1);
  await page.getByTestId('survey-comparison-label').fill('Азия және Тынық мұхиты');
  const rates = page.getByTestId('survey-rate');
  await rates.nth(0).fill('150');
  await rates.nth(0).blur();
  await expect(page.locator('.survey-table [role=alert]')).toBeVisible();
  await rates.nth(0).fill('72,04');
  await rates.nth(1).fill('65.85');
  await rates.nth(1).blur();
  const chart = page.getByTestId('chart-comparison').locator('img');
  await expect(chart).toHaveAttribute('alt', /72[.,]04/);
  await expect(chart).toHaveAttribute('alt', /Азия және Тынық мұхиты/);
  expect(await chart.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  await seriousViolations(page, 'survey figures and chart');
  await backToOutline(page);
  await expect(page.locator('tr[data-key="section:context"]')).toContainText('1');

  // Workshop participants pasted: a known stakeholder is marked, a new person added.
  await page.getByTestId('open-annexII').click();
  await page.getByTestId('workshop-paste').click();
  await page.getByTestId('workshop-paste-dialog').locator('textarea').fill(
    ['State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan\tMr. Tanatar Sergaziyev\tChief expert, Customs Methodology Division', 'ҚазПошта АҚ\tСәуле Омарова ханым\tДиректор'].join('\n'),
  );
  await seriousViolations(page, 'workshop paste dialog');
  await page.getByTestId('workshop-paste-add').click();
  await expect(page.getByTestId('workshop-list').locator('tbody tr')).toHaveCount(2);
  await seriousViolations(page, 'workshop participants');
  await backToOutline(page);

  // Recommendations: two added, the second moved up, the first deleted; numbers follow.
  await page.getByTestId('open-recommendations').click();
  const recs = page.getByTestId('recs-legal').getByTestId('rec-card');
  for (const body of ['Бірінші ұсыныс.', 'Екінші ұсыныс.']) {
    await page.getByTestId('add-rec-legal').click();
    await expect(recs).toHaveCount(body.startsWith('Бір') ? 1 : 2);
    await expect(recs.last().getByTestId('rec-body-text')).toBeFocused();
    await page.keyboard.type(body);
  }
  await recs.nth(1).getByTestId('rec-items').fill('i.a.1, I.A.2, Z9');
  await recs.nth(1).getByTestId('rec-items').blur();
  await expect(page.getByRole('alert')).toContainText('Z9');
  await expect(recs.nth(1).getByTestId('rec-items')).toHaveValue('I.A.1, I.A.2');
  await recs.nth(1).locator('[data-move="up"]').click();
  await expect(recs.nth(0).getByTestId('rec-body-text')).toHaveText('Екінші ұсыныс.');
  await expect(recs.nth(0).getByTestId('rec-number')).toContainText('1');
  await recs.nth(1).getByTestId('rec-delete').click();
  await recs.nth(1).getByTestId('rec-delete-confirm').click();
  await expect(recs).toHaveCount(1);
  await expect(recs.first().getByTestId('rec-body-text')).toHaveText('Екінші ұсыныс.');
  await backToOutline(page);

  // Action plan rows pasted from a spreadsheet, then moved with the keyboard.
  await page.getByTestId('open-actionPlan').click();
  await page.getByTestId('plan-paste-technical').click();
  await page.getByTestId('plan-paste-dialog').locator('textarea').fill(
    ['Болжамды іс-шара\tБасымдық\tМерзімдер\tӘлеуетті арттыру\tВедомстволар', 'A1', '1. Ұлттық комитетті нығайту\tЖоғары\t2022\tИә, оқыту\tСауда және интеграция министрлігі; Қаржы министрлігі', '1.1 Жеке секторды тарту\tОрташа\t2023\tЖоқ\tАтамекен', 'A2', '2. Бірыңғай терезені дамыту\tТөмен\t2024\t\t'].join('\n'),
  );
  await expect(page.getByTestId('plan-paste-dialog').getByRole('status')).toContainText('3');
  await page.getByTestId('plan-paste-add').click();
  const rows = page.getByTestId('plan-technical').getByTestId('plan-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('[data-col="handle"]')).toHaveText(['1', '1.1', '2']);
  await expect(rows.nth(0).locator('[data-col="priority"]')).toHaveValue('high');
  await expect(rows.nth(0).locator('[data-col="capacityNeeded"]')).toHaveValue('yes');
  await expect(rows.nth(0).locator('[data-col="agencies"]')).toHaveValue('Сауда және интеграция министрлігі\nҚаржы министрлігі');
  await expect(page.getByTestId('plan-technical').locator('.plan-group')).toHaveCount(2);
  // Arrow keys move between cells; Shift+Tab on a sub-action's number moves it out.
  await rows.nth(1).locator('[data-col="handle"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(rows.nth(1).locator('[data-col="text"]')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(rows.nth(1).locator('[data-col="handle"]')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(rows.locator('[data-col="handle"]')).toHaveText(['1', '2', '3']);
  await expect(rows.nth(1).locator('[data-col="text"]')).toHaveValue('Жеке секторды тарту');
  // Alt+Up moves it back above its former parent.
  await rows.nth(1).locator('[data-col="handle"]').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rows.nth(0).locator('[data-col="text"]')).toHaveValue('Жеке секторды тарту');
  await expect(rows.nth(0).locator('[data-col="handle"]')).toBeFocused();
  await saved(page);
});
