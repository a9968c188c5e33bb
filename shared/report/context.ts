/** What every part of the report builder shares. */
import { FootnoteReferenceRun, HeadingLevel, Paragraph, type FileChild } from 'docx';
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import type { DatasetIndex, FinalAnswers, ReadinessSummary } from '../consolidation';
import { STYLE, cleanText, para, run, textLines, BULLETS, type PageShape } from './kit';
import type { ReportStrings } from './strings';
import type { OutlineEntry } from '../narrative';
import type { ListCounter } from './rich';
import type { ChartId, RenderedChart } from './chartImages';
import type { ReportTexts } from './translated';

export interface ReportContext {
  readonly lang: Lang;
  readonly S: ReportStrings;
  readonly dataset: Dataset;
  readonly index: DatasetIndex;
  readonly final: FinalAnswers;
  readonly summary: ReadinessSummary;
  readonly country: string;
  /** Page shape of the front matter and of the annexes. */
  readonly front: PageShape;
  readonly annex: PageShape;
  /** The report outline in the report language (numbers and titles). */
  readonly outline: readonly OutlineEntry[];
  /** Numbered lists so far (each restarts). */
  readonly lists: ListCounter;
  /** Figures so far ("Figure 3"). */
  readonly figures: ListCounter;
  /** The charts, rasterised (empty without a rasteriser). */
  readonly charts: ReadonlyMap<ChartId, RenderedChart>;
  /** Texts in the report language (translations; untranslated ones marked or not). */
  readonly texts: ReportTexts;
}

export type Block = FileChild;

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A real Word heading (Heading 1/2/3 style: navigation pane and table of contents). */
export function heading(level: 1 | 2 | 3, text: string, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: LEVELS[level],
    ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [run(text)],
  });
}

/** A footnote reference carrying its own text. */
export function footnote(text: string): FootnoteReferenceRun {
  return new FootnoteReferenceRun({ children: [new Paragraph({ style: 'FootnoteText', children: [run(` ${text.trim()}`)] })] });
}

/**
 * Intro paragraphs of a section (plain text), with the item's footnotes attached to the
 * end of the first paragraph (or to a paragraph of their own when there is no intro).
 * Checklist outlines ("1. …", "a. …") are indented like the published annexes.
 */
export function introParagraphs(intro: readonly string[] | undefined, footnotes: readonly string[] | undefined): Paragraph[] {
  const notes = (footnotes ?? []).filter((f) => f.trim() !== '').map(footnote);
  const out: Paragraph[] = [];
  (intro ?? []).forEach((text, i) => {
    for (const line of textLines(text)) {
      const indent = /^[a-z]\.\s/.test(line.text) ? 720 : /^\d+\.\s/.test(line.text) && line.text.length < 120 ? 360 : 0;
      const outline = indent > 0 || /^(Section|Раздел|Бөлім|[A-D] бөлімі)(?=[\s.])/.test(line.text);
      const children = [run(line.text), ...(i === 0 && out.length === 0 ? notes : [])];
      out.push(
        new Paragraph({
          style: STYLE.intro,
          ...(line.bullet ? { numbering: { reference: BULLETS, level: 0 } } : {}),
          ...(indent ? { indent: { left: indent } } : {}),
          ...(outline ? { spacing: { after: 40 } } : {}),
          children,
        }),
      );
    }
  });
  if (out.length === 0 && notes.length > 0) out.push(new Paragraph({ style: STYLE.small, children: notes }));
  return out;
}

/** A bulleted list of plain-text items. */
export function bulletList(items: readonly string[], style: string = STYLE.intro): Paragraph[] {
  return items.map((t) => new Paragraph({ style, numbering: { reference: BULLETS, level: 0 }, children: [run(cleanText(t))] }));
}

export { para };
