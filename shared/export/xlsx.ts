/**
 * Writes the analysis sheets into an exceljs workbook: the in-memory Workbook in the
 * browser, the streaming WorkbookWriter in Node (the caller creates it and commits it).
 * Each sheet gets a bold, frozen header row with a filter, column widths, wrapped top-aligned
 * text in long-text columns, and real dates with a date format.
 *
 * Speed: exceljs works out a style for every cell; cells share a few frozen style objects,
 * which exceljs caches by identity, so that costs one lookup per cell.
 */
import type { Style, Workbook, Worksheet } from 'exceljs';
import type { Cell, ColumnKind, SheetSpec } from './table';

const TOP = Object.freeze({ vertical: 'top' as const });
const STYLES: Readonly<Record<ColumnKind, Partial<Style>>> = Object.freeze({
  text: Object.freeze({ alignment: TOP }),
  wrap: Object.freeze({ alignment: Object.freeze({ vertical: 'top' as const, wrapText: true }) }),
  date: Object.freeze({ alignment: TOP, numFmt: 'yyyy-mm-dd' }),
  datetime: Object.freeze({ alignment: TOP, numFmt: 'yyyy-mm-dd hh:mm' }),
  number: Object.freeze({ alignment: TOP }),
});
const HEADER: Partial<Style> = Object.freeze({
  font: Object.freeze({ bold: true }),
  alignment: Object.freeze({ vertical: 'top' as const, wrapText: true }),
  fill: Object.freeze({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: Object.freeze({ argb: 'FFD9E2F3' }) }),
});

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export interface WriteXlsxOptions {
  /** Called every `every` rows (Node: lets the zip stream drain, so memory stays flat). */
  readonly pause?: (worksheet: Worksheet) => Promise<void>;
  readonly every?: number;
  /** Called after each sheet with the number of sheets done. */
  readonly onSheet?: (done: number, total: number) => void;
}

export async function writeSheets(workbook: Workbook, sheets: readonly SheetSpec[], options: WriteXlsxOptions = {}): Promise<void> {
  const every = options.every ?? 500;
  for (const [n, sheet] of sheets.entries()) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: sheet.frozenColumns, activeCell: 'A2' }],
    });
    ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.style = HEADER;
    });
    header.commit();
    const styles = sheet.columns.map((c) => STYLES[c.kind]);
    let count = 0;
    for (const values of sheet.rows()) {
      const row = ws.addRow(values as Cell[]);
      // eachCell visits the cells made for defined values, without building their addresses again.
      row.eachCell((cell, column) => {
        cell.style = styles[column - 1]!;
      });
      row.commit();
      if (options.pause && ++count % every === 0) await options.pause(ws);
    }
    // A streaming writer's sheet is finished by commit(); an in-memory sheet has none.
    (ws as Partial<{ commit(): void }>).commit?.call(ws);
    options.onSheet?.(n + 1, sheets.length);
  }
}
