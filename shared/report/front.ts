/** The front matter: cover, table of contents, methodology, readiness summary. */
import { Paragraph, TableOfContents, PageBreak } from 'docx';
import { CATALOGUE_ITEMS, itemLabel } from '../checklist/catalogue';
import type { ReadinessCounts, ReadinessGroup } from '../consolidation';
import { fill, formatDate, formatPeriod } from './strings';
import { GROUP_FILL, STYLE, columns, para, run, table, textCell, type RowSpec } from './kit';
import { heading, type Block, type ReportContext } from './context';

/**
 * The cover date: the one asked for, else the assessment's report date, else the end of
 * the fieldwork (the period's end, else the last interview); never silently today.
 */
export function coverDate(ctx: Pick<ReportContext, 'dataset'>, asked?: string): string {
  if (asked !== undefined && asked.trim() !== '') return asked;
  const a = ctx.dataset.assessment;
  const dates = ctx.dataset.interviews.map((iv) => iv.date).filter((d) => d !== '').sort();
  return a.reportDate || a.periodEnd || dates[dates.length - 1] || '';
}

export function cover(ctx: ReportContext, date: string, authors: readonly string[], full: boolean): Block[] {
  const { S } = ctx;
  const out: Block[] = [new Paragraph({ style: STYLE.coverTitle, children: [run(fill(S.title, { country: ctx.country }))] })];
  if (!full) out.push(para(S.cover.subtitle, { style: STYLE.coverText }));
  if (date.trim() !== '') out.push(para(fill(S.cover.date, { date: formatDate(ctx.lang, date) }), { style: STYLE.coverText }));
  if (authors.length > 0) out.push(para(fill(S.cover.authors, { authors: authors.join(S.listSeparator) }), { style: STYLE.coverText }));
  out.push(para(S.cover.generated, { style: STYLE.small }));
  return out;
}

/** A TOC field Word fills in (and updates on opening: the document sets updateFields). */
export function contents(ctx: ReportContext): Block[] {
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ style: STYLE.coverText, children: [run(ctx.S.toc, { bold: true })] }),
    new TableOfContents(ctx.S.toc, { hyperlink: true, headingStyleRange: '1-3' }),
  ];
}

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter((v) => v !== ''))];
}

export function methodology(ctx: ReportContext): Block[] {
  return methodologyBody(ctx, 1);
}

/** The methodology: a Heading 1 of its own (annexes-only report) or a Heading 2 under the Introduction. */
export function methodologyBody(ctx: ReportContext, level: 1 | 2): Block[] {
  const { S, lang, dataset, index, final } = ctx;
  const M = S.methodology;
  const interviews = index.interviews;
  const stakeholderIds = new Set(interviews.flatMap((iv) => iv.stakeholderIds));
  const organizations = unique(interviews.map((iv) => iv.organization));
  const dates = interviews.map((iv) => iv.date).filter((d) => d !== '').sort();
  const from = dataset.assessment.periodStart || dates[0] || '';
  const to = dataset.assessment.periodEnd || dates[dates.length - 1] || '';
  const interviewers = unique(interviews.map((iv) => iv.interviewerName));
  const languages = unique(interviews.map((iv) => iv.language)).map((l) => S.languages[l as keyof typeof S.languages] ?? l);
  let byLead = 0;
  let drafted = 0;
  let notDiscussed = 0;
  for (const a of final.answers.values()) {
    if (a.source === 'consolidated') byLead++;
    else if (a.source === 'draft') drafted++;
    else if (final.relevance.get(a.questionId)?.relevant !== false) notDiscussed++;
  }
  const facts: Array<[string, string]> = [
    [M.interviews, String(interviews.length)],
    [M.organizations, String(organizations.length)],
    [M.stakeholders, String(stakeholderIds.size)],
    [M.period, formatPeriod(lang, from, to) || S.answer.empty],
    [M.interviewers, interviewers.join(S.listSeparator) || S.answer.empty],
    [M.languages, languages.join(S.listSeparator) || S.answer.empty],
    [M.consolidatedByLead, String(byLead)],
    [M.draftedAutomatically, String(drafted)],
    [M.notDiscussed, String(notDiscussed)],
  ];
  const widths = columns(ctx.front.textWidth, [45, 55]);
  const sub = level === 1 ? 2 : 3;
  return [
    ...(level === 1 ? [heading(1, M.heading, { pageBreakBefore: true }), para(fill(M.intro, { country: ctx.country }))] : [heading(2, M.heading)]),
    table(
      widths,
      [M.facts],
      facts.map(([k, v]) => ({ cells: [textCell(k, { bold: true }), textCell(v)], cantSplit: true })),
    ),
    heading(sub, M.consolidationHeading),
    ...M.consolidation.map((p) => para(p)),
    heading(sub, M.blanksHeading),
    para(M.blanks),
  ];
}

const TOTAL_FILL = 'E2E2E2';

function countsCells(ctx: ReportContext, c: ReadinessCounts, bold: boolean, fillColor?: string, keepNext = false) {
  const n = (v: number) => ({ ...textCell(String(v), { bold, keepNext, ...(fillColor ? { fill: fillColor } : {}) }) });
  return [
    n(c.yes),
    n(c.partial),
    n(c.no),
    n(c.planning),
    n(c.dontKnow + c.notApplicable),
    n(c.notAnswered),
    textCell(c.score === null ? ctx.S.summary.noScore : `${c.score}%`, { bold: true, keepNext, ...(fillColor ? { fill: fillColor } : {}) }),
  ];
}

/**
 * The summary table of one checklist. The checklist's total comes first, under the header
 * (as each part's subtotal comes before its sections), so it can never be left alone on
 * the next page, whatever the word processor does with a table that does not fit; every
 * row also keeps with the next, which Word honours to keep the short table on one page.
 */
export function summaryTable(ctx: ReportContext, groups: readonly ReadinessGroup[], total: ReadinessCounts) {
  const T = ctx.S.summary;
  const widths = columns(ctx.front.textWidth, [44, 8, 8, 8, 8, 8, 8, 8]);
  const rows: RowSpec[] = groups.map((g) => {
    const label = `${g.id}${g.checklist === 'technical' || g.level === 0 ? '.' : ''} ${itemLabel(ctx.lang, g.id)}`;
    const top = g.level === 0;
    return {
      cantSplit: true,
      cells: [textCell(label, { bold: top, keepNext: true, ...(top ? { fill: GROUP_FILL } : {}) }), ...countsCells(ctx, g.counts, top, top ? GROUP_FILL : undefined, true)],
    };
  });
  rows.unshift({ cantSplit: true, cells: [textCell(T.total, { bold: true, keepNext: true, fill: TOTAL_FILL }), ...countsCells(ctx, total, true, TOTAL_FILL, true)] });
  // Counts are narrow columns under long words ("қолданылмайды"): their headers run upwards.
  return table(widths, [T.section, T.yes, T.partial, T.no, T.planning, T.excluded, T.notAnswered, T.score], rows, {
    verticalHeaders: [false, true, true, true, true, true, true, true],
  });
}

export function readinessSummarySection(ctx: ReportContext): Block[] {
  const T = ctx.S.summary;
  const { summary } = ctx;
  const technical = summary.groups.filter((g) => g.checklist === 'technical');
  const legal = summary.groups.filter((g) => g.checklist === 'legal');
  return [
    heading(1, T.heading, { pageBreakBefore: true }),
    para(T.intro),
    heading(2, T.technical),
    summaryTable(ctx, technical, summary.totals.technical),
    heading(2, T.legal),
    summaryTable(ctx, legal, summary.totals.legal),
  ];
}

/** How many questions the catalogue has (progress through the individual responses). */
export const QUESTION_COUNT = CATALOGUE_ITEMS.filter((i) => i.role === 'question').length;
