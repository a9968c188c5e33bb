/**
 * Rich text helpers: the structured text of findings, recommendations and sections
 * (paragraphs, bulleted and numbered lists with levels, bold/italic runs, item references,
 * footnotes; never HTML).
 *
 * A small plain-text notation converts both ways, for tests, the CLI and the demo data:
 *
 *     A paragraph with **bold**, *italic*, a reference [[A2.1.1]] and a footnote[^The note.].
 *     - a bullet
 *       - a bullet one level down (two spaces per level)
 *     1. a numbered item
 *
 * One line is one block; blank lines are ignored.
 */
import { getItem } from '../checklist/catalogue';
import type { RichBlock, RichInline, RichText } from '../model/types';

export const EMPTY_RICH: RichText = { blocks: [] };

/** The deepest list level (0-based). */
export const MAX_LEVEL = 2;

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[\[([^\]\s]+)\]\]|\[\^(.+?)\]/g;

/** Inline content of one line of the notation. */
export function parseInlines(text: string): RichInline[] {
  const out: RichInline[] = [];
  let last = 0;
  const push = (t: string) => {
    if (t !== '') out.push({ t: 'text', text: t });
  };
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push({ t: 'text', text: m[1], bold: true });
    else if (m[2] !== undefined) out.push({ t: 'text', text: m[2], italic: true });
    else if (m[3] !== undefined) out.push({ t: 'ref', itemId: m[3] });
    else if (m[4] !== undefined) out.push({ t: 'footnote', text: m[4] });
    last = m.index + m[0].length;
  }
  push(text.slice(last));
  return out;
}

/** Parses the plain-text notation (see above) into a RichText. */
export function plainToRich(text: string): RichText {
  const blocks: RichBlock[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (raw.trim() === '') continue;
    const indent = /^( *)/.exec(raw)![1]!.length;
    const level = Math.min(MAX_LEVEL, Math.floor(indent / 2));
    const line = raw.trim();
    const bullet = /^(?:-|•)\s+(.*)$/.exec(line);
    const numbered = /^\d+\.\s+(.*)$/.exec(line);
    if (bullet) blocks.push({ kind: 'bullet', level, inlines: parseInlines(bullet[1]!) });
    else if (numbered) blocks.push({ kind: 'numbered', level, inlines: parseInlines(numbered[1]!) });
    else blocks.push({ kind: 'paragraph', inlines: parseInlines(line) });
  }
  return { blocks };
}

function inlineToPlain(i: RichInline): string {
  switch (i.t) {
    case 'text':
      return i.bold ? `**${i.text}**` : i.italic ? `*${i.text}*` : i.text;
    case 'ref':
      return `[[${i.itemId}]]`;
    case 'footnote':
      return `[^${i.text}]`;
  }
}

/** The notation of a RichText (the inverse of `plainToRich` for texts without stray markers). */
export function richToPlain(rich: RichText): string {
  return rich.blocks
    .map((b) => {
      const body = b.inlines.map(inlineToPlain).join('');
      const pad = '  '.repeat(b.level ?? 0);
      return b.kind === 'bullet' ? `${pad}- ${body}` : b.kind === 'numbered' ? `${pad}1. ${body}` : body;
    })
    .join('\n');
}

/** The words a reader sees in a block (footnotes excluded; a reference reads as its id). */
export function blockText(block: RichBlock): string {
  return block.inlines.map((i) => (i.t === 'text' ? i.text : i.t === 'ref' ? i.itemId : '')).join('');
}

/** Plain reading text, one line per block, without markers (search, previews). */
export function richToText(rich: RichText): string {
  return rich.blocks.map(blockText).join('\n');
}

/** Words of the text, footnotes included (what the outline shows as the section's length). */
export function wordCount(rich: RichText | undefined): number {
  if (!rich) return 0;
  let n = 0;
  for (const b of rich.blocks) {
    for (const i of b.inlines) {
      if (i.t === 'ref') n++;
      else n += i.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    }
  }
  return n;
}

/** Whether the text says anything. */
export function isEmptyRich(rich: RichText | undefined): boolean {
  return wordCount(rich) === 0;
}

/** The item ids referenced, in order of appearance, each once. */
export function itemRefs(rich: RichText): string[] {
  const out: string[] = [];
  for (const b of rich.blocks) for (const i of b.inlines) if (i.t === 'ref' && !out.includes(i.itemId)) out.push(i.itemId);
  return out;
}

/** References to ids the catalogue does not know (a typo, or an item of another catalogue version). */
export function unknownRefs(rich: RichText): string[] {
  return itemRefs(rich).filter((id) => !getItem(id));
}

/** A RichText of plain paragraphs (no notation parsed). */
export function paragraphs(...texts: string[]): RichText {
  return { blocks: texts.filter((t) => t.trim() !== '').map((t) => ({ kind: 'paragraph', inlines: [{ t: 'text', text: t }] })) };
}
