/**
 * Optional annex "Individual responses" (internal use): every question with each
 * interview's own answer, attributed (organisation, people, interviewer, date, language).
 * Only recorded answers are listed; private notes never appear.
 */
import { Paragraph, TextRun } from 'docx';
import { displayNumber, itemsOf, itemTexts, type CatalogueItem } from '../checklist/catalogue';
import type { ChecklistId } from '../checklist/types';
import type { Interview } from '../model/types';
import { isAnswered } from '../checklist/answerLabels';
import { fill, formatDate } from './strings';
import { STYLE, cleanText, columns, para, run, table, textParagraphs, type RowSpec } from './kit';
import { answerText, reportValue } from './format';
import { personName } from './annexes';
import { heading, type Block, type ReportContext } from './context';

function respondentCell(ctx: ReportContext, iv: Interview, conflictCount: number): Paragraph[] {
  const { S, index } = ctx;
  const I = S.individual;
  const people = index.stakeholdersOf(iv).map(personName).filter(Boolean);
  // One paragraph of lines: this cell repeats on every answer of a large assessment.
  const lines = [
    ...(people.length > 0 ? [people.join(S.listSeparator)] : []),
    fill(I.interviewer, { name: iv.interviewerName || S.answer.empty }),
    fill(I.date, { date: iv.date ? formatDate(ctx.lang, iv.date) : S.answer.empty }),
    fill(I.language, { language: S.languages[iv.language] ?? iv.language }),
    ...(conflictCount > 1 ? [fill(I.conflict, { count: conflictCount })] : []),
  ];
  return [
    para(iv.organization || S.answer.empty, { style: STYLE.cell, bold: true }),
    new Paragraph({ children: lines.map((l, i) => new TextRun({ text: cleanText(l), ...(i > 0 ? { break: 1 } : {}) })) }),
  ];
}

function questionBlocks(ctx: ReportContext, item: CatalogueItem, widths: number[]): Block[] {
  const { S, index, lang } = ctx;
  const t = itemTexts(lang, item.id);
  const number = displayNumber(item.id);
  const title = new Paragraph({
    style: STYLE.body,
    keepNext: true,
    spacing: { before: 200, after: 80 },
    children: [run(`${number ? `${number} ` : ''}${t.text ?? t.title ?? ''}`, { bold: true })],
  });
  const rows: RowSpec[] = [];
  for (const iv of index.interviews) {
    const state = index.answerState(iv.id, item.id);
    if (!state.head || !isAnswered(state.head.value)) continue;
    const text = answerText(lang, item, reportValue(state.head.value), true) || S.answer.empty;
    rows.push({ cells: [{ children: respondentCell(ctx, iv, state.heads.length) }, { children: textParagraphs(text) }] });
  }
  if (rows.length === 0) return [title, para(S.individual.none, { style: STYLE.small })];
  return [title, table(widths, [S.individual.respondent, S.individual.answer], rows)];
}

export function individualResponses(ctx: ReportContext, onItem?: () => void): Block[] {
  const I = ctx.S.individual;
  const widths = columns(ctx.annex.textWidth, [30, 70]);
  const out: Block[] = [heading(1, I.heading, { pageBreakBefore: true }), para(I.intro)];
  const parts: Array<[ChecklistId, string]> = [
    ['technical', I.technical],
    ['appendix', I.appendix],
    ['legal', I.legal],
  ];
  for (const [checklist, title] of parts) {
    out.push(heading(2, title));
    for (const item of itemsOf(checklist)) {
      if (item.role !== 'question') continue;
      out.push(...questionBlocks(ctx, item, widths));
      onItem?.();
    }
  }
  return out;
}
