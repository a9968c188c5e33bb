/**
 * A returned questionnaire as answers: rows matched to questions by their bookmark (or their
 * number), ticks read the ways people tick, text columns read as paragraphs and lists.
 *
 * A tick is any of: a check box control that is checked; ☒ ☑ ✓ ✔ ✗ ✘ ■ (or "X", "x", "V",
 * "+") before or after the option; the option's label made bold or highlighted; or, when the
 * other options of the cell still have their ☐, an option whose ☐ was deleted.
 */
import { CATALOGUE_ITEMS, itemTexts, type CatalogueItem } from '../checklist/catalogue';
import type { ChecklistId } from '../checklist/types';
import { isLang, LANGUAGES, type Lang } from '../i18n';
import { CHECKLIST_PARTS, type AnswerValue, type ChecklistPart } from '../model/types';
import { PROPERTY } from './build';
import { paragraphText, readDocx, type DocBody, type DocCell, type DocParagraph, type DocRow, type DocTable } from './docx';
import { LAYOUTS, boxLabels, fieldOf, normalizeLabel, questionOfBookmark, questionOfNumber, textOwner } from './layout';
import { QUESTIONNAIRE_STRINGS } from './strings';

/** What the document says about itself (its custom properties). */
export interface QuestionnaireInfo {
  readonly assessmentId: string;
  readonly interviewId: string;
  readonly organization: string;
  readonly catalogueVersion: string;
  readonly lang: Lang;
  readonly parts: readonly ChecklistPart[];
  readonly prefilled: boolean;
}

/** One question row as read. */
export interface RowAnswer {
  readonly questionId: string;
  /** The fields the row filled in (nothing for an empty row). */
  readonly value: AnswerValue;
  /** Ticks that cannot be one answer (several on a one-answer question), or a status that could not be read. */
  readonly ambiguity?: { readonly tokens: readonly string[]; readonly text?: string };
}

export interface ReadReply {
  readonly info: QuestionnaireInfo | undefined;
  /** Question rows in document order (a question's second row is merged into its first). */
  readonly rows: readonly RowAnswer[];
  /** Rows no question could be found for (with the question row above them, if any). */
  readonly unrecognised: ReadonlyArray<{ readonly text: string; readonly after?: string }>;
  /** Texts of the paragraphs outside the tables (the caller tells ours from typed ones). */
  readonly outside: readonly string[];
}

// ---- Properties ------------------------------------------------------------------------

function infoOf(properties: ReadonlyMap<string, string>): QuestionnaireInfo | undefined {
  if (properties.get(PROPERTY.marker) !== '1') return undefined;
  const interviewId = properties.get(PROPERTY.interviewId)?.trim();
  const assessmentId = properties.get(PROPERTY.assessmentId)?.trim();
  if (!interviewId || !assessmentId) return undefined;
  const lang = properties.get(PROPERTY.language)?.trim();
  const parts = (properties.get(PROPERTY.parts) ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is ChecklistPart => (CHECKLIST_PARTS as readonly string[]).includes(p));
  return {
    assessmentId,
    interviewId,
    organization: (properties.get(PROPERTY.organization) ?? '').trim(),
    catalogueVersion: (properties.get(PROPERTY.catalogueVersion) ?? '').trim(),
    lang: isLang(lang) ? lang : 'en',
    parts,
    prefilled: properties.get(PROPERTY.prefilled) === 'yes',
  };
}

// ---- Rows ------------------------------------------------------------------------------

function cellText(cell: DocCell): string {
  return cell.paragraphs.map(paragraphText).join('\n').trim();
}

function rowText(row: DocRow): string {
  return row.cells
    .map(cellText)
    .filter((t) => t !== '')
    .join(' | ');
}

function bookmarkedQuestion(row: DocRow): CatalogueItem | undefined {
  for (const cell of row.cells) for (const b of cell.bookmarks) {
    const item = questionOfBookmark(b);
    if (item) return item;
  }
  return undefined;
}

/** Whether a table holds the agency form (its rows number "1.1" rather than "A1.1"). */
function isAgencyTable(table: DocTable): boolean {
  let agency = 0;
  let other = 0;
  for (const row of table.rows) {
    const item = bookmarkedQuestion(row) ?? (row.cells[0] ? questionOfNumber(cellText(row.cells[0]), false) : undefined);
    if (item?.checklist === 'appendix') agency++;
    else if (item) other++;
  }
  if (agency + other > 0) return agency > other;
  return table.rows.some((r) => r.cells[0] && /^\d+(\.\d+)*\.?$/.test(cellText(r.cells[0])));
}

function questionOfRow(row: DocRow, agency: boolean): CatalogueItem | undefined {
  return bookmarkedQuestion(row) ?? (row.cells[0] ? questionOfNumber(cellText(row.cells[0]), agency) : undefined);
}

// ---- Text columns ----------------------------------------------------------------------

/** Paragraphs as lines; list items start with "- " (as the report prints them). */
function textOf(paragraphs: readonly DocParagraph[]): string {
  const lines: string[] = [];
  for (const p of paragraphs) {
    for (const line of paragraphText(p).split('\n')) {
      const t = line.replace(/\s+$/, '').replace(/^\s+/, '');
      if (t === '') continue;
      lines.push(p.list && !/^[-•]\s/.test(t) ? `- ${t}` : t);
    }
  }
  return lines.join('\n');
}

// ---- Ticks -----------------------------------------------------------------------------

const TICK_GLYPHS = /[☒☑✓✔✗✘⊠☓■◼▪●⬛]/u;
const BOX_GLYPHS = /[☐□▢◻⬜❑❒]/u;
/** A typed mark: X, x (Latin or Cyrillic), V, v, + or *, alone or in brackets. */
const TYPED_MARK = /^[[(]?\s*[xXхХvV+*]\s*[\])]?$/u;

type BoxState = 'ticked' | 'box' | 'noBox';

interface OptionLine {
  readonly token: string;
  readonly state: BoxState;
  /** Text after the label (the "please specify" answer). */
  readonly after: string;
}

function markState(text: string): BoxState | undefined {
  const t = text.replace(/[\s:;,.\-–—]+/g, ' ').trim();
  if (t === '') return undefined;
  if (TICK_GLYPHS.test(t)) return 'ticked';
  const withoutBoxes = t.replace(new RegExp(BOX_GLYPHS.source, 'gu'), '').trim();
  if (withoutBoxes !== '' && TYPED_MARK.test(withoutBoxes)) return 'ticked';
  if (/^\[\s*\]$|^\(\s*\)$/.test(withoutBoxes)) return 'box';
  if (BOX_GLYPHS.test(t)) return 'box';
  return undefined;
}

/** Reads one paragraph of a status cell as an option line, if it names an option. */
function optionLine(p: DocParagraph, labels: ReadonlyArray<{ token: string; label: string }>): OptionLine | undefined {
  const raw = paragraphText(p);
  const text = normalizeLabel(raw);
  for (const { token, label } of labels) {
    const at = text.indexOf(label);
    if (at < 0) continue;
    const before = text.slice(0, at);
    const after = text.slice(at + label.length);
    const checkbox = p.runs.some((r) => r.checkbox !== undefined);
    const checked = p.runs.some((r) => r.checkbox === true);
    const labelRuns = p.runs.filter((r) => r.checkbox === undefined && r.text.trim() !== '' && markState(r.text) === undefined);
    const emphasised = labelRuns.length > 0 && labelRuns.every((r) => r.bold || r.highlight);
    const mark = markState(before);
    const afterMark = TYPED_MARK.test(after.replace(/[\s:]+/g, '')) || TICK_GLYPHS.test(after) ? 'ticked' : undefined;
    let state: BoxState;
    if (checked || mark === 'ticked' || afterMark || emphasised) state = 'ticked';
    else if (checkbox || mark === 'box') state = 'box';
    else state = 'noBox';
    // The original text of what follows the label (keeps case), without the placeholder.
    const rawAfter = raw.slice(Math.max(0, raw.length - (text.length - at - label.length)));
    const specified = afterMark ? '' : rawAfter.replace(/^[\s:()]+|[\s()]+$/g, '').replace(/_{2,}/g, '').trim();
    return { token, state, after: specified };
  }
  return undefined;
}

/** What a status column says: ticked options, a number, a date, or typed text. */
function readStatus(item: CatalogueItem, cell: DocCell | undefined): { value: AnswerValue; ambiguity?: RowAnswer['ambiguity']; extraText?: string } {
  if (!cell) return { value: {} };
  const labels = boxLabels(item);
  const text = textOf(cell.paragraphs);
  if (labels.length > 0) {
    const lines: OptionLine[] = [];
    const stray: string[] = [];
    for (const p of cell.paragraphs) {
      const line = optionLine(p, labels);
      if (line) lines.push(line);
      else if (paragraphText(p).trim() !== '' && markState(paragraphText(p)) === undefined) stray.push(paragraphText(p).trim());
    }
    const anyBox = lines.some((l) => l.state === 'box');
    let ticked = lines.filter((l) => l.state === 'ticked' || (anyBox && l.state === 'noBox') || (item.otherOption === l.token && l.after !== ''));
    // No boxes left at all and one option written: the answer was typed as a word ("No").
    if (ticked.length === 0 && !anyBox && lines.length === 1) ticked = lines;
    const tokens = [...new Set(ticked.map((l) => l.token))];
    const other = lines.find((l) => l.token === item.otherOption && l.after !== '')?.after;
    const value: { -readonly [K in keyof AnswerValue]: AnswerValue[K] } = {};
    if (other) value.other = other;
    const strayText = stray.join('\n');
    if (item.kind === 'multiSelect') {
      if (tokens.length > 0) value.choices = (item.options ?? []).filter((o) => tokens.includes(o));
      return strayText ? { value, ambiguity: { tokens: [], text: strayText } } : { value };
    }
    if (tokens.length === 1) value.choice = tokens[0]!;
    if (tokens.length > 1) return { value, ambiguity: { tokens } };
    if (tokens.length === 0 && strayText) return { value, ambiguity: { tokens: [], text: strayText } };
    return { value };
  }
  const typed = text.replace(/_{2,}/g, ' ').trim();
  const placeholders = LANGUAGES.flatMap((l) => [QUESTIONNAIRE_STRINGS[l].textAnswer, QUESTIONNAIRE_STRINGS[l].yearMonth.replace(/_+/g, '').trim()]);
  if (item.kind === 'percentage') {
    const cleaned = typed.replace('%', '').trim();
    if (cleaned === '') return { value: {} };
    const m = /^(\d{1,3}(?:[.,]\d+)?)$/.exec(cleaned) ?? /(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(typed);
    const n = m ? Number(m[1]!.replace(',', '.')) : NaN;
    return Number.isFinite(n) && n >= 0 && n <= 100 ? { value: { number: n } } : { value: {}, ambiguity: { tokens: [], text: typed } };
  }
  if (item.kind === 'date') {
    let t = typed;
    for (const p of placeholders) if (p && t.toLowerCase().startsWith(p.toLowerCase())) t = t.slice(p.length);
    t = t.replace(/^[\s:]+/, '').trim();
    if (t === '') return { value: {} };
    const ym = /(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)/.exec(t);
    const my = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{4})/.exec(t);
    const [year, month] = ym ? [ym[1]!, ym[2]!] : my ? [my[2]!, my[1]!] : ['', ''];
    if (year && Number(month) >= 1 && Number(month) <= 12) return { value: { date: `${year}-${month.padStart(2, '0')}` } };
    return { value: {}, ambiguity: { tokens: [], text: t } };
  }
  // A text question: what was typed into the status column joins the answer text.
  const leftover = typed
    .split('\n')
    .filter((l) => !placeholders.some((p) => normalizeLabel(p) === normalizeLabel(l)))
    .join('\n')
    .trim();
  return leftover ? { value: {}, extraText: leftover } : { value: {} };
}

/**
 * The column a cell is in. Word and LibreOffice may re-divide a table's grid (after a row
 * with other widths is added, every cell may span several grid columns), so columns are
 * found through the header row's cells when the table still has one; otherwise by order.
 */
function columnOf(cell: DocCell, index: number, row: DocRow, headerStarts: readonly number[] | undefined, columns: number): number {
  if (headerStarts && headerStarts.length === columns) {
    let column = 0;
    headerStarts.forEach((start, i) => {
      if (start <= cell.gridStart) column = i;
    });
    return column;
  }
  return row.cells.length === columns ? index : Math.min(cell.gridStart, columns - 1);
}

/** Text of a row that belongs elsewhere: its group's further information, or nowhere. */
interface StrayText {
  readonly text: string;
  readonly owner: string | undefined;
}

function readRow(item: CatalogueItem, row: DocRow, headerStarts: readonly number[] | undefined): RowAnswer & { stray?: StrayText } {
  const layout = LAYOUTS[item.checklist as ChecklistId];
  const bySlot = new Map<number, DocCell>();
  for (const [index, cell] of row.cells.entries()) {
    if (cell.continues) continue;
    // A cell past the last column (a column was added) joins the last column's text.
    const slot = Math.min(columnOf(cell, index, row, headerStarts, layout.length), layout.length - 1);
    const there = bySlot.get(slot);
    bySlot.set(slot, there ? mergeCells(there, cell) : cell);
  }
  const statusAt = layout.indexOf('status');
  const status = readStatus(item, bySlot.get(statusAt));
  const value: { -readonly [K in keyof AnswerValue]: AnswerValue[K] } = { ...status.value };
  let extra = status.extraText;
  let stray: StrayText | undefined;
  layout.forEach((slot, i) => {
    const field = fieldOf(item, slot);
    const cell = bySlot.get(i);
    if (!field) {
      const typed = slot === 'text' && cell ? textOf(cell.paragraphs) : '';
      if (typed) stray = { text: typed, owner: textOwner(item)?.item.id };
      return;
    }
    let text = cell ? textOf(cell.paragraphs) : '';
    if (extra) {
      text = text ? `${extra}\n${text}` : extra;
      extra = undefined;
    }
    if (text) (value as Record<string, unknown>)[field] = value[field] ? `${String(value[field])}\n${text}` : text;
  });
  return { questionId: item.id, value, ...(status.ambiguity ? { ambiguity: status.ambiguity } : {}), ...(stray ? { stray } : {}) };
}

function mergeCells(a: DocCell, b: DocCell): DocCell {
  return { ...a, paragraphs: [...a.paragraphs, ...b.paragraphs], bookmarks: [...a.bookmarks, ...b.bookmarks] };
}

/** The header row of a questionnaire table (repeated on every page): not a question, not unrecognised. */
function isHeaderRow(row: DocRow): boolean {
  const first = row.cells[0] ? normalizeLabel(cellText(row.cells[0])) : '';
  return LANGUAGES.some((l) => normalizeLabel(QUESTIONNAIRE_STRINGS[l].columns.no) === first);
}

/** Joins two readings of one question (a row split in two, or typed twice). */
function joinRows(a: RowAnswer, b: RowAnswer): RowAnswer {
  const value: Record<string, unknown> = { ...a.value };
  for (const [k, v] of Object.entries(b.value)) {
    if (v === undefined) continue;
    const prev = value[k];
    if (typeof v === 'string' && typeof prev === 'string' && prev !== v) value[k] = `${prev}\n${v}`;
    else if (prev === undefined) value[k] = v;
  }
  const ambiguity = a.ambiguity ?? b.ambiguity;
  return { questionId: a.questionId, value: value as AnswerValue, ...(ambiguity ? { ambiguity } : {}) };
}

/** Reads the answers of a parsed document. */
export function readReplyBody(body: DocBody): ReadReply {
  const info = infoOf(body.properties);
  const rows = new Map<string, RowAnswer>();
  const unrecognised: Array<{ text: string; after?: string }> = [];
  for (const table of body.tables) {
    const agency = isAgencyTable(table);
    const header = table.rows.find(isHeaderRow);
    const headerStarts = header?.cells.map((c) => c.gridStart);
    let last: CatalogueItem | undefined;
    for (const row of table.rows) {
      const item = questionOfRow(row, agency);
      if (item && item.role === 'question') {
        const { stray, ...answer } = readRow(item, row, headerStarts);
        const prev = rows.get(item.id);
        rows.set(item.id, prev ? joinRows(prev, answer) : answer);
        if (stray?.owner) {
          const owner = rows.get(stray.owner) ?? { questionId: stray.owner, value: {} };
          rows.set(stray.owner, joinRows(owner, { questionId: stray.owner, value: { furtherInfo: stray.text } }));
        } else if (stray) unrecognised.push({ text: stray.text, after: item.id });
        last = item;
        continue;
      }
      if (isHeaderRow(row)) continue;
      const text = rowText(row);
      if (!text) continue;
      // A heading or intro row we wrote reads as one cell spanning the table: not typed text.
      const spans = row.cells.length === 1 && row.cells[0]!.span > 1;
      if (spans && isOurRowText(text)) continue;
      unrecognised.push(last ? { text, after: last.id } : { text });
    }
  }
  const ordered = CATALOGUE_ITEMS.flatMap((i) => (rows.has(i.id) ? [rows.get(i.id)!] : []));
  return { info, rows: ordered, unrecognised, outside: body.paragraphs };
}

/** Texts of the full-width rows we write: "A2.1 Title" headings and item intros, in every language. */
let ourRows: { ids: Set<string>; intros: Set<string> } | undefined;
function isOurRowText(text: string): boolean {
  ourRows ??= {
    ids: new Set(CATALOGUE_ITEMS.map((i) => normalizeLabel(i.id))),
    intros: new Set(LANGUAGES.flatMap((lang) => CATALOGUE_ITEMS.flatMap((i) => (itemTexts(lang, i.id).intro ?? []).flatMap((p) => p.split(/\r\n|\r|\n/).map(normalizeLabel))))),
  };
  const lines = text.split('\n').map(normalizeLabel).filter((l) => l !== '');
  return ourRows.ids.has(lines[0]?.split(' ')[0] ?? '') || lines.every((line) => ourRows!.intros.has(line));
}

/** Reads a returned questionnaire file. Throws DocxError when the file is not a safe, readable .docx. */
export function readReply(bytes: Uint8Array): ReadReply {
  return readReplyBody(readDocx(bytes));
}
