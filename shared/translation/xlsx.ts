/**
 * XLSX out and in, for translators without a CAT tool. The caller creates the exceljs
 * Workbook (in memory in the browser, in Node the same) and writes or loads its bytes.
 *
 * Sheet 1 "Translation": id | context | source | target | state, one row per unit; the
 * translator fills "target" (and may set state to "translated" or "reviewed"). Rich texts
 * use the plain notation (**bold**, *italic*, [[A2.1.1]], [^footnote], "- " lists) so the
 * markup survives a spreadsheet. Sheet 2 "About" (hidden) names the assessment and the
 * languages, so a file of another assessment or language is refused. The same checks as
 * for XLIFF follow (`checkUnits`).
 */
import type { Workbook, Worksheet, CellValue } from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Lang } from '../i18n';
import { isLang } from '../i18n';
import type { Dataset } from '../model/types';
import { translationUnits, type TranslationUnit } from './units';
import { checkUnits, type FileUnit, type ImportResult } from './import';
import { fileOriginal } from './xliff';

export const XLSX_COLUMNS = ['id', 'context', 'source', 'target', 'state'] as const;
const SHEET = 'Translation';
const ABOUT = 'About';
/** Rows read at most (a unit per row; an assessment has a few thousand). */
export const XLSX_MAX_ROWS = 200_000;

/** Writes the translation sheet for `target` into `wb`. */
export function writeTranslationWorkbook(wb: Workbook, dataset: Dataset, target: Lang, units: readonly TranslationUnit[] = translationUnits(dataset, target)): void {
  // Fixed document dates: an unchanged export has the same contents.
  const when = new Date(dataset.assessment.updatedAt || dataset.assessment.createdAt || 0);
  wb.creator = 'Readiness Studio';
  wb.created = when;
  wb.modified = when;
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'id', key: 'id', width: 34 },
    { header: 'context', key: 'context', width: 40 },
    { header: 'source', key: 'source', width: 60 },
    { header: 'target', key: 'target', width: 60 },
    { header: 'state', key: 'state', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  const wrap = { vertical: 'top' as const, wrapText: true };
  for (const u of units) {
    const row = ws.addRow({ id: u.id, context: u.context, source: u.source, target: u.target ?? '', state: u.state });
    row.alignment = wrap;
  }
  ws.autoFilter = { from: 'A1', to: 'E1' };
  const about = wb.addWorksheet(ABOUT, { state: 'hidden' });
  about.addRow(['assessment', fileOriginal(dataset.assessment.id)]);
  about.addRow(['source language', units[0]?.sourceLang ?? '']);
  about.addRow(['target language', target]);
}

/**
 * The workbook's bytes, the same for the same contents: exceljs stamps each zip entry with
 * the current time, so the entries are repacked (same order) with the assessment's date.
 */
export async function translationWorkbookBytes(wb: Workbook, dataset: Dataset): Promise<Uint8Array> {
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const files = unzipSync(raw);
  const when = new Date(Math.max(Date.parse(dataset.assessment.updatedAt || dataset.assessment.createdAt) || 0, Date.UTC(1980, 0, 2)));
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime: when }];
  return zipSync(entries, { level: 6 });
}

/** A cell as text (exceljs gives strings, numbers, rich text, formulas with results …). */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v && v.result !== undefined) return cellText(v.result as CellValue);
  }
  return '';
}

function aboutValue(about: Worksheet, key: string): string {
  let out = '';
  about.eachRow((row) => {
    if (cellText(row.getCell(1).value) === key) out = cellText(row.getCell(2).value);
  });
  return out;
}

/** Checks a loaded workbook against the dataset (see `checkUnits`). Writes nothing. */
export function readTranslationWorkbook(wb: Workbook, dataset: Dataset, expectLang?: Lang): ImportResult {
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  const about = wb.getWorksheet(ABOUT);
  if (!ws || !about) return { ok: false, refusal: { code: 'notXlsx' } };
  const header = XLSX_COLUMNS.map((_, i) => cellText(ws.getRow(1).getCell(i + 1).value).trim().toLowerCase());
  if (header.join('|') !== XLSX_COLUMNS.join('|')) return { ok: false, refusal: { code: 'columns' } };
  if (aboutValue(about, 'assessment') !== fileOriginal(dataset.assessment.id)) return { ok: false, refusal: { code: 'otherAssessment' } };
  const lang = aboutValue(about, 'target language');
  if (!isLang(lang) || (expectLang && lang !== expectLang)) return { ok: false, refusal: { code: 'language', params: { lang: lang || '?' } } };
  if (ws.rowCount > XLSX_MAX_ROWS) return { ok: false, refusal: { code: 'tooManyElements', params: { limit: XLSX_MAX_ROWS } } };
  const units: FileUnit[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const id = cellText(row.getCell(1).value).trim();
    if (!id) return;
    const target = cellText(row.getCell(4).value);
    const state = cellText(row.getCell(5).value).trim().toLowerCase();
    units.push({ id, source: cellText(row.getCell(3).value), target: target === '' ? undefined : target, reviewed: state === 'reviewed', confirmed: state === 'translated' || state === 'reviewed' });
  });
  return checkUnits(dataset, lang, units);
}
