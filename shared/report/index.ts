/**
 * The Word report. Full (as the published report): cover, contents, Executive summary,
 * I. Introduction … VII. Conclusion, Annexes I–IV. Annexes only: cover, contents,
 * methodology, readiness summary, Annex I, Annex II (if a workshop was held), Annex III,
 * Annex IV. Either with, on request, the individual responses. See docs/report.md.
 *
 * Pure over a Dataset and runs in Node and in a browser Web Worker alike (no Node Buffer:
 * the document is packed to an ArrayBuffer).
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import { liveDataset } from '../merge/tombstones';
import { finalAnswers, indexDataset, readinessSummaryFrom } from '../consolidation';
import { A4, MARGIN, cleanText, fontTableXml, pageShape, reportNumbering, reportStyles } from './kit';
import { REPORT_STRINGS, fill } from './strings';
import { QUESTION_COUNT, contents, cover, coverDate, methodology, readinessSummarySection } from './front';
import { APPENDIX_MARKER, annexI, annexII, annexIII, annexIV, appendixFormsXml, appendixInterviews } from './annexes';
import { actionPlanSection, conclusionSection, contextSection, executiveSummary, findingsSection, introductionSection, outlineEntry, recommendationsSection } from './body';
import { renderCharts } from './chartImages';
import { documentsAnnex } from './documents';
import type { ChartRasterizer } from './charts';
import { listCounter } from './rich';
import { countryName, hasNarrative, headingText, reportOutline, type SectionId } from '../narrative';
import { INDIVIDUAL_MARKER, individualResponsesFrame, individualResponsesXml } from './individual';
import { spliceDocument, type Splice } from './splice';
import type { Block, ReportContext } from './context';
import { reportTexts, type UntranslatedMode } from './translated';

export interface ReportOptions {
  readonly lang: Lang;
  /** Add the internal annex with each stakeholder's own answers. */
  readonly individualResponses?: boolean;
  /** Lay the annexes out on landscape pages. */
  readonly landscapeAnnexes?: boolean;
  /** Names on the cover; default: the interviewers. */
  readonly authors?: readonly string[];
  /** Date on the cover, "YYYY-MM-DD" (formatted in the report language) or any text; default: the assessment's report date, else the end of the fieldwork. */
  readonly date?: string;
  /** The whole report, or the annexes only (interim delivery); default: full when any narrative was written. */
  readonly sections?: 'full' | 'annexes';
  /** Draws the charts' PNGs (shared/report/rasterizer.ts); without it the full report has no charts (their data tables remain). */
  readonly rasterizer?: ChartRasterizer;
  /**
   * Texts with no translation into `lang` print in the source language; 'mark' puts "[en] "
   * before them (in the source language's w:lang). Default 'source' (unmarked). The CLI and
   * the app list them first (`untranslated` in shared/translation) and let the lead choose.
   */
  readonly untranslated?: UntranslatedMode;
  /** Called with 0…1 as the build progresses. */
  readonly onProgress?: (fraction: number) => void;
}

function footer(lang: Lang): Footer {
  const template = REPORT_STRINGS[lang].footer;
  const [before = '', after = ''] = template.split('{{page}}');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [cleanText(before), PageNumber.CURRENT, cleanText(after)], size: 16 })],
      }),
    ],
  });
}

function section(children: Block[], landscape: boolean, lang: Lang, titlePage: boolean): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
      },
      ...(titlePage ? { titlePage: true } : {}),
    },
    footers: titlePage ? { default: footer(lang), first: new Footer({ children: [new Paragraph({})] }) } : { default: footer(lang) },
    children,
  };
}

/** Builds the .docx for a dataset (its live records: deleted ones never show); resolves to the file's bytes. */
export async function buildReport(stored: Dataset, options: ReportOptions): Promise<Uint8Array> {
  const dataset = liveDataset(stored);
  const { lang } = options;
  const S = REPORT_STRINGS[lang];
  if (!S) throw new Error(`unsupported report language: ${String(lang)}`);
  const progress = (f: number) => options.onProgress?.(Math.max(0, Math.min(1, f)));
  progress(0);

  const index = indexDataset(dataset);
  const final = finalAnswers(dataset);
  const full = (options.sections ?? (hasNarrative(dataset) ? 'full' : 'annexes')) === 'full';
  const summary = readinessSummaryFrom(final);
  const country = countryName(dataset, lang);
  const charts = full && options.rasterizer ? await renderCharts(dataset, lang, summary, country, options.rasterizer) : new Map();
  const ctx: ReportContext = {
    lang,
    S,
    dataset,
    index,
    final,
    summary,
    country,
    front: pageShape(false),
    annex: pageShape(!!options.landscapeAnnexes),
    outline: reportOutline(dataset, lang),
    lists: listCounter(),
    figures: listCounter(),
    charts,
    texts: reportTexts(dataset, lang, options.untranslated ?? 'source'),
  };
  progress(0.15);

  const authors = options.authors ?? [...new Set(index.interviews.map((iv) => iv.interviewerName.trim()).filter(Boolean))];
  const front: Block[] = [...cover(ctx, coverDate(ctx, options.date), authors, full), ...contents(ctx)];
  const annexTitle = (id: SectionId) => headingText(outlineEntry(ctx, id));
  if (full) {
    front.push(
      ...executiveSummary(ctx),
      ...introductionSection(ctx),
      ...contextSection(ctx),
      ...findingsSection(ctx, 'technical'),
      ...findingsSection(ctx, 'legal'),
      ...recommendationsSection(ctx),
    );
  } else {
    front.push(...methodology(ctx), ...readinessSummarySection(ctx));
  }
  progress(0.2);
  // The action plan table is wide: it is laid out like the annexes (landscape when asked).
  const plan: Block[] = full ? actionPlanSection(ctx) : [];
  const conclusion: Block[] = full ? conclusionSection(ctx) : [];
  const annexes: Block[] = full ? annexI(ctx, false, annexTitle('annexI')) : annexI(ctx, true);
  if (full || dataset.stakeholders.some((s) => s.workshop)) annexes.push(...annexII(ctx, annexTitle('annexII')));
  annexes.push(...annexIII(ctx, full ? annexTitle('annexIII') : undefined));
  progress(0.3);
  annexes.push(...annexIV(ctx, full ? annexTitle('annexIV') : undefined));
  annexes.push(...documentsAnnex(ctx));
  progress(0.4);
  if (options.individualResponses) annexes.push(...individualResponsesFrame(ctx));
  progress(0.5);

  const title = fill(S.title, { country: ctx.country });
  const doc = new Document({
    title,
    creator: authors.join(', ') || 'Readiness Studio',
    description: title,
    lastModifiedBy: 'Readiness Studio',
    features: { updateFields: true },
    styles: reportStyles(lang),
    numbering: reportNumbering(),
    sections: [
      section(front, false, lang, true),
      ...(full ? [section(plan, !!options.landscapeAnnexes, lang, false), section(conclusion, false, lang, false)] : []),
      section(annexes, !!options.landscapeAnnexes, lang, false),
    ],
  });
  progress(0.6);
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]));
  // The parts that grow with the number of interviews are streamed in as text (splice.ts).
  const splices: Splice[] = [];
  if (appendixInterviews(ctx).length > 0) splices.push({ marker: APPENDIX_MARKER, content: (numId) => appendixFormsXml(ctx, numId) });
  let done = 0;
  if (options.individualResponses) {
    splices.push({ marker: INDIVIDUAL_MARKER, content: (numId) => individualResponsesXml(ctx, numId, () => progress(0.7 + (0.3 * ++done) / QUESTION_COUNT)) });
  }
  progress(splices.length > 0 ? 0.7 : 1);
  if (splices.length === 0) return packed;
  const bytes = await spliceDocument(packed, splices);
  progress(1);
  return bytes;
}

export { REPORT_STRINGS, formatDate } from './strings';
export { createResvgRasterizer } from './rasterizer';
export { CHART_FONT, barChartSvg, type ChartRasterizer } from './charts';
export { chartData, altText, type ChartId } from './chartImages';
export { answerText, blankReason, timelineText } from './format';
export { textLines, cleanText } from './kit';
