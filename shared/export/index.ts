/**
 * Spreadsheets for analysis (docs/data-exchange.md): the workbook's sheets as typed rows,
 * CSV text, and the exceljs writer that both the CLI (streaming) and the app (in memory) use.
 */
export { analysisSheets, longSheetOf, statusOf, sectionOf, QUESTIONS, type AnalysisOptions } from './sheets';
export { csvBytes, csvChunks, CSV_BOM } from './csv';
export { writeSheets, columnLetter, type WriteXlsxOptions } from './xlsx';
export { safeText, isNeutralised, MAX_CELL_CHARS, type Cell, type Column, type ColumnKind, type Row, type SheetId, type SheetSpec } from './table';
export { EXPORT_STRINGS, type ExportStrings } from './strings';
