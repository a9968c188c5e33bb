/**
 * Small builders over `docx` for the report: page geometry, styles, plain-text paragraphs
 * (answer text is never markup), fixed-width tables with repeated header rows.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LevelFormat,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlign,
  WidthType,
  type INumberingOptions,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import type { Lang } from '../i18n';

// ---- Page geometry (twips) -------------------------------------------------------------

export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = 1134; // 2 cm

export interface PageShape {
  readonly landscape: boolean;
  /** Width of the text area. */
  readonly textWidth: number;
}

export function pageShape(landscape: boolean): PageShape {
  return { landscape, textWidth: (landscape ? A4.height : A4.width) - 2 * MARGIN };
}

/** Splits `total` by weights into whole twips that add up exactly. */
export function columns(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * Column widths by weight, each at least wide enough for the longest word of its header
 * (9 pt bold Cyrillic ≈ 135 twips a character, plus the cell margins), so a narrow column never
 * breaks a word such as "Басымдық" in the middle; wider columns give up the difference.
 */
export function columnsForHeaders(total: number, weights: readonly number[], headers: readonly string[]): number[] {
  // A line may break after a hyphen ("Capacity-/building"), so hyphenated parts count separately.
  const need = headers.map((h) => Math.max(0, ...h.split(/\s+|(?<=-)/).map((w) => w.length)) * 135 + 220);
  let widths = columns(total, weights);
  for (let round = 0; round < 3; round++) {
    const short = widths.map((w, i) => Math.max(0, need[i]! - w));
    const deficit = short.reduce((a, b) => a + b, 0);
    if (deficit === 0) break;
    const spare = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - need[i]!)));
    const spareTotal = spare.reduce((a, b) => a + b, 0);
    if (spareTotal <= 0) break;
    const take = Math.min(deficit, spareTotal);
    widths = widths.map((w, i) => (short[i]! > 0 ? w + (short[i]! * take) / deficit : w - (spare[i]! * take) / spareTotal));
    widths = columns(total, widths);
  }
  return widths;
}

// ---- Fonts, language, styles -----------------------------------------------------------

/** Noto Sans covers Latin, Cyrillic and the Kazakh letters; the font table names fallbacks. */
export const FONT = 'Noto Sans';
export const FALLBACK_FONT = 'DejaVu Sans';

export const LANGUAGE_TAGS: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/**
 * Paragraph styles. Table text is the document default (Normal), so the many paragraphs in
 * table cells carry no style reference at all: the individual-responses annex of a large
 * assessment has hundreds of thousands of them. Body text outside tables uses Body Text.
 */
export const STYLE = {
  cell: 'Normal',
  cellHeader: 'TableHeader',
  body: 'BodyText',
  coverTitle: 'CoverTitle',
  coverText: 'CoverText',
  intro: 'Intro',
  small: 'SmallText',
} as const;

const HEADING_COLOR = '1F3864';
export const HEADER_FILL = 'D9E2F3';
export const GROUP_FILL = 'F2F2F2';

export function reportStyles(lang: Lang): IStylesOptions {
  const font = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
  const heading = (size: number, before: number) => ({
    run: { font, size, bold: true, color: HEADING_COLOR },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        // Normal: table text, 9 pt.
        run: { font, size: 18, language: { value: LANGUAGE_TAGS[lang] } },
        paragraph: { spacing: { before: 0, after: 60, line: 252, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(32, 240),
      heading2: heading(26, 240),
      heading3: heading(22, 200),
      footnoteText: { run: { font, size: 16 }, paragraph: { spacing: { after: 40 } } },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: 20 },
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.cellHeader,
        name: 'Table Header',
        basedOn: 'Normal',
        quickFormat: true,
        run: { bold: true },
        paragraph: { spacing: { before: 0, after: 0 }, keepNext: true },
      },
      { id: STYLE.coverTitle, name: 'Cover Title', basedOn: STYLE.body, run: { size: 44, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { before: 2400, after: 480 } } },
      { id: STYLE.coverText, name: 'Cover Text', basedOn: STYLE.body, run: { size: 24 }, paragraph: { spacing: { after: 200 } } },
      { id: STYLE.intro, name: 'Section Intro', basedOn: STYLE.body, paragraph: { spacing: { after: 120 } } },
      { id: STYLE.small, name: 'Small Text', basedOn: STYLE.body, run: { size: 16, italics: true } },
      ...[1, 2, 3].map((level) => ({ id: `TOC${level}`, name: `toc ${level}`, basedOn: STYLE.body, paragraph: { indent: { left: (level - 1) * 284 }, spacing: { after: 40 } } })),
    ],
  };
}

/** The style property of a paragraph: none for table text (the default). */
export function styleOf(style: string | undefined): { style?: string } {
  return style && style !== STYLE.cell ? { style } : {};
}

export const BULLETS = 'report-bullets';
/** Numbered lists of the narrative: 1. / a) / i. by level; each list restarts (its own instance). */
export const NUMBERED = 'report-numbered';

const LIST_INDENT = (level: number) => ({ paragraph: { indent: { left: 284 + level * 360, hanging: 227 + (level > 0 ? 57 : 0) } } });

export function reportNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: BULLETS,
        levels: ['•', '◦', '▪'].map((text, level) => ({ level, format: LevelFormat.BULLET, text, alignment: AlignmentType.LEFT, style: LIST_INDENT(level) })),
      },
      {
        reference: NUMBERED,
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: LIST_INDENT(0) },
          { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.LEFT, style: LIST_INDENT(1) },
          { level: 2, format: LevelFormat.LOWER_ROMAN, text: '%3.', alignment: AlignmentType.LEFT, style: LIST_INDENT(2) },
        ],
      },
    ],
  };
}

/**
 * The font table, with Noto Sans declared as a sans-serif (so Word substitutes Arial where
 * it is not installed) and DejaVu Sans as its alternate name (what LibreOffice falls back to).
 */
export function fontTableXml(): string {
  const font = (name: string, alt?: string) =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="CC"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    font(FONT, FALLBACK_FONT) +
    font(FALLBACK_FONT, 'Arial') +
    font('Arial') +
    '</w:fonts>'
  );
}

// ---- Plain text ------------------------------------------------------------------------

/** Drops what XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF). */
export function cleanText(text: string): string {
  // Most texts have none of them: one quick scan settles it (the exact pattern below is slower).
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export interface TextLine {
  readonly text: string;
  readonly bullet: boolean;
}

/**
 * Lines of a plain text: each line a paragraph; "- " or "• " at the start makes a list
 * item; anything else (including "1) ") stays text as typed.
 */
export function textLines(text: string): TextLine[] {
  return cleanText(text)
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^\s*(?:-|•)\s+(.*)$/.exec(l);
      return m ? { text: m[1]!, bullet: true } : { text: l.trim(), bullet: false };
    });
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** w:lang of the run (e.g. "en-GB"): a text printed in another language than the report's. */
  language?: string;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  const { language, ...rest } = style;
  return new TextRun({ text: cleanText(text), ...rest, ...(language ? { language: { value: language } } : {}) });
}

/** One paragraph of plain text (Body Text unless a style is given). */
export function para(text: string, opts: { style?: string; bold?: boolean; italics?: boolean; children?: ParagraphChild[]; keepNext?: boolean; indent?: number } = {}): Paragraph {
  return new Paragraph({
    ...styleOf(opts.style ?? STYLE.body),
    ...(opts.keepNext ? { keepNext: true } : {}),
    ...(opts.indent ? { indent: { left: opts.indent } } : {}),
    children: [run(text, { bold: opts.bold, italics: opts.italics }), ...(opts.children ?? [])],
  });
}

/** Paragraphs for a plain text (line breaks → paragraphs, "- "/"• " → list items). */
export function textParagraphs(text: string, style: string = STYLE.cell, runStyle: RunStyle = {}, keepNext = false): Paragraph[] {
  return textLines(text).map(
    (l) =>
      new Paragraph({
        ...styleOf(style),
        ...(keepNext ? { keepNext: true } : {}),
        ...(l.bullet ? { numbering: { reference: BULLETS, level: 0 } } : {}),
        children: [run(l.text, runStyle)],
      }),
  );
}

// ---- Tables ----------------------------------------------------------------------------

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

export interface CellSpec {
  readonly children: Paragraph[];
  /** Number of grid columns spanned. */
  readonly span?: number;
  readonly rowSpan?: number;
  readonly fill?: string;
  /** Text running bottom to top (narrow numeric columns with long headers). */
  readonly vertical?: boolean;
  /** Align the content to the bottom of the cell. */
  readonly bottom?: boolean;
}

function cellOf(spec: CellSpec, widths: readonly number[], col: number): TableCell {
  const span = spec.span ?? 1;
  const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  return new TableCell({
    children: spec.children.length > 0 ? spec.children : [new Paragraph({ children: [] })],
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(spec.rowSpan && spec.rowSpan > 1 ? { rowSpan: spec.rowSpan, verticalAlign: VerticalAlign.TOP } : {}),
    ...(spec.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: spec.fill } } : {}),
    ...(spec.vertical ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT } : {}),
    ...(spec.vertical || spec.bottom ? { verticalAlign: VerticalAlign.BOTTOM } : {}),
  });
}

export interface RowSpec {
  readonly cells: readonly CellSpec[];
  /** Grid column where the first cell starts (after cells spanned from rows above). */
  readonly startColumn?: number;
  readonly cantSplit?: boolean;
}

/**
 * Height of a header row whose labels run upwards: room for the longest word on one line
 * and for each label on two lines (9 pt bold ≈ 125 twips a character, with room to spare).
 */
export function verticalHeaderHeight(labels: readonly string[]): number {
  const need = labels.map((l) => Math.max(...l.split(/\s+/).map((w) => w.length), Math.ceil(l.length / 2)));
  return Math.min(2600, Math.max(900, Math.max(0, ...need) * 125 + 280));
}

/**
 * A fixed-layout table whose first row is a header row repeated on every page (a single
 * header spans the whole width).
 */
export function table(widths: readonly number[], headers: readonly string[], rows: readonly RowSpec[], opts: { verticalHeaders?: readonly boolean[] } = {}): Table {
  const vertical = opts.verticalHeaders?.some(Boolean) ?? false;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...(vertical ? { height: { value: verticalHeaderHeight(headers.filter((_, i) => opts.verticalHeaders?.[i])), rule: HeightRule.ATLEAST } } : {}),
    children:
      headers.length === 1 && widths.length > 1
        ? [cellOf({ children: [para(headers[0]!, { style: STYLE.cellHeader })], fill: HEADER_FILL, span: widths.length }, widths, 0)]
        : headers.map((h, i) =>
            cellOf({ children: [para(h, { style: STYLE.cellHeader })], fill: HEADER_FILL, vertical: opts.verticalHeaders?.[i] ?? false, bottom: vertical }, widths, i),
          ),
  });
  const body = rows.map((r) => {
    let col = r.startColumn ?? 0;
    const cells = r.cells.map((c) => {
      const cell = cellOf(c, widths, col);
      col += c.span ?? 1;
      return cell;
    });
    return new TableRow({ children: cells, ...(r.cantSplit ? { cantSplit: true } : {}) });
  });
  return new Table({
    rows: [header, ...body],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** A cell of plain text paragraphs. */
export function textCell(text: string, opts: { span?: number; fill?: string; bold?: boolean; italics?: boolean; rowSpan?: number; keepNext?: boolean; language?: string } = {}): CellSpec {
  const children = textParagraphs(text, STYLE.cell, { bold: opts.bold, italics: opts.italics, ...(opts.language ? { language: opts.language } : {}) }, opts.keepNext);
  return {
    children,
    ...(opts.span ? { span: opts.span } : {}),
    ...(opts.fill ? { fill: opts.fill } : {}),
    ...(opts.rowSpan ? { rowSpan: opts.rowSpan } : {}),
  };
}
