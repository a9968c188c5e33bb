/**
 * The translator round trip on the command line, from the demo bundles: export XLIFF and
 * XLSX, fill them as a translator would, import into a bundle of translations that merges
 * into the lead's and prints in the report; refused files write nothing. The XLSX opens in
 * LibreOffice with Cyrillic and Kazakh intact. The ru report of the demo with
 * `--untranslated mark` read back through LibreOffice: Russian translations in their rows,
 * "[en]" markers elsewhere, "Казахстан" on the cover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { main } from '../../../cli/main';
import { capture } from '../cli/capture';
import { decodeContainer } from '../../../shared/bundle';
import { memorySource } from '../../../shared/bundle/source';
import { docxParts, docxToText, hasSoffice, inOrder } from '../report/helpers';
import { XLSX_COLUMNS } from '../../../shared/translation/xlsx';

const run = promisify(execFile);
let dir: string;
let bundles: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'translate-cli-'));
  expect(await main(['demo', '-o', join(dir, 'demo'), '--now', '2022-02-01T10:00:00Z'], capture().io)).toBe(0);
  bundles = (await readdir(join(dir, 'demo'))).sort().map((f) => join(dir, 'demo', f));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function bundleTexts(path: string) {
  const r = await decodeContainer(memorySource(new Uint8Array(await readFile(path))), {});
  if (!r.ok) throw new Error('bundle not readable');
  return r.dataset.texts;
}

describe('readiness translate', () => {
  it('exports XLIFF, takes back a filled file as a bundle of translations, and the report prints them', async () => {
    const xlf = join(dir, 'kk.xlf');
    const c = capture();
    expect(await main(['translate', 'export', ...bundles, '--to', 'kk', '-o', xlf], c.io)).toBe(0);
    // The demo has the organisation names in Kazakh (and the country), nothing else.
    expect(c.out).toMatch(/XLIFF, en → kk, \d+ texts: \d+ of \d+ translated into Kazakh/);
    const xml = await readFile(xlf, 'utf8');
    const unit = 'consolidated:A1.3_elaboration';
    const start = xml.indexOf(`<unit id="${unit}">`);
    const seg = xml.indexOf('</source>', start) + '</source>'.length;
    const filled = `${xml.slice(0, seg)}<target xml:space="preserve">Қазақстан Республикасының Сауда және интеграция министрі</target>${xml.slice(seg)}`;
    await writeFile(xlf, filled);

    const out = join(dir, 'kk-translations.rsb');
    const ci = capture();
    expect(await main(['translate', 'import', xlf, ...bundles, '-o', out, '--name', 'Translator'], ci.io)).toBe(0);
    expect(ci.out).toMatch(/1 translation into kk/);
    const texts = await bundleTexts(out);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ key: 'consolidated:A1.3', lang: 'kk', byName: 'Translator', translationState: 'translated' });
    expect(texts[0]!.translates).toBeTruthy();

    // Importing the same file into the merged bundles now changes nothing.
    const again = capture();
    expect(await main(['translate', 'import', xlf, ...bundles, out, '-o', join(dir, 'again.rsb')], again.io)).toBe(0);
    expect(again.out).toMatch(/0 translations into kk/);

    const docx = join(dir, 'kk.docx');
    expect(await main(['report', ...bundles, out, '--lang', 'kk', '--untranslated', 'mark', '--sections', 'annexes', '-o', docx], capture().io)).toBe(0);
    const doc = docxParts(new Uint8Array(await readFile(docx)))['word/document.xml']!;
    expect(doc).toContain('Қазақстан Республикасының Сауда және интеграция министрі');
    // Marked texts: "[en] " in a run tagged English.
    expect(doc).toMatch(/<w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">\[en\] /);
  }, 180_000);

  it('refuses a hostile or foreign file and writes nothing', async () => {
    const bad = join(dir, 'bad.xlf');
    const out = join(dir, 'never.rsb');
    await writeFile(bad, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u"><segment><source>&e;</source></segment></unit></file></xliff>');
    const c = capture();
    expect(await main(['translate', 'import', bad, ...bundles, '-o', out], c.io)).toBe(1);
    expect(c.err).toMatch(/nothing was changed\. It contains a document type declaration/);
    expect(await exists(out)).toBe(false);
    await writeFile(bad, '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>');
    const v = capture();
    expect(await main(['translate', 'import', bad, ...bundles, '-o', out], v.io)).toBe(1);
    expect(v.err).toMatch(/XLIFF version 1\.2/);
    expect(await exists(out)).toBe(false);
    expect(await main(['translate', 'export', ...bundles, '--to', 'en', '-o', join(dir, 'en.xlf')], capture().io)).toBe(2);
  }, 120_000);

  it.skipIf(!hasSoffice())('round trips XLSX; LibreOffice reads Cyrillic and Kazakh intact', async () => {
    const xlsx = join(dir, 'ru.xlsx');
    expect(await main(['translate', 'export', ...bundles, '--to', 'ru', '-o', xlsx], capture().io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Translation')!;
    expect(XLSX_COLUMNS.map((_, i) => ws.getRow(1).getCell(i + 1).value)).toEqual([...XLSX_COLUMNS]);
    // Fill one row, as a translator would in a spreadsheet.
    let filledRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'consolidated:A2.1.1.1_elaboration') {
        row.getCell(4).value = 'Да, документы обрабатываются и публикуются в электронном виде; қазақша әріптер: әғқңөұүһі.';
        row.getCell(5).value = 'translated';
        filledRow = n;
      }
    });
    expect(filledRow).toBeGreaterThan(1);
    const filled = join(dir, 'ru-filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const out = join(dir, 'ru-translations.rsb');
    const c = capture();
    expect(await main(['translate', 'import', filled, ...bundles, '-o', out], c.io)).toBe(0);
    expect(c.out).toMatch(/1 translation into ru/);
    const texts = await bundleTexts(out);
    expect(texts[0]).toMatchObject({ key: 'consolidated:A2.1.1.1', lang: 'ru', value: { kind: 'answer', elaboration: expect.stringContaining('әғқңөұүһі') } });

    // Unchanged units: the re-export with the translation has the same rows as the filled file.
    const again = join(dir, 'ru-again.xlsx');
    expect(await main(['translate', 'export', ...bundles, out, '--to', 'ru', '-o', again], capture().io)).toBe(0);
    const rows = async (p: string) => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(p);
      const out: string[] = [];
      w.getWorksheet('Translation')!.eachRow((r) => out.push(JSON.stringify([1, 2, 3, 4].map((i) => r.getCell(i).value))));
      return out;
    };
    expect(await rows(again)).toEqual(await rows(filled));
    // The same contents give the same bytes (zip entries carry the assessment's date, not the time of export).
    const again2 = join(dir, 'ru-again2.xlsx');
    expect(await main(['translate', 'export', ...bundles, out, '--to', 'ru', '-o', again2], capture().io)).toBe(0);
    expect(Buffer.compare(await readFile(again), await readFile(again2))).toBe(0);
    const zipYear = ((await readFile(again)).readUInt16LE(12) >> 9) + 1980; // DOS date of the first entry
    expect(zipYear).toBeLessThan(new Date().getFullYear()); // the demo assessment's year, not the export's

    // LibreOffice: the sheet as CSV (UTF-8) keeps the letters.
    const profile = await mkdtemp(join(tmpdir(), 'lo-'));
    try {
      await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, again], { timeout: 240_000 });
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
    const csv = await readFile(join(dir, 'ru-again.csv'), 'utf8');
    expect(csv).toContain('id,context,source,target,state');
    expect(csv).toContain('әғқңөұүһі');
    expect(csv).toContain('Министерство торговли и интеграции Республики Казахстан');
  }, 300_000);

  it.skipIf(!hasSoffice())('the demo ru report with --untranslated mark: Russian rows, [en] elsewhere, Казахстан on the cover', async () => {
    const docx = join(dir, 'ru.docx');
    const c = capture();
    expect(await main(['report', ...bundles, '--lang', 'ru', '--untranslated', 'mark', '-o', docx], c.io)).toBe(0);
    expect(c.out).toMatch(/untranslated: \d+ texts printed in the source language, marked/);
    const { ru } = await docxToText({ ru: new Uint8Array(await readFile(docx)) });
    const text = ru!;
    const cover = text.slice(0, 400);
    expect(cover).toContain('Казахстан');
    expect(cover).not.toContain('Kazakhstan');
    // Translated consolidated answers in their rows (Annex III).
    expect(inOrder(text, 'A1.3 Министр торговли и интеграции Республики Казахстан')).toBe(true);
    expect(text).toContain('100% электронное декларирование товаров');
    // Organisation names in Russian in Annex I; untranslated positions and answers marked.
    expect(inOrder(text, 'Национальный банк Республики Казахстан')).toBe(true);
    expect(inOrder(text, 'A1.1 Нет. [en] There is no separate governance')).toBe(true);
    expect((text.match(/\[en\]/g) ?? []).length).toBeGreaterThan(50);
    // A translated answer is not marked.
    expect(text).not.toMatch(/\[en\]\s*Министр торговли/);
  }, 300_000);
});
