/**
 * The workbook's shape, read back with exceljs: six sheets in the chosen language, a bold
 * frozen header row with a filter, column widths, wrapped long texts, real dates; the
 * in-memory writer (the app) and the streaming writer (the CLI) agree. And the CLI command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeAnalysisFile } from '../../../cli/analysisFiles';
import { encodeBundle } from '../../../shared/bundle/codec';
import { analysisSheets, EXPORT_STRINGS, QUESTIONS, safeText, writeSheets, csvBytes, longSheetOf, MAX_CELL_CHARS } from '../../../shared/export';
import type { Dataset } from '../../../shared/model/types';
import { runCli } from '../cli/capture';
import { parseCsv, trickyDataset } from './helpers';

let dir: string;
let dataset: Dataset;
let streamed: ExcelJS.Workbook;
let inMemory: ExcelJS.Workbook;
const info = { interviewer: { id: 'i1', name: 'Aigerim', organization: 'ESCAP' }, deviceId: 'd1', appVersion: '0.1.0', kind: 'interviews' as const };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-xlsx-'));
  dataset = trickyDataset();
  await writeAnalysisFile(dataset, 'xlsx', { lang: 'ru' }, join(dir, 'a.xlsx'));
  streamed = new ExcelJS.Workbook();
  await streamed.xlsx.readFile(join(dir, 'a.xlsx'));
  // The app's path: an in-memory workbook written to a buffer.
  const wb = new ExcelJS.Workbook();
  await writeSheets(wb, analysisSheets(dataset, { lang: 'ru' }));
  inMemory = new ExcelJS.Workbook();
  await inMemory.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analysis workbook', () => {
  it('has the six sheets, each with a frozen bold header row, a filter and column widths', () => {
    const S = EXPORT_STRINGS.ru;
    for (const wb of [streamed, inMemory]) {
      expect(wb.worksheets.map((w) => w.name)).toEqual([S.sheets.long, S.sheets.wide, S.sheets.consolidated, S.sheets.summary, S.sheets.stakeholders, S.sheets.codes]);
      for (const ws of wb.worksheets) {
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.autoFilter).toBeTruthy();
        expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
        expect(ws.getColumn(1).width).toBeGreaterThan(5);
      }
      const long = wb.worksheets[0]!;
      expect(long.rowCount).toBe(1 + dataset.interviews.length * QUESTIONS.length);
      expect(wb.worksheets[1]!.views[0]).toMatchObject({ xSplit: 3 });
    }
  });

  it('writes dates as dates, numbers as numbers, wraps long texts and neutralises formulas', () => {
    const S = EXPORT_STRINGS.ru.columns;
    for (const wb of [streamed, inMemory]) {
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).map(String);
      const col = (name: string) => header.indexOf(name);
      let found = 0;
      ws.eachRow((row, n) => {
        if (n === 1 || row.getCell(col(S.questionId)).value !== 'A2.1.1.5' || row.getCell(col(S.organization)).value !== 'Қазақстан Республикасы Сауда министрлігі') return;
        found++;
        const date = row.getCell(col(S.date));
        expect(date.value).toBeInstanceOf(Date);
        expect((date.value as Date).toISOString()).toBe('2021-10-20T00:00:00.000Z');
        expect(date.numFmt).toBe('yyyy-mm-dd');
        expect(row.getCell(col(S.revisedAt)).value).toBeInstanceOf(Date);
        expect(row.getCell(col(S.number)).value).toBe(45);
        const elaboration = row.getCell(col(S.elaboration));
        expect(elaboration.value).toBe("'\tstarts with a tab");
        expect(elaboration.alignment?.wrapText).toBe(true);
        expect(elaboration.type).toBe(ExcelJS.ValueType.String);
      });
      expect(found).toBe(1);
      // No cell anywhere is a formula.
      for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
  });

  it('leaves private notes out unless asked', () => {
    const withNotes: Dataset = { ...dataset, answers: dataset.answers.map((a, i) => (i === 0 ? { ...a, value: { ...a.value, notes: 'PRIVATE NOTE' } } : a)) };
    const text = new TextDecoder().decode(csvBytes(longSheetOf(withNotes, { lang: 'en' })));
    expect(text).not.toContain('PRIVATE NOTE');
    expect(new TextDecoder().decode(csvBytes(longSheetOf(withNotes, { lang: 'en', includePrivate: true })))).toContain('PRIVATE NOTE');
  });

  it('leaves deleted interviews and their answers out (the live dataset)', () => {
    const gone = dataset.interviews[0]!;
    const deleted: Dataset = {
      ...dataset,
      tombstones: [{ id: 't1', assessmentId: dataset.assessment.id, target: 'interview', targetId: gone.id, reason: 'duplicate', at: '2030-01-01T00:00:00.000Z', by: 'x', byName: 'x', deviceId: 'd' }],
    };
    const text = new TextDecoder().decode(csvBytes(longSheetOf(deleted, { lang: 'en' })));
    expect(parseCsv(text)).toHaveLength(1 + (dataset.interviews.length - 1) * QUESTIONS.length);
    expect(text).not.toContain(gone.id);
  });

  it('cuts a text longer than a cell holds, and marks it', () => {
    const long = 'ә'.repeat(40_000);
    const t = safeText(long, '[truncated]')!;
    expect(t.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(t.endsWith(' [truncated]')).toBe(true);
    expect(safeText('=1+1', 'x')).toBe("'=1+1");
    expect(safeText('  ', 'x')).toBeUndefined();
    expect(safeText('a\u0001b', 'x')).toBe('ab');
  });

  it('CSV keeps multi-line answers inside one quoted field', () => {
    const rows = parseCsv(new TextDecoder().decode(csvBytes(longSheetOf(dataset, { lang: 'en' }))));
    const header = rows[0]!;
    const a13 = rows.find((r) => r[header.indexOf('Question ID')] === 'A1.3' && r[header.indexOf('Interview language')] === 'kk')!;
    expect(a13[header.indexOf('Elaboration on status/issues/future plan')]).toBe('He said "yes", then left.\n- first point\n- second point');
  });
});

describe('readiness export', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = join(dir, 'one.rsb');
    await writeFile(bundle, await encodeBundle(dataset, info));
    await writeFile(join(dir, 'other.rsb'), await encodeBundle({ ...dataset, assessment: { ...dataset.assessment, id: 'another' }, stakeholders: [], interviews: [], answers: [], consolidated: [] }, info));
    await writeFile(join(dir, 'junk.rsb'), 'not a bundle');
  });

  it('writes XLSX and CSV', async () => {
    const r = await runCli(['export', bundle, '--format', 'csv', '--lang', 'kk', '-o', join(dir, 'out.csv')]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('out.csv');
    const csv = await readFile(join(dir, 'out.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv)).toHaveLength(1 + dataset.interviews.length * QUESTIONS.length);
    const x = await runCli(['export', bundle, '--lang', 'en', '-o', join(dir, 'out.xlsx')]);
    expect(x.code).toBe(0);
    expect((await stat(join(dir, 'out.xlsx'))).size).toBeGreaterThan(10_000);
  }, 60_000);

  it('refuses an invalid bundle and writes nothing', async () => {
    const out = join(dir, 'never.xlsx');
    const r = await runCli(['export', bundle, join(dir, 'junk.rsb'), '--lang', 'en', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('junk.rsb');
    expect(r.err).toContain('nothing written');
    await expect(stat(out)).rejects.toThrow();
    const other = await runCli(['export', bundle, join(dir, 'other.rsb'), '--lang', 'en', '-o', out]);
    expect(other.code).toBe(1);
    expect(other.err).toContain('another assessment');
    await expect(stat(out)).rejects.toThrow();
  });

  it.each([
    [['export', '--lang', 'en', '-o', 'x.xlsx'], 'no bundle files given'],
    [['export', 'a.rsb', '--lang', 'en'], '-o OUT.xlsx or -o OUT.csv is required'],
    [['export', 'a.rsb', '--lang', 'en', '-o', 'x.txt'], '--format must be xlsx or csv'],
    [['export', 'a.rsb', '--format', 'csv', '--lang', 'en', '-o', 'x.xlsx'], 'must end in .csv'],
    [['export', 'a.rsb', '-o', 'x.xlsx'], '--lang is required'],
    [['export', 'a.rsb', '--lang', 'de', '-o', 'x.xlsx'], "unknown language 'de'"],
    [['export', 'a.rsb', '--lang', 'en', '-o', 'x.xlsx', '--passphrase', 'p'], 'must not be typed'],
  ] as const)('usage error %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
