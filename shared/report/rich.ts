/**
 * Rich text (the narrative) as Word paragraphs: paragraphs, bulleted and numbered lists
 * with real Word numbering (each numbered list restarts at 1), bold and italic runs, item
 * references printed as the item's id, footnotes as real Word footnotes. Text is never
 * markup: runs are built from the plain strings.
 */
import { Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { RichBlock, RichText } from '../model/types';
import { BULLETS, NUMBERED, STYLE, cleanText, styleOf } from './kit';
import { footnote } from './context';

/** Counts numbered lists so each gets its own numbering instance (and restarts at 1). */
export interface ListCounter {
  next(): number;
}

export function listCounter(): ListCounter {
  let n = 0;
  return { next: () => ++n };
}

function inlineRuns(block: RichBlock, opts: { bold?: boolean; language?: string } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const language = opts.language ? { language: { value: opts.language } } : {};
  for (const i of block.inlines) {
    if (i.t === 'text') out.push(new TextRun({ text: cleanText(i.text), ...(i.bold || opts.bold ? { bold: true } : {}), ...(i.italic ? { italics: true } : {}), ...language }));
    else if (i.t === 'ref') out.push(new TextRun({ text: cleanText(i.itemId), ...(opts.bold ? { bold: true } : {}), ...language }));
    else if (i.text.trim() !== '') out.push(footnote(cleanText(i.text)));
  }
  return out;
}

export interface RichOptions {
  readonly style?: string;
  /** Runs put before the first block's text (e.g. "Recommendation 3: " in bold). */
  readonly lead?: readonly ParagraphChild[];
  /** Extra left indent of every block (twips). */
  readonly indent?: number;
  readonly keepNext?: boolean;
  /** The text is not in the report language: "[en] " before it and w:lang on its runs. */
  readonly marker?: { readonly prefix: string; readonly language: string };
}

/** Word paragraphs for a rich text. */
export function richParagraphs(rich: RichText, lists: ListCounter, opts: RichOptions = {}): Paragraph[] {
  const style = opts.style ?? STYLE.body;
  const out: Paragraph[] = [];
  // A list runs until the next plain paragraph; each numbered list gets its own instance.
  let instance = 0;
  let inNumberedList = false;
  rich.blocks.forEach((block, i) => {
    const level = Math.max(0, Math.min(2, block.level ?? 0));
    if (block.kind === 'paragraph') inNumberedList = false;
    if (block.kind === 'numbered' && !inNumberedList) {
      instance = lists.next();
      inNumberedList = true;
    }
    const numbering =
      block.kind === 'bullet'
        ? { numbering: { reference: BULLETS, level } }
        : block.kind === 'numbered'
          ? { numbering: { reference: NUMBERED, level, instance } }
          : {};
    const marker = i === 0 && opts.marker ? [new TextRun({ text: opts.marker.prefix, language: { value: opts.marker.language } })] : [];
    const children = [...(i === 0 && opts.lead ? opts.lead : []), ...marker, ...inlineRuns(block, opts.marker ? { language: opts.marker.language } : {})];
    out.push(
      new Paragraph({
        ...styleOf(style),
        ...numbering,
        ...(opts.indent && block.kind === 'paragraph' ? { indent: { left: opts.indent } } : {}),
        ...(opts.keepNext ? { keepNext: true } : {}),
        children,
      }),
    );
  });
  if (out.length === 0 && opts.lead) out.push(new Paragraph({ ...styleOf(style), children: [...opts.lead] }));
  return out;
}
