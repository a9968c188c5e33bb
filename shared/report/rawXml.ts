/**
 * WordprocessingML written as text, for the one part of the report that can be too large
 * for `docx`'s object tree: the individual-responses annex of a big assessment. The markup
 * matches what kit.ts produces through `docx` (same styles, borders, widths, repeated
 * header row), so the annex looks like every other table. Text is always escaped.
 */
import { HEADER_FILL, STYLE, cleanText, textLines } from './kit';

export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function runXml(text: string, bold = false): string {
  return `<w:r>${bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export interface ParagraphXml {
  style?: string;
  keepNext?: boolean;
  spacing?: { before: number; after: number };
  /** Lines of one paragraph, separated by line breaks. */
  lines: readonly string[];
  bold?: boolean;
  /** Make it a bullet item (numbering id of the report's bullet list). */
  bulletNumId?: string;
}

export function paragraphXml(p: ParagraphXml): string {
  const props = [
    p.style && p.style !== STYLE.cell ? `<w:pStyle w:val="${p.style}"/>` : '',
    p.keepNext ? '<w:keepNext/>' : '',
    p.bulletNumId ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.bulletNumId}"/></w:numPr>` : '',
    p.spacing ? `<w:spacing w:before="${p.spacing.before}" w:after="${p.spacing.after}"/>` : '',
  ].join('');
  const runs = p.lines.map((l, i) => (i > 0 ? '<w:r><w:br/></w:r>' : '') + runXml(l, p.bold)).join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

export function headingXml(level: 1 | 2 | 3, text: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="Heading${level}"/></w:pPr>${runXml(text)}</w:p>`;
}

/** Paragraphs of a plain text: lines → paragraphs, "- "/"• " → bullet items. */
export function textParagraphsXml(text: string, bulletNumId: string | undefined): string {
  const lines = textLines(text);
  if (lines.length === 0) return '<w:p/>';
  return lines
    .map((l) =>
      l.bullet && bulletNumId
        ? paragraphXml({ style: 'ListParagraph', lines: [l.text], bulletNumId })
        : paragraphXml({ lines: [l.bullet ? `• ${l.text}` : l.text] }),
    )
    .join('');
}

const BORDER = 'w:val="single" w:color="808080" w:sz="4"';

function cellXml(width: number, content: string, fill?: string): string {
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : ''}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
}

/** The start of a fixed-layout table with its header row (repeated on every page). */
export function tableStartXml(widths: readonly number[], headers: readonly string[]): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} ${BORDER}/>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${headers.map((h, i) => cellXml(widths[i]!, paragraphXml({ style: STYLE.cellHeader, lines: [h] }), HEADER_FILL)).join('')}</w:tr>`
  );
}

export function tableRowXml(widths: readonly number[], cells: readonly string[]): string {
  return `<w:tr>${cells.map((c, i) => cellXml(widths[i]!, c)).join('')}</w:tr>`;
}

export const TABLE_END = '</w:tbl>';
