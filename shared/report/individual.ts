/**
 * Optional annex "Individual responses" (internal use): every question with each
 * interview's own answer, attributed (organisation, people, interviewer, date, language).
 * Only recorded answers are listed; private notes never appear.
 *
 * A large assessment makes this annex tens of thousands of rows, more than `docx`'s object
 * tree holds in reasonable memory, so it is written as WordprocessingML text (rawXml.ts)
 * and streamed into the packed file (splice.ts) in place of a marker paragraph.
 */
import { displayNumber, itemsOf, itemTexts, type CatalogueItem } from '../checklist/catalogue';
import type { ChecklistId } from '../checklist/types';
import type { Interview } from '../model/types';
import { isAnswered } from '../checklist/answerLabels';
import { fill, formatDate } from './strings';
import { BULLETS, STYLE, columns, para } from './kit';
import { answerText, reportValue } from './format';
import { personName } from './annexes';
import { heading, type Block, type ReportContext } from './context';
import { headingXml, paragraphXml, tableRowXml, tableStartXml, textParagraphsXml, TABLE_END } from './rawXml';
import { Paragraph, TextRun } from 'docx';

/** Text of the paragraph the streamed annex replaces. */
export const INDIVIDUAL_MARKER = '⟦readiness-individual-responses⟧';

/** The annex's heading and intro as `docx` blocks, then the marker (a bullet, to learn the list's id). */
export function individualResponsesFrame(ctx: ReportContext): Block[] {
  const I = ctx.S.individual;
  return [
    heading(1, I.heading, { pageBreakBefore: true }),
    para(I.intro),
    new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(INDIVIDUAL_MARKER)] }),
  ];
}

/** Respondent cells, built once per interview and report (a large annex repeats each one per question). */
const respondents = new WeakMap<ReportContext, Map<string, string>>();

function respondentXml(ctx: ReportContext, iv: Interview, conflictCount: number): string {
  let cache = respondents.get(ctx);
  if (!cache) respondents.set(ctx, (cache = new Map()));
  const key = `${iv.id}|${conflictCount > 1 ? conflictCount : 0}`;
  let xml = cache.get(key);
  if (xml === undefined) cache.set(key, (xml = buildRespondentXml(ctx, iv, conflictCount)));
  return xml;
}

function buildRespondentXml(ctx: ReportContext, iv: Interview, conflictCount: number): string {
  const { S, index } = ctx;
  const I = S.individual;
  const people = index.stakeholdersOf(iv).map(personName).filter(Boolean);
  const lines = [
    ...(people.length > 0 ? [people.join(S.listSeparator)] : []),
    fill(I.interviewer, { name: iv.interviewerName || S.answer.empty }),
    fill(I.date, { date: iv.date ? formatDate(ctx.lang, iv.date) : S.answer.empty }),
    fill(I.language, { language: S.languages[iv.language] ?? iv.language }),
    ...(conflictCount > 1 ? [fill(I.conflict, { count: conflictCount })] : []),
  ];
  return paragraphXml({ lines: [ctx.texts.interviewOrganization(iv.id, iv.organization).text || S.answer.empty], bold: true }) + paragraphXml({ lines });
}

function* questionXml(ctx: ReportContext, item: CatalogueItem, widths: number[], bulletNumId: string | undefined): Generator<string> {
  const { S, index, lang } = ctx;
  const t = itemTexts(lang, item.id);
  const number = displayNumber(item.id);
  yield paragraphXml({ style: STYLE.body, keepNext: true, spacing: { before: 200, after: 80 }, bold: true, lines: [`${number ? `${number} ` : ''}${t.text ?? t.title ?? ''}`] });
  let rows = 0;
  for (const iv of index.interviews) {
    const state = index.answerState(iv.id, item.id);
    if (!state.head || !isAnswered(state.head.value)) continue;
    if (rows++ === 0) yield tableStartXml(widths, [S.individual.respondent, S.individual.answer]);
    const text = answerText(lang, item, reportValue(state.head.value), true) || S.answer.empty;
    yield tableRowXml(widths, [respondentXml(ctx, iv, state.heads.length), textParagraphsXml(text, bulletNumId)]);
  }
  if (rows > 0) yield TABLE_END;
  else yield paragraphXml({ style: STYLE.small, lines: [S.individual.none] });
}

/** The annex body, question by question, as WordprocessingML chunks. */
export function* individualResponsesXml(ctx: ReportContext, bulletNumId: string | undefined, onItem?: () => void): Generator<string> {
  const I = ctx.S.individual;
  const widths = columns(ctx.annex.textWidth, [30, 70]);
  const parts: Array<[ChecklistId, string]> = [
    ['technical', I.technical],
    ['appendix', I.appendix],
    ['legal', I.legal],
  ];
  for (const [checklist, title] of parts) {
    yield headingXml(2, title);
    for (const item of itemsOf(checklist)) {
      if (item.role !== 'question') continue;
      yield* questionXml(ctx, item, widths, bulletNumId);
      onItem?.();
    }
  }
}
