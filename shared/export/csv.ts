/**
 * CSV of one sheet: UTF-8 with a byte order mark (so Excel on Windows reads Cyrillic and
 * Kazakh), RFC 4180 (comma separated, CRLF between records, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled). Line breaks inside answers survive inside
 * quoted fields. Texts were made formula-safe when the rows were built (table.ts).
 */
import type { Cell, Column, SheetSpec } from './table';

export const CSV_BOM = '\uFEFF';

function field(value: Cell, column: Column): string {
  if (value === undefined) return '';
  let text: string;
  if (value instanceof Date) {
    const iso = value.toISOString();
    text = column.kind === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
  } else text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text in chunks (the BOM and header first, then about `rowsPerChunk` records each). */
export function* csvChunks(sheet: SheetSpec, rowsPerChunk = 500): Generator<string> {
  const { columns } = sheet;
  let chunk = CSV_BOM + columns.map((c) => field(c.header, c)).join(',') + '\r\n';
  let n = 0;
  for (const row of sheet.rows()) {
    chunk += columns.map((c, i) => field(row[i], c)).join(',') + '\r\n';
    if (++n % rowsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The whole CSV as UTF-8 bytes (for the browser; Node streams csvChunks to a file). */
export function csvBytes(sheet: SheetSpec): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const chunk of csvChunks(sheet)) {
    const bytes = encoder.encode(chunk);
    parts.push(bytes);
    size += bytes.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
