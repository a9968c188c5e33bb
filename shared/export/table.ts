/**
 * The shape every analysis sheet has, whatever writes it (XLSX through exceljs, CSV as
 * text): typed columns and lazily produced rows, so a writer can stream 168,000 rows without
 * holding them. Cell texts are made safe here, once, for every format.
 */

/**
 * text     – short text on one line (codes, names, ids)
 * wrap     – long text: wrapped, top-aligned
 * date     – a calendar date (a real date in XLSX, "YYYY-MM-DD" in CSV)
 * datetime – a moment in UTC (a real date-time in XLSX, "YYYY-MM-DDTHH:MM:SSZ" in CSV)
 * number   – a number
 */
export type ColumnKind = 'text' | 'wrap' | 'date' | 'datetime' | 'number';

export interface Column {
  readonly key: string;
  readonly header: string;
  /** Width in characters (XLSX). */
  readonly width: number;
  readonly kind: ColumnKind;
}

/** A cell: a (safe) string, a number, a Date for date columns, or empty. */
export type Cell = string | number | Date | undefined;
export type Row = readonly Cell[];

export type SheetId = 'long' | 'wide' | 'consolidated' | 'summary' | 'stakeholders' | 'codes';

export interface SheetSpec {
  readonly id: SheetId;
  /** The sheet's name in the chosen language (≤ 31 characters, no []:*?/\). */
  readonly name: string;
  readonly columns: readonly Column[];
  /** Columns kept visible when scrolling right (the row's identity). */
  readonly frozenColumns: number;
  /** Rows in order, aligned with `columns`; produced on demand, once per call. */
  readonly rows: () => Iterable<Row>;
}

/** The most characters a spreadsheet cell holds (Excel's limit). */
export const MAX_CELL_CHARS = 32_767;

/** First characters a spreadsheet would read as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A user-typed text made safe for a spreadsheet: characters XML cannot carry dropped, line
 * breaks as "\n", a leading apostrophe when it would start a formula, and cut to what a
 * cell holds. Undefined for an empty text.
 */
export function safeText(text: string | undefined, truncatedMark: string): string | undefined {
  if (text === undefined) return undefined;
  let t = text;
  // Most texts hold nothing to drop or change: one quick scan settles it.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(t))
    // eslint-disable-next-line no-control-regex
    t = t.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  if (t.trim() === '') return undefined;
  if (FORMULA_START.test(t)) t = `'${t}`;
  if (t.length > MAX_CELL_CHARS) {
    let cut = MAX_CELL_CHARS - truncatedMark.length - 1;
    // Do not split a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(t.charAt(cut - 1))) cut--;
    t = `${t.slice(0, cut)} ${truncatedMark}`;
  }
  return t;
}

/** Whether a cell text was written with the apostrophe that keeps it from being a formula. */
export function isNeutralised(cellText: string): boolean {
  return /^'[=+\-@\t\r]/.test(cellText);
}

/** "2021-10-04" → a Date at midnight UTC, or undefined if it is not a calendar date. */
export function calendarDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** An ISO timestamp → a Date, or undefined. */
export function timestamp(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
