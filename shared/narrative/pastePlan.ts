/**
 * Action plan rows pasted from a spreadsheet (Excel, LibreOffice and Google Sheets copy
 * tab-separated text, with a cell that holds line breaks in double quotes), in the
 * report's column order: Indicative action | Priority | Timeline | Capacity-building
 * needs | Potential key agencies. A number before the action ("2", "2.1.", or a number
 * column of its own) makes "2.1" a sub-action of "2". A row with only its first cell
 * filled that starts with an area id ("A1", "A1. Governance …", "I.A") puts the following
 * rows under that area. A header row is skipped. Priorities and yes/no are read in
 * English, Russian and Kazakh.
 */
import { getItem } from '../checklist/catalogue';
import type { Priority } from '../model/types';

export interface PastedAction {
  /** 0 for an action, 1 for a sub-action, 2 for a sub-sub-action. */
  readonly depth: number;
  readonly text: string;
  readonly priority: Priority;
  readonly timeline: string;
  readonly capacityBuilding: { readonly needed: 'yes' | 'no' | ''; readonly text: string };
  readonly agencies: string[];
  /** The area named by the last area row above it, if any. */
  readonly area?: string;
}

export interface PastedPlan {
  readonly rows: PastedAction[];
  /** 1-based row numbers with nothing to read (no action text). */
  readonly skipped: number[];
}

/** Rows of tab-separated text; quoted cells may hold tabs, line breaks and "" quotes. */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  let atCellStart = true;
  while (i < s.length) {
    const ch = s[i]!;
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote ("" is a quote).
      let j = i + 1;
      let quoted = '';
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          break;
        }
        quoted += s[j];
        j++;
      }
      if (j < s.length && (s[j + 1] === '\t' || s[j + 1] === '\n' || j + 1 >= s.length)) {
        cell = quoted;
        i = j + 1;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: read the quote as text.
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const PRIORITY: ReadonlyArray<[Priority, RegExp]> = [
  ['high', /^(high|высок\p{L}*|жоғары)/iu],
  ['medium', /^(medium|moderate|средн\p{L}*|орта)/iu],
  ['low', /^(low|низк\p{L}*|төмен)/iu],
];

export function parsePriority(cell: string): Priority {
  const c = cell.trim();
  return PRIORITY.find(([, re]) => re.test(c))?.[0] ?? '';
}

/** "Yes, training on …" → yes + text; "No" → no; anything else is text with no yes/no. */
export function parseCapacity(cell: string): PastedAction['capacityBuilding'] {
  const c = cell.trim();
  const m = /^(yes|no|да|нет|иә|ия|жоқ)(?![\p{L}\p{N}])[\s.,:;–—-]*/iu.exec(c);
  if (!m) return { needed: '', text: c };
  const word = m[1]!.toLowerCase();
  return { needed: ['yes', 'да', 'иә', 'ия'].includes(word) ? 'yes' : 'no', text: c.slice(m[0].length).trim() };
}

export function parseAgencies(cell: string): string[] {
  const c = cell.replace(/\n+/g, ';').trim();
  if (c === '') return [];
  const parts = c.includes(';') ? c.split(';') : c.split(',');
  return parts.map((p) => p.trim().replace(/^[-•]\s*/, '')).filter((p) => p !== '');
}

const NUMBER = /^(\d+(?:\.\d+){0,2})\.?$/;
// "2. …", "2.1 …", "2.1. …" (a dot is required, so "15 ministries …" stays text).
const NUMBER_PREFIX = /^(\d{1,2}(?:\.\d{1,2}){0,2})(?:\.\s+|(?<=\.\d{1,2})\s+)(.+)$/s;
const HEADER = /^(indicative action|action|no\.?|№|болжамды|ориентировочн|ұсынылатын|индикативн|мер)/iu;
const PRIORITY_HEADER = /^(priority|приоритет|уровень приоритета|басымдық)/iu;

/** The area a single-cell row names ("A1", "A1. Governance …", "IV.B – …"), if any. */
function areaOfCell(cell: string): string | undefined {
  const m = /^([AB]\d+|I{1,3}V?\.[A-E]|IV\.[A-E]|[AB]|I{1,3}|IV)(?=$|[\s.:–—-])/u.exec(cell.trim());
  const id = m?.[1];
  const item = id ? getItem(id) : undefined;
  return item && item.role === 'section' && item.checklist !== 'appendix' ? id : undefined;
}

export function parsePastedActions(text: string): PastedPlan {
  const rows: PastedAction[] = [];
  const skipped: number[] = [];
  let area: string | undefined;
  splitTsv(text).forEach((raw, index) => {
    const cells = raw.map((c) => c.trim());
    if (cells.every((c) => c === '')) return;
    if (index === 0 && cells.length > 1 && !NUMBER.test(cells[0]!) && (HEADER.test(cells[0] ?? '') || PRIORITY_HEADER.test(cells[1] ?? ''))) return;
    // A leading number column.
    let depth = 0;
    let rest = cells;
    const first = rest[0] ?? '';
    if (NUMBER.test(first) && rest.length > 1) {
      depth = first.replace(/\.$/, '').split('.').length - 1;
      rest = rest.slice(1);
    }
    const filled = rest.filter((c) => c !== '').length;
    if (filled === 1 && rest[0] && areaOfCell(rest[0]) && depth === 0 && !NUMBER.test(first)) {
      area = areaOfCell(rest[0]);
      return;
    }
    const [first_ = '', priority = '', timeline = '', capacity = '', agencies = ''] = rest;
    let action = first_;
    const numbered = NUMBER_PREFIX.exec(action);
    if (numbered && depth === 0) {
      depth = numbered[1]!.split('.').length - 1;
      action = numbered[2]!.trim();
    }
    if (action === '') {
      skipped.push(index + 1);
      return;
    }
    rows.push({
      depth: Math.min(2, depth),
      text: action,
      priority: parsePriority(priority),
      timeline,
      capacityBuilding: parseCapacity(capacity),
      agencies: parseAgencies(agencies),
      ...(area ? { area } : {}),
    });
  });
  return { rows, skipped };
}
