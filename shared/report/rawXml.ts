/**
 * WordprocessingML written as text, for the parts of the report that grow with the number
 * of interviews and can be too large for `docx`'s object tree: the individual-responses
 * annex and the agencies' appendix forms of a big assessment. The markup
 * matches what kit.ts produces through `docx` (same styles, borders, widths, repeated
 * header row), so the annex looks like every other table. Text is always escaped.
 */
import { HEADER_FILL, STYLE, cleanText, textLines } from './kit';

export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function runXml(text: string, bold = false, italics = false): string {
  const props = (bold ? '<w:b/><w:bCs/>' : '') + (italics ? '<w:i/><w:iCs/>' : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export interface ParagraphXml {
  style?: string;
  keepNext?: boolean;
  spacing?: { before: number; after: number };
  /** Lines of one paragraph, separated by line breaks. */
  lines: readonly string[];
  bold?: boolean;
  italics?: boolean;
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
  const runs = p.lines.map((l, i) => (i > 0 ? '<w:r><w:br/></w:r>' : '') + runXml(l, p.bold, p.italics)).join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

export function headingXml(level: 1 | 2 | 3, text: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="Heading${level}"/></w:pPr>${runXml(text)}</w:p>`;
}

/** Paragraphs of a plain text: lines → paragraphs, "- "/"• " → bullet items. */
export function textParagraphsXml(text: string, bulletNumId: string | undefined, italics = false): string {
  const lines = textLines(text);
  if (lines.length === 0) return '<w:p/>';
  return lines
    .map((l) =>
      l.bullet && bulletNumId
        ? paragraphXml({ style: 'ListParagraph', lines: [l.text], bulletNumId, italics })
        : paragraphXml({ lines: [l.bullet ? `• ${l.text}` : l.text], italics }),
    )
    .join('');
}

const BORDER = 'w:val="single" w:color="808080" w:sz="4"';

function cellXml(width: number, content: string, fill?: string, span = 1): string {
  const props = `<w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : ''}`;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
}

/**
 * The start of a fixed-layout table with its header row (repeated on every page). One
 * header over several columns spans them all, as kit.ts's `table` does.
 */
export function tableStartXml(widths: readonly number[], headers: readonly string[]): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} ${BORDER}/>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${
      headers.length === 1 && widths.length > 1
        ? cellXml(total, paragraphXml({ style: STYLE.cellHeader, lines: [headers[0]!] }), HEADER_FILL, widths.length)
        : headers.map((h, i) => cellXml(widths[i]!, paragraphXml({ style: STYLE.cellHeader, lines: [h] }), HEADER_FILL)).join('')
    }</w:tr>`
  );
}

/** A body row; `cantSplit` keeps it on one page. */
export function tableRowXml(widths: readonly number[], cells: readonly string[], cantSplit = false): string {
  return `<w:tr>${cantSplit ? '<w:trPr><w:cantSplit/></w:trPr>' : ''}${cells.map((c, i) => cellXml(widths[i]!, c)).join('')}</w:tr>`;
}

export const TABLE_END = '</w:tbl>';
