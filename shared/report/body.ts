/**
 * The full report's sections, in the published report's order: Executive summary,
 * I. Introduction, II. trade facilitation context (Global Survey figures and charts),
 * III. technical findings per area, IV. legal findings per area, V. recommendations,
 * VI. action plan, VII. conclusion. Every written text goes through `textIn`
 * (shared/narrative): the version in the report language, else the source.
 */
import { ImageRun, Paragraph, TextRun, AlignmentType } from 'docx';
import { getItem, itemLabel } from '../checklist/catalogue';
import type { ReportPart, RichText } from '../model/types';
import {
  actionPlan,
  areaNumber,
  defaultIntroduction,
  findingAreas,
  findingKey,
  headingText,
  isEmptyRich,
  partNumber,
  partsOf,
  recommendations,
  reportOutline,
  runsByArea,
  sectionKey,
  surveyGroupLabel,
  surveys,
  SURVEY_GROUPS,
  textOfKind,
  type OutlineEntry,
  type SectionId,
  type SurveyValue,
} from '../narrative';
import { fill } from './strings';
import { GROUP_FILL, STYLE, columns, columnsForHeaders, para, run, table, textCell, type CellSpec, type RowSpec } from './kit';
import { heading, type Block, type ReportContext } from './context';
import { richParagraphs } from './rich';
import { textReferences } from './documents';
import { methodologyBody, summaryTable } from './front';
import { formatNumber } from './format';
import type { RenderedChart } from './chartImages';

/** The outline entry of a section (number and title in the report language). */
export function outlineEntry(ctx: ReportContext, id: SectionId): OutlineEntry {
  const e = ctx.outline.find((x) => x.id === id) ?? ctx.outline.flatMap((x) => x.children).find((x) => x.id === id);
  if (!e) throw new Error(`no outline entry ${id}`);
  return e;
}

function sectionBody(ctx: ReportContext, id: SectionId): RichText | undefined {
  const t = textOfKind(ctx.dataset, sectionKey(id), ctx.lang, 'section');
  return t && !isEmptyRich(t.value.body) ? t.value.body : undefined;
}

/** The marker of a narrative text printed in the source language (none when translated or not marking). */
function markerOf(ctx: ReportContext, key: string): { marker?: { prefix: string; language: string } } {
  const lang = ctx.texts.foreign(key);
  const marker = lang ? ctx.texts.marker(lang) : undefined;
  return marker ? { marker } : {};
}

function notWritten(ctx: ReportContext, text = ctx.S.narrative.notWritten): Paragraph {
  return para(text, { italics: true });
}

/** Heading 1 of a numbered section, its text (or the placeholder). */
function simpleSection(ctx: ReportContext, id: SectionId, opts: { placeholder?: boolean } = {}): Block[] {
  const body = sectionBody(ctx, id);
  const out: Block[] = [heading(1, headingText(outlineEntry(ctx, id)), { pageBreakBefore: true })];
  if (body) out.push(...richParagraphs(body, ctx.lists, markerOf(ctx, sectionKey(id))), ...textReferences(ctx, sectionKey(id)));
  else if (opts.placeholder !== false) out.push(notWritten(ctx));
  return out;
}

// ---- Figures -----------------------------------------------------------------------------

/** "Figure 3. …" above the chart, the picture (with its alt text), the source below. */
export function figure(ctx: ReportContext, chart: RenderedChart | undefined, source: string): Block[] {
  if (!chart) return [];
  const n = ctx.figures.next();
  const width = Math.min(chart.width, Math.floor(ctx.front.textWidth / 15)); // twips → px at 96 dpi
  const height = Math.round((chart.height * width) / chart.width);
  return [
    new Paragraph({ style: STYLE.body, keepNext: true, children: [run(fill(ctx.S.narrative.figure, { n, title: chart.title }), { bold: true })] }),
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: chart.title, title: chart.title, description: chart.alt } })],
    }),
    para(source, { style: STYLE.small }),
  ];
}

// ---- II. Context: the Global Survey ------------------------------------------------------

function pct(ctx: ReportContext, v: number | null | undefined): string {
  return typeof v === 'number' ? formatNumber(ctx.lang, v) : ctx.S.narrative.notGiven;
}

/** The survey figures of one year as a table: group | country | comparisons. */
function surveyTable(ctx: ReportContext, s: SurveyValue): Block[] {
  const N = ctx.S.narrative;
  const columnsOf = [ctx.country, ...s.comparisons.map((c) => c.label)];
  const groups = SURVEY_GROUPS.filter((g) => s.rates.some((r) => r.group === g.id && r.rate !== null) || s.comparisons.some((c) => c.rates.some((r) => r.group === g.id && r.rate !== null)));
  const rows: RowSpec[] = [];
  const rate = (rates: SurveyValue['rates'], group: string) => rates.find((r) => r.group === group)?.rate ?? null;
  if (s.overall !== null || s.comparisons.some((c) => c.overall !== null)) {
    rows.push({ cantSplit: true, cells: [textCell(N.overall, { bold: true }), textCell(pct(ctx, s.overall), { bold: true }), ...s.comparisons.map((c) => textCell(pct(ctx, c.overall), { bold: true }))] });
  }
  for (const g of groups) rows.push({ cantSplit: true, cells: [textCell(surveyGroupLabel(g.id, ctx.lang)), textCell(pct(ctx, rate(s.rates, g.id))), ...s.comparisons.map((c) => textCell(pct(ctx, rate(c.rates, g.id))))] });
  if (rows.length === 0) return [];
  const widths = columns(ctx.front.textWidth, [40, ...columnsOf.map(() => 60 / columnsOf.length)]);
  return [para(fill(N.surveyTable, { year: s.year }), { bold: true, keepNext: true }), table(widths, [N.group, ...columnsOf], rows)];
}

export function contextSection(ctx: ReportContext): Block[] {
  const N = ctx.S.narrative;
  const out = simpleSection(ctx, 'context', { placeholder: surveys(ctx.dataset, ctx.lang).length === 0 });
  const years = surveys(ctx.dataset, ctx.lang);
  if (years.length === 0) return out;
  const latest = years[years.length - 1]!;
  out.push(heading(2, fill(N.surveyHeading, { country: ctx.country })));
  out.push(...figure(ctx, ctx.charts.get('overTime'), fill(N.source, { year: latest.year })));
  out.push(...figure(ctx, ctx.charts.get('comparison'), fill(N.source, { year: latest.year })));
  for (const s of [...years].reverse()) out.push(...surveyTable(ctx, s));
  return out;
}

// ---- III, IV. Findings per area ----------------------------------------------------------

function scoreLine(ctx: ReportContext, area: string): Paragraph {
  const N = ctx.S.narrative;
  const c = ctx.summary.groups.find((g) => g.id === area)?.counts;
  const text = c && c.score !== null ? fill(N.areaScore, { score: `${c.score}%`, yes: c.yes, partial: c.partial, no: c.no, planning: c.planning }) : N.areaNoScore;
  return para(text, { style: STYLE.small });
}

export function findingsSection(ctx: ReportContext, part: ReportPart): Block[] {
  const N = ctx.S.narrative;
  const id: SectionId = part;
  const body = sectionBody(ctx, id);
  const out: Block[] = [heading(1, headingText(outlineEntry(ctx, id)), { pageBreakBefore: true })];
  if (body) out.push(...richParagraphs(body, ctx.lists, markerOf(ctx, sectionKey(id))), ...textReferences(ctx, sectionKey(id)));
  // Readiness by area: the chart and the summary table from the checklists.
  out.push(heading(2, N.summaryHeading));
  out.push(...figure(ctx, ctx.charts.get(part), N.sourceChecklists));
  const groups = ctx.summary.groups.filter((g) => g.checklist === part);
  out.push(summaryTable(ctx, groups, ctx.summary.totals[part]));
  for (const top of partsOf(part)) {
    out.push(heading(2, `${partNumber(top.id)}. ${itemLabel(ctx.lang, top.id)}`));
    for (const area of findingAreas(part).filter((a) => a.parent === top.id)) {
      out.push(heading(3, `${areaNumber(area.id)}. ${itemLabel(ctx.lang, area.id)}`), scoreLine(ctx, area.id));
      const t = textOfKind(ctx.dataset, findingKey(area.id), ctx.lang, 'finding');
      if (t && !isEmptyRich(t.value.body)) out.push(...richParagraphs(t.value.body, ctx.lists, markerOf(ctx, findingKey(area.id))), ...textReferences(ctx, findingKey(area.id)));
      else out.push(notWritten(ctx, N.noFinding));
    }
  }
  return out;
}

// ---- V. Recommendations ------------------------------------------------------------------

/** How an area is named under V and VI: its title in the checklist ("Governance bodies"). */
function areaTitle(ctx: ReportContext, area: string): string {
  return getItem(area) ? itemLabel(ctx.lang, area) : area;
}

export function recommendationsSection(ctx: ReportContext): Block[] {
  const N = ctx.S.narrative;
  const out = simpleSection(ctx, 'recommendations', { placeholder: false });
  const recs = recommendations(ctx.dataset, ctx.lang);
  (['technical', 'legal'] as const).forEach((part, i) => {
    const introId: SectionId = part === 'technical' ? 'recommendationsTechnical' : 'recommendationsLegal';
    out.push(heading(2, `${String.fromCharCode(65 + i)}. ${outlineEntry(ctx, introId).title}`));
    const intro = sectionBody(ctx, introId);
    if (intro) out.push(...richParagraphs(intro, ctx.lists, markerOf(ctx, sectionKey(introId))));
    if (recs[part].length === 0) out.push(notWritten(ctx, N.noRecommendations));
    for (const run_ of runsByArea(recs[part], (r) => r.value.area)) {
      out.push(heading(3, areaTitle(ctx, run_.area)));
      for (const r of run_.items) {
        const lead = [new TextRun({ text: `${fill(N.recommendation, { n: r.number })} `, bold: true })];
        out.push(...richParagraphs(r.value.body, ctx.lists, { lead, ...markerOf(ctx, r.key) }), ...textReferences(ctx, r.key));
      }
    }
  });
  return out;
}

// ---- VI. Action plan ---------------------------------------------------------------------

function actionTable(ctx: ReportContext, part: ReportPart): Block[] {
  const N = ctx.S.narrative;
  const groups = actionPlan(ctx.dataset, ctx.lang)[part];
  if (groups.length === 0) return [notWritten(ctx, N.noActions)];
  const shape = ctx.annex.landscape ? ctx.annex : ctx.front;
  const headers = [N.action, N.priority, N.timeline, N.capacity, N.agencies];
  const widths = columnsForHeaders(shape.textWidth, [36, 11, 11, 16, 26], headers);
  const rows: RowSpec[] = [];
  for (const g of groups) {
    // The area row stays with the first action under it.
    rows.push({ cantSplit: true, cells: [textCell(areaTitle(ctx, g.area), { bold: true, span: 5, fill: GROUP_FILL, keepNext: true })] });
    for (const r of g.rows) {
      const v = r.value;
      const lead = [new TextRun({ text: `${r.number} `, bold: r.depth === 0 })];
      const action: CellSpec = { children: richParagraphs(v.text, ctx.lists, { style: STYLE.cell, lead, indent: r.depth * 284, ...markerOf(ctx, r.key) }) };
      const needed = v.capacityBuilding.needed === 'yes' ? N.yes : v.capacityBuilding.needed === 'no' ? N.no : '';
      const capacity = [needed, v.capacityBuilding.text.trim()].filter(Boolean).join(': ');
      rows.push({
        cantSplit: true,
        cells: [action, textCell(v.priority ? N.priorities[v.priority] : ctx.S.answer.empty), textCell(v.timeline.trim() || ctx.S.answer.empty), textCell(capacity || ctx.S.answer.empty), textCell(v.agencies.map((a) => ctx.texts.agency(a)).join(ctx.S.listSeparator) || ctx.S.answer.empty)],
      });
    }
  }
  return [table(widths, headers, rows)];
}

export function actionPlanSection(ctx: ReportContext): Block[] {
  const N = ctx.S.narrative;
  const out = simpleSection(ctx, 'actionPlan', { placeholder: false });
  out.push(heading(2, N.part1), para(N.priorityNote, { italics: true, keepNext: true }), ...actionTable(ctx, 'technical'));
  out.push(heading(2, N.part2), para(N.priorityNote, { italics: true, keepNext: true }), ...actionTable(ctx, 'legal'));
  return out;
}

// ---- Executive summary, I, VII -----------------------------------------------------------

export function executiveSummary(ctx: ReportContext): Block[] {
  return simpleSection(ctx, 'executiveSummary');
}

export function introductionSection(ctx: ReportContext): Block[] {
  const written = sectionBody(ctx, 'introduction');
  const body = written ?? defaultIntroduction(ctx.dataset, ctx.lang);
  return [heading(1, headingText(outlineEntry(ctx, 'introduction')), { pageBreakBefore: true }), ...richParagraphs(body, ctx.lists, written ? markerOf(ctx, sectionKey('introduction')) : {}), ...methodologyBody(ctx, 2)];
}

export function conclusionSection(ctx: ReportContext): Block[] {
  return simpleSection(ctx, 'conclusion');
}

export { reportOutline };
