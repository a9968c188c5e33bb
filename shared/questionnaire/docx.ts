/**
 * Reading a returned .docx safely, into a small model of its tables and paragraphs.
 *
 * Defences (hostile or damaged files change nothing; each gets its own error code):
 * - at most MAX_FILE_BYTES; a .doc, PDF, RTF or .odt is recognised and refused with advice;
 * - a .docm (macros: the macro-enabled content type or a vbaProject part) is refused;
 * - only the three parts read are inflated, in small steps, with an absolute limit and a
 *   compression-ratio limit checked while inflating (zip bombs);
 * - XML is parsed strictly (saxes) and any DOCTYPE is refused, so no entity is expanded.
 *
 * What people do to Word files is read the way Word shows it: tracked insertions count,
 * tracked deletions and moved-away text do not; comments, field codes and the fallback copy
 * of alternate content are ignored; a check box content control's state is read.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Largest inflated part read (the document text of a long questionnaire is a few MB). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Inflated/compressed ratio past which a part of more than RATIO_FLOOR bytes is a bomb. */
const MAX_RATIO = 200;
const RATIO_FLOOR = 4 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time, so one step cannot explode. */
const STEP = 16 * 1024;

export type DocxErrorCode = 'tooLarge' | 'empty' | 'legacyDoc' | 'pdf' | 'rtf' | 'odt' | 'notDocx' | 'macros' | 'zipBomb' | 'damaged' | 'doctype' | 'xml';

export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'DocxError';
  }
}

// ---- The model --------------------------------------------------------------------------

export interface DocRun {
  readonly text: string;
  readonly bold: boolean;
  readonly highlight: boolean;
  /** Inside a check box content control: its checked state. */
  readonly checkbox?: boolean;
}

export interface DocParagraph {
  readonly runs: DocRun[];
  /** A list item (numbered or bulleted). */
  readonly list: boolean;
}

export interface DocCell {
  /** Grid column where the cell starts, and how many it spans. */
  readonly gridStart: number;
  readonly span: number;
  /** A vertically merged cell continuing the one above (holds nothing of its own). */
  readonly continues: boolean;
  readonly paragraphs: DocParagraph[];
  readonly bookmarks: string[];
}

export interface DocRow {
  readonly cells: DocCell[];
}

export interface DocTable {
  readonly rows: DocRow[];
}

export interface DocBody {
  readonly tables: DocTable[];
  /** Texts of the paragraphs outside every table, in order. */
  readonly paragraphs: string[];
  /** Custom document properties, by name. */
  readonly properties: ReadonlyMap<string, string>;
}

export function paragraphText(p: DocParagraph): string {
  return p.runs.map((r) => r.text).join('');
}

// ---- Unpacking --------------------------------------------------------------------------

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new DocxError('empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new DocxError('legacyDoc');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new DocxError('pdf');
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new DocxError('rtf');
  throw new DocxError('notDocx');
}

const WANTED = ['[Content_Types].xml', 'word/document.xml', 'docProps/custom.xml', 'mimetype'] as const;
type Wanted = (typeof WANTED)[number];

/** The parts we read, inflated under limits; the names of all parts. */
function unpack(bytes: Uint8Array): { parts: Partial<Record<Wanted, Uint8Array>>; names: string[] } {
  const parts: Partial<Record<Wanted, Uint8Array>> = {};
  const names: string[] = [];
  let failure: DocxError | undefined;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    names.push(file.name);
    if (!(WANTED as readonly string[]).includes(file.name)) return;
    const chunks: Uint8Array[] = [];
    let inflated = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new DocxError('damaged', err.message);
        return;
      }
      inflated += data.length;
      const compressed = Math.max(1, file.size ?? bytes.length);
      if (inflated > MAX_PART_BYTES || (inflated > RATIO_FLOOR && inflated / compressed > MAX_RATIO)) {
        failure = new DocxError('zipBomb');
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) parts[file.name as Wanted] = concat(chunks, inflated);
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length && !failure; at += STEP) unzip.push(bytes.subarray(at, Math.min(bytes.length, at + STEP)), at + STEP >= bytes.length);
  } catch (err) {
    if (err instanceof DocxError) throw err;
    throw failure ?? new DocxError('damaged', err instanceof Error ? err.message : String(err));
  }
  if (failure) throw failure;
  return { parts, names };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocxError('xml', 'not UTF-8');
  }
}

// ---- XML --------------------------------------------------------------------------------

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';

function parser(onOpen: (tag: SaxesTagNS) => void, onClose: (tag: SaxesTagNS) => void, onText: (text: string) => void): SaxesParser<{ xmlns: true }> {
  const p = new SaxesParser({ xmlns: true });
  p.on('doctype', () => {
    throw new DocxError('doctype');
  });
  p.on('opentag', onOpen);
  p.on('closetag', onClose);
  p.on('text', onText);
  return p;
}

function parseXml(text: string, onOpen: (tag: SaxesTagNS) => void, onClose: (tag: SaxesTagNS) => void, onText: (text: string) => void): void {
  try {
    parser(onOpen, onClose, onText).write(text).close();
  } catch (err) {
    if (err instanceof DocxError) throw err;
    throw new DocxError('xml', err instanceof Error ? err.message.split('\n')[0]!.slice(0, 160) : String(err));
  }
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}

/** An on/off property (<w:b/>, <w:b w:val="0"/>). */
function isOn(tag: SaxesTagNS): boolean {
  const v = attr(tag, 'val');
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

function contentTypes(text: string): string[] {
  const types: string[] = [];
  parseXml(
    text,
    (tag) => {
      const type = attr(tag, 'ContentType');
      if (type) types.push(type);
    },
    () => undefined,
    () => undefined,
  );
  return types;
}

function customProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let name: string | undefined;
  let value = '';
  let depth = 0;
  parseXml(
    text,
    (tag) => {
      if (tag.uri === CUSTOM && tag.local === 'property') {
        name = attr(tag, 'name');
        value = '';
        depth = 0;
      } else if (name !== undefined) depth++;
    },
    (tag) => {
      if (tag.uri === CUSTOM && tag.local === 'property') {
        if (name !== undefined) out.set(name, value);
        name = undefined;
      } else if (name !== undefined) depth--;
    },
    (t) => {
      if (name !== undefined && depth > 0) value += t;
    },
  );
  return out;
}

/** Symbol-font characters Word uses for boxes and ticks (Wingdings), as the Unicode they look like. */
const SYMBOL_FONT: Readonly<Record<number, string>> = { 0xf0a8: '☐', 0xf06f: '☐', 0xf071: '☐', 0xf0fe: '☒', 0xf078: '☒', 0xf0fd: '☒', 0xf0fc: '✓', 0xf0fb: '✗' };

/** The character of a <w:sym w:char="2610"/>. */
function symbolChar(hex: string | undefined): string {
  const code = parseInt(hex ?? '', 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return '';
  return SYMBOL_FONT[code] ?? (code >= 0xf000 && code <= 0xf0ff ? '' : String.fromCodePoint(code));
}

/** Elements whose content is not part of the text as shown. */
const SKIP = new Set(['del', 'moveFrom', 'instrText', 'delText', 'delInstrText', 'commentReference', 'footnoteReference', 'endnoteReference']);

function documentBody(text: string): { tables: DocTable[]; paragraphs: string[] } {
  const tables: DocTable[] = [];
  const outside: string[] = [];
  // Open tables, innermost last: a nested table's text belongs to the cell that holds it.
  const tableStack: Array<{ table: DocTable; row?: { cells: DocCell[]; grid: number }; cell?: DocCell & { paragraphs: DocParagraph[]; bookmarks: string[] } }> = [];
  let paragraph: { runs: DocRun[]; list: boolean } | undefined;
  let run: { text: string; bold: boolean; highlight: boolean; checkbox?: boolean } | undefined;
  let skip = 0;
  let inRunProps = false;
  let inParaProps = false;
  let cellProps: { span: number; continues: boolean } | undefined;
  // Check box content controls, innermost last (undefined: a control that is not a check box).
  const sdts: Array<boolean | undefined> = [];
  const checkboxState = (): boolean | undefined => {
    for (let i = sdts.length - 1; i >= 0; i--) if (sdts[i] !== undefined) return sdts[i];
    return undefined;
  };
  const currentCell = () => tableStack[tableStack.length - 1]?.cell;
  const endRun = () => {
    if (run && paragraph && run.text !== '') paragraph.runs.push({ ...run });
    run = undefined;
  };

  parseXml(
    text,
    (tag) => {
      if (skip > 0) {
        skip++;
        return;
      }
      if ((tag.uri === W && SKIP.has(tag.local)) || (tag.uri === MC && tag.local === 'Fallback')) {
        skip = 1;
        return;
      }
      if (tag.uri === W14 && tag.local === 'checked') {
        if (sdts.length > 0) sdts[sdts.length - 1] = isOn(tag);
        return;
      }
      if (tag.uri === W14 && tag.local === 'checkbox') {
        if (sdts.length > 0 && sdts[sdts.length - 1] === undefined) sdts[sdts.length - 1] = false;
        return;
      }
      if (tag.uri !== W) return;
      switch (tag.local) {
        case 'tbl':
          tableStack.push({ table: { rows: [] } });
          break;
        case 'tr': {
          const t = tableStack[tableStack.length - 1];
          if (t) t.row = { cells: [], grid: 0 };
          break;
        }
        case 'gridBefore': {
          const t = tableStack[tableStack.length - 1];
          if (t?.row) t.row.grid += Number(attr(tag, 'val')) || 0;
          break;
        }
        case 'tc': {
          const t = tableStack[tableStack.length - 1];
          if (t?.row) {
            t.cell = { gridStart: t.row.grid, span: 1, continues: false, paragraphs: [], bookmarks: [] };
            cellProps = { span: 1, continues: false };
          }
          break;
        }
        case 'gridSpan':
          if (cellProps) cellProps.span = Math.max(1, Math.min(64, Number(attr(tag, 'val')) || 1));
          break;
        case 'vMerge':
          if (cellProps) cellProps.continues = (attr(tag, 'val') ?? 'continue') === 'continue';
          break;
        case 'p':
          paragraph = { runs: [], list: false };
          break;
        case 'pPr':
          inParaProps = true;
          break;
        case 'numPr':
          if (paragraph && inParaProps) paragraph.list = true;
          break;
        case 'sdt':
          sdts.push(undefined);
          break;
        case 'r':
          run = { text: '', bold: false, highlight: false, ...(checkboxState() !== undefined ? { checkbox: checkboxState() } : {}) };
          break;
        case 'rPr':
          if (run) inRunProps = true;
          break;
        case 'b':
          if (run && inRunProps) run.bold = isOn(tag);
          break;
        case 'highlight':
          if (run && inRunProps) run.highlight = isOn(tag);
          break;
        case 'shd':
          if (run && inRunProps) {
            const fill = (attr(tag, 'fill') ?? 'auto').toLowerCase();
            if (fill !== 'auto' && fill !== 'ffffff') run.highlight = true;
          }
          break;
        case 'tab':
          if (run && !inRunProps && !inParaProps) run.text += '\t';
          break;
        case 'sym':
          if (run) run.text += symbolChar(attr(tag, 'char'));
          break;
        case 'br':
        case 'cr':
          if (run) run.text += '\n';
          break;
        case 'bookmarkStart': {
          const name = attr(tag, 'name');
          const cell = currentCell();
          if (name && cell) cell.bookmarks.push(name);
          break;
        }
      }
    },
    (tag) => {
      if (skip > 0) {
        skip--;
        return;
      }
      if (tag.uri !== W) return;
      switch (tag.local) {
        case 'tcPr': {
          const t = tableStack[tableStack.length - 1];
          if (t?.cell && cellProps) t.cell = { ...t.cell, span: cellProps.span, continues: cellProps.continues };
          break;
        }
        case 'tc': {
          const t = tableStack[tableStack.length - 1];
          if (t?.row && t.cell) {
            t.row.cells.push(t.cell);
            t.row.grid += t.cell.span;
          }
          if (t) t.cell = undefined;
          cellProps = undefined;
          break;
        }
        case 'tr': {
          const t = tableStack[tableStack.length - 1];
          if (t?.row) t.table.rows.push({ cells: t.row.cells });
          if (t) t.row = undefined;
          break;
        }
        case 'tbl': {
          const done = tableStack.pop();
          if (!done) break;
          const outer = tableStack[tableStack.length - 1]?.cell;
          if (outer) {
            // A table typed inside a cell: its text joins the cell's.
            for (const r of done.table.rows) for (const c of r.cells) outer.paragraphs.push(...c.paragraphs);
          } else tables.push(done.table);
          break;
        }
        case 'pPr':
          inParaProps = false;
          break;
        case 'rPr':
          inRunProps = false;
          break;
        case 'r':
          endRun();
          break;
        case 'sdt':
          sdts.pop();
          break;
        case 'p': {
          endRun();
          if (!paragraph) break;
          const cell = currentCell();
          if (cell) cell.paragraphs.push(paragraph);
          else if (tableStack.length === 0) {
            const t = paragraph.runs.map((r) => r.text).join('');
            if (t.trim() !== '') outside.push(t);
          }
          paragraph = undefined;
          break;
        }
      }
    },
    (t) => {
      if (skip === 0 && run && !inRunProps) run.text += t;
    },
  );
  return { tables, paragraphs: outside };
}

/** Unpacks and reads a .docx. Throws DocxError for anything that is not a safe, readable .docx. */
export function readDocx(bytes: Uint8Array): DocBody {
  if (bytes.length > MAX_FILE_BYTES) throw new DocxError('tooLarge');
  sniff(bytes);
  const { parts, names } = unpack(bytes);
  if (parts.mimetype && utf8(parts.mimetype).startsWith('application/vnd.oasis.opendocument')) throw new DocxError('odt');
  const typesXml = parts['[Content_Types].xml'];
  const documentXml = parts['word/document.xml'];
  if (!typesXml || !documentXml) throw new DocxError('notDocx');
  const types = contentTypes(utf8(typesXml));
  if (types.some((t) => /macroEnabled|vbaProject/i.test(t)) || names.some((n) => /vbaProject\.bin$/i.test(n))) throw new DocxError('macros');
  const properties = parts['docProps/custom.xml'] ? customProperties(utf8(parts['docProps/custom.xml'])) : new Map<string, string>();
  const { tables, paragraphs } = documentBody(utf8(documentXml));
  return { tables, paragraphs, properties };
}
