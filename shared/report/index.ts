/**
 * The Word report: cover, contents, methodology, readiness summary, Annex I (stakeholders
 * interviewed), Annex III (technical checklist and the agency appendix forms), Annex IV
 * (legal checklist) and, on request, the individual responses. See docs/report.md.
 *
 * Pure over a Dataset and runs in Node and in a browser Web Worker alike (no Node Buffer:
 * the document is packed to an ArrayBuffer).
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import { finalAnswers, indexDataset, readinessSummaryFrom } from '../consolidation';
import { A4, MARGIN, cleanText, fontTableXml, pageShape, reportNumbering, reportStyles } from './kit';
import { REPORT_STRINGS, fill } from './strings';
import { QUESTION_COUNT, contents, cover, methodology, readinessSummarySection } from './front';
import { annexI, annexIII, annexIV } from './annexes';
import { INDIVIDUAL_MARKER, individualResponsesFrame, individualResponsesXml } from './individual';
import { spliceDocument } from './splice';
import type { Block, ReportContext } from './context';

export interface ReportOptions {
  readonly lang: Lang;
  /** Add the internal annex with each stakeholder's own answers. */
  readonly individualResponses?: boolean;
  /** Lay the annexes out on landscape pages. */
  readonly landscapeAnnexes?: boolean;
  /** Names on the cover; default: the interviewers. */
  readonly authors?: readonly string[];
  /** Date on the cover, "YYYY-MM-DD" (formatted in the report language) or any text; default: today. */
  readonly date?: string;
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

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Builds the .docx for a dataset; resolves to the file's bytes. */
export async function buildReport(dataset: Dataset, options: ReportOptions): Promise<Uint8Array> {
  const { lang } = options;
  const S = REPORT_STRINGS[lang];
  if (!S) throw new Error(`unsupported report language: ${String(lang)}`);
  const progress = (f: number) => options.onProgress?.(Math.max(0, Math.min(1, f)));
  progress(0);

  const index = indexDataset(dataset);
  const final = finalAnswers(dataset);
  const ctx: ReportContext = {
    lang,
    S,
    dataset,
    index,
    final,
    summary: readinessSummaryFrom(final),
    country: dataset.assessment.country.trim() || dataset.assessment.title,
    front: pageShape(false),
    annex: pageShape(!!options.landscapeAnnexes),
  };
  progress(0.15);

  const authors = options.authors ?? [...new Set(index.interviews.map((iv) => iv.interviewerName.trim()).filter(Boolean))];
  const front: Block[] = [...cover(ctx, options.date ?? today(), authors), ...contents(ctx), ...methodology(ctx), ...readinessSummarySection(ctx)];
  progress(0.2);
  const annexes: Block[] = [...annexI(ctx, true), ...annexIII(ctx)];
  progress(0.3);
  annexes.push(...annexIV(ctx));
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
    sections: [section(front, false, lang, true), section(annexes, !!options.landscapeAnnexes, lang, false)],
  });
  progress(0.6);
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]));
  progress(options.individualResponses ? 0.7 : 1);
  if (!options.individualResponses) return packed;
  let done = 0;
  const bytes = spliceDocument(packed, INDIVIDUAL_MARKER, (numId) => individualResponsesXml(ctx, numId, () => progress(0.7 + (0.3 * ++done) / QUESTION_COUNT)));
  progress(1);
  return bytes;
}

export { REPORT_STRINGS, formatDate } from './strings';
export { answerText, blankReason, timelineText } from './format';
export { textLines, cleanText } from './kit';
