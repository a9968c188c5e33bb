/**
 * Annex I (stakeholders interviewed), Annex III (technical checklist with its appendix
 * form) and Annex IV (legal checklist), in the shape of the published report.
 */
import { Paragraph, TextRun } from 'docx';
import { checklistTexts, displayNumber, getItem, itemsOf, itemTexts, type CatalogueItem } from '../checklist/catalogue';
import { isAnswered } from '../checklist/answerLabels';
import type { Relevance } from '../checklist/relevance';
import type { AnswerValue, Interview, Stakeholder } from '../model/types';
import { tokenLabel } from '../checklist/answerLabels';
import { byInterviewDate } from '../consolidation';
import { fill } from './strings';
import { BULLETS, GROUP_FILL, STYLE, columns, para, run, table, textCell, textParagraphs, type CellSpec, type RowSpec } from './kit';
import { TABLE_END, headingXml, paragraphXml, tableRowXml, tableStartXml, textParagraphsXml } from './rawXml';
import { answerText, blankReason, isBlank, reportValue, timelineText, type ReportValue } from './format';
import { bulletList, heading, introParagraphs, type Block, type ReportContext } from './context';
import { questionReferences } from './documents';

const RELEVANT: Relevance = { relevant: true };

// ---- Annex I ---------------------------------------------------------------------------

/**
 * People grouped by organisation in ONE documented order, whatever order the bundles were
 * imported or given in: organisations in the order of their first interview (date, then
 * organisation name, then id: `byInterviewDate`), organisations never interviewed after
 * them by name; within an organisation, the people in the order the interviews list them,
 * then anyone else by name.
 */
export function orderedByOrganization(ctx: ReportContext, people: readonly Stakeholder[]): Array<{ organization: string; people: Stakeholder[] }> {
  const interviews = [...ctx.dataset.interviews].sort(byInterviewDate);
  const rank = new Map<string, number>();
  interviews.forEach((iv, i) => {
    iv.stakeholderIds.forEach((id, j) => {
      if (!rank.has(id)) rank.set(id, i * 1000 + j);
    });
  });
  const collator = new Intl.Collator(ctx.lang);
  const byName = (a: Stakeholder, b: Stakeholder) => collator.compare(a.name.trim(), b.name.trim()) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const groups = new Map<string, Stakeholder[]>();
  for (const s of people) {
    const key = s.organization.trim();
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const first = (list: Stakeholder[]) => Math.min(...list.map((p) => rank.get(p.id) ?? Number.MAX_SAFE_INTEGER));
  return [...groups.entries()]
    .map(([organization, list]) => ({
      organization,
      people: list.sort((a, b) => (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER) || byName(a, b)),
    }))
    .sort((a, b) => first(a.people) - first(b.people) || collator.compare(a.organization, b.organization));
}

/** The people interviewed (everyone recorded, if no interview names anyone). */
export function interviewedStakeholders(ctx: ReportContext): Array<{ organization: string; people: Stakeholder[] }> {
  const met = new Set(ctx.dataset.interviews.flatMap((iv) => iv.stakeholderIds));
  const people = ctx.dataset.stakeholders.filter((s) => met.has(s.id));
  return orderedByOrganization(ctx, people.length > 0 ? people : ctx.dataset.stakeholders);
}

/** The participants of the validation workshop (Annex II). */
export function workshopParticipants(ctx: ReportContext): Array<{ organization: string; people: Stakeholder[] }> {
  return orderedByOrganization(
    ctx,
    ctx.dataset.stakeholders.filter((s) => s.workshop),
  );
}

export function personName(s: Stakeholder): string {
  return [s.honorific.trim(), s.name.trim()].filter(Boolean).join(' ');
}

/** Organization | Name | Job position, the organisation cell spanning its people. */
function peopleTable(ctx: ReportContext, groups: Array<{ organization: string; people: Stakeholder[] }>): Block {
  const A = ctx.S.annex1;
  const widths = columns(ctx.annex.textWidth, [36, 26, 38]);
  const rows: RowSpec[] = [];
  for (const g of groups) {
    g.people.forEach((p, i) => {
      const cells: CellSpec[] = [];
      if (i === 0) {
        const org = ctx.texts.stakeholder(p.id, 'organization', g.organization);
        cells.push(textCell(org.text || ctx.S.answer.empty, { rowSpan: g.people.length, ...(org.language ? { language: org.language } : {}) }));
      }
      const position = ctx.texts.stakeholder(p.id, 'position', p.position);
      cells.push(textCell(personName(p) || ctx.S.answer.empty), textCell(position.text || ctx.S.answer.empty, position.language ? { language: position.language } : {}));
      rows.push({ cells, cantSplit: true, startColumn: i === 0 ? 0 : 1 });
    });
  }
  return table(widths, [A.organization, A.name, A.position], rows);
}

export function annexI(ctx: ReportContext, first: boolean, headingText: string = ctx.S.annex1.heading): Block[] {
  const groups = interviewedStakeholders(ctx);
  const out: Block[] = [heading(1, headingText, { pageBreakBefore: !first })];
  if (groups.length === 0) return [...out, para(ctx.S.annex1.none)];
  out.push(peopleTable(ctx, groups));
  return out;
}

export function annexII(ctx: ReportContext, headingText: string): Block[] {
  const groups = workshopParticipants(ctx);
  const out: Block[] = [heading(1, headingText, { pageBreakBefore: true })];
  if (groups.length === 0) return [...out, para(ctx.S.annex1.none)];
  out.push(peopleTable(ctx, groups));
  return out;
}

// ---- Shared pieces ---------------------------------------------------------------------

function children(item: CatalogueItem): CatalogueItem[] {
  return item.children.map((id) => getItem(id)).filter((c): c is CatalogueItem => !!c);
}

/** The question column: text, instruction, options of a multi-select, note. */
function questionCell(ctx: ReportContext, item: CatalogueItem): CellSpec {
  const t = itemTexts(ctx.lang, item.id);
  const out: Paragraph[] = [...textParagraphs(t.text ?? t.title ?? '')];
  if (t.instruction) out.push(...textParagraphs(t.instruction, STYLE.cell, { italics: true }));
  if (item.kind === 'multiSelect' && item.options) {
    for (const o of item.options) {
      const label = tokenLabel(ctx.lang, item.id, o);
      out.push(...textParagraphs(/^[ivxl]+$/.test(o) ? `(${o}) ${label}` : `• ${label}`));
    }
  }
  if (t.note) out.push(...textParagraphs(t.note, STYLE.cell, { italics: true }));
  return { children: out };
}

function finalOf(ctx: ReportContext, id: string): { value: ReportValue | undefined; relevance: Relevance; language?: string } {
  const final = ctx.final.answers.get(id);
  const { value, language } = ctx.texts.answer(final, reportValue(final?.value));
  return { value, relevance: ctx.final.relevance.get(id) ?? RELEVANT, ...(language ? { language } : {}) };
}

/** Answer cells: the answer (and timeline column), or the reason spanning them. */
function answerCells(ctx: ReportContext, item: CatalogueItem, withTimeline: boolean): CellSpec[] {
  const { value, relevance, language } = finalOf(ctx, item.id);
  if (isBlank(ctx.lang, item, value, relevance)) {
    return [textCell(blankReason(ctx.lang, relevance), { italics: true, ...(withTimeline ? { span: 2 } : {}) })];
  }
  // Supporting documents linked to the question are cited after the answer ("[D7]").
  const text = (answerText(ctx.lang, item, value, !withTimeline) || ctx.S.answer.empty) + questionReferences(ctx, item.id);
  const lang = language ? { language } : {};
  const cells = [textCell(text, lang)];
  if (withTimeline) cells.push(textCell(timelineText(ctx.lang, value), lang));
  return cells;
}

/** Table rows for the items under a section: headings as full-width rows, questions as rows. */
function checklistRows(ctx: ReportContext, section: CatalogueItem, nCols: number, withTimeline: boolean): RowSpec[] {
  const rows: RowSpec[] = [];
  const walk = (item: CatalogueItem) => {
    const t = itemTexts(ctx.lang, item.id);
    if (item.role === 'section') return;
    if (t.intro && t.intro.length > 0) {
      rows.push({ cells: [{ children: t.intro.flatMap((p) => textParagraphs(p, STYLE.cell, { italics: true })), span: nCols }] });
    }
    if (item.role === 'heading') {
      rows.push({ cantSplit: true, cells: [textCell(`${displayNumber(item.id)} ${t.title ?? ''}`, { bold: true, span: nCols, fill: GROUP_FILL })] });
    } else if (item.role === 'lead-in') {
      rows.push({ cells: [textCell(displayNumber(item.id), { bold: true }), textCell(t.text ?? t.title ?? '', { bold: true, span: nCols - 1 })] });
    } else {
      rows.push({ cells: [textCell(displayNumber(item.id)), questionCell(ctx, item), ...answerCells(ctx, item, withTimeline)] });
    }
    for (const c of children(item)) walk(c);
  };
  for (const c of children(section)) walk(c);
  return rows;
}

function sectionTitle(item: CatalogueItem, title: string): string {
  // "A. …", "A1. …" (technical and top levels), "I.A …" (legal sections) as in the published annexes.
  const dot = item.checklist === 'technical' || item.depth === 0;
  return `${item.id}${dot ? '.' : ''} ${title}`;
}

// ---- Annex III -------------------------------------------------------------------------

export function annexIII(ctx: ReportContext, headingText?: string): Block[] {
  const { S, lang } = ctx;
  const A = S.annex3;
  const tx = checklistTexts(lang, 'technical');
  const out: Block[] = [heading(1, headingText ?? fill(A.heading, { title: tx.checklist.title, country: ctx.country }), { pageBreakBefore: true })];
  if (tx.checklist.intro.length > 0) {
    out.push(heading(2, A.scope), ...introParagraphs(tx.checklist.intro, undefined));
  }
  const widths = columns(ctx.annex.textWidth, [11, 29, 44, 16]);
  const headers = [A.no, A.questions, A.elaboration, A.timeline];
  for (const top of itemsOf('technical').filter((i) => i.depth === 0)) {
    const t = itemTexts(lang, top.id);
    out.push(heading(2, sectionTitle(top, t.title ?? '')), ...introParagraphs(t.intro, t.footnotes));
    const direct = checklistRows(ctx, top, 4, true);
    if (direct.length > 0) out.push(table(widths, headers, direct));
    for (const section of children(top).filter((c) => c.role === 'section')) {
      const st = itemTexts(lang, section.id);
      out.push(heading(3, sectionTitle(section, st.title ?? '')), ...introParagraphs(st.intro, st.footnotes));
      out.push(table(widths, headers, checklistRows(ctx, section, 4, true)));
    }
  }
  out.push(...appendixForms(ctx));
  return out;
}

// ---- Appendix form ---------------------------------------------------------------------
//
// One form per agency interview: a large assessment has hundreds, so they are written as
// WordprocessingML text (rawXml.ts) and streamed into the packed file in place of a marker
// paragraph (splice.ts), like the individual responses, rather than built as `docx` objects.

const TICKED = '☒';
const UNTICKED = '☐';

/** Text of the paragraph the streamed appendix forms replace. */
export const APPENDIX_MARKER = '⟦readiness-appendix-forms⟧';

function formLabel(ctx: ReportContext, item: CatalogueItem): string {
  const t = itemTexts(ctx.lang, item.id);
  const n = displayNumber(item.id);
  const text = t.text ?? t.title ?? '';
  return n ? `${n}${n.endsWith('.') ? '' : '.'} ${text}` : text;
}

function formContentXml(ctx: ReportContext, interview: Interview, item: CatalogueItem, value: AnswerValue | undefined, relevance: Relevance, numId: string | undefined): string {
  const { lang, S } = ctx;
  const text = (t: string) => textParagraphsXml(t, numId);
  const reason = () => textParagraphsXml(blankReason(lang, relevance), numId, true);
  if (item.id === 'APP.agency') {
    const name = value?.response?.trim() || value?.elaboration?.trim() || interview.organization;
    return text(name || S.answer.empty);
  }
  const answered = isAnswered(value);
  switch (item.kind) {
    case 'singleSelect':
    case 'multiSelect': {
      const chosen = new Set(item.kind === 'singleSelect' ? (value?.choice ? [value.choice] : []) : (value?.choices ?? []));
      const boxes = (item.options ?? []).map((o) => `${chosen.has(o) ? TICKED : UNTICKED} ${tokenLabel(lang, item.id, o)}`);
      let xml = item.kind === 'singleSelect' ? paragraphXml({ lines: [boxes.join('    ')] }) : boxes.map((b) => paragraphXml({ lines: [b] })).join('');
      if (value?.other?.trim()) xml += text(`${S.answer.other}: ${value.other.trim()}`);
      return answered ? xml : xml + reason();
    }
    case 'date':
      if (value?.date) return text(value.date);
      return paragraphXml({ lines: [`${S.annex3.yearMonth}: ${S.answer.empty}`] }) + reason();
    default: {
      const given = value?.response?.trim() || value?.elaboration?.trim() || '';
      return given ? text(given) : reason();
    }
  }
}

function lastDescendant(item: CatalogueItem): CatalogueItem {
  const kids = children(item);
  return kids.length === 0 ? item : lastDescendant(kids[kids.length - 1]!);
}

function* appendixFormXml(ctx: ReportContext, interview: Interview, numId: string | undefined): Generator<string> {
  const { S, index } = ctx;
  const relevance = index.interviewRelevance(interview.id);
  const items = itemsOf('appendix').filter((i) => i.role === 'question');
  const furtherAfter = new Map<string, CatalogueItem>();
  for (const i of items) if (i.fields?.includes('furtherInfo')) furtherAfter.set(lastDescendant(i).id, i);
  const widths = columns(ctx.annex.textWidth, [40, 60]);
  const title = ctx.texts.interviewOrganization(interview.id, interview.organization).text || S.answer.empty;
  yield headingXml(3, title);
  yield tableStartXml(widths, [title]);
  for (const item of items) {
    const value = index.answerState(interview.id, item.id).head?.value;
    const rel = relevance.get(item.id) ?? RELEVANT;
    const note = itemTexts(ctx.lang, item.id).note;
    const label = textParagraphsXml(formLabel(ctx, item), numId) + (note ? textParagraphsXml(note, numId, true) : '');
    yield tableRowXml(widths, [label, formContentXml(ctx, interview, item, value, rel, numId)], true);
    const owner = furtherAfter.get(item.id);
    if (owner) {
      const info = index.answerState(interview.id, owner.id).head?.value?.furtherInfo?.trim();
      yield tableRowXml(widths, [textParagraphsXml(S.annex3.furtherInfo, numId, true), textParagraphsXml(info || S.answer.empty, numId)], true);
    }
  }
  yield TABLE_END;
}

export function appendixInterviews(ctx: ReportContext): Interview[] {
  return ctx.index.interviews.filter((iv) => iv.parts.includes('appendix'));
}

/** The appendix heading, then the marker the forms replace (a bullet, to learn the list's id), or a line saying there are none. */
export function appendixForms(ctx: ReportContext): Block[] {
  const A = ctx.S.annex3;
  const title = checklistTexts(ctx.lang, 'appendix').checklist.title;
  const out: Block[] = [heading(2, fill(A.appendixHeading, { title }))];
  if (appendixInterviews(ctx).length === 0) return [...out, para(A.appendixNone)];
  return [...out, new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(APPENDIX_MARKER)] })];
}

/** Every agency interview's form, as WordprocessingML chunks, in interview date order. */
export function* appendixFormsXml(ctx: ReportContext, bulletNumId: string | undefined): Generator<string> {
  for (const iv of appendixInterviews(ctx)) yield* appendixFormXml(ctx, iv, bulletNumId);
}

// ---- Annex IV --------------------------------------------------------------------------

export function annexIV(ctx: ReportContext, headingText?: string): Block[] {
  const { S, lang } = ctx;
  const A = S.annex4;
  const tx = checklistTexts(lang, 'legal');
  const out: Block[] = [heading(1, headingText ?? fill(A.heading, { title: tx.checklist.title, country: ctx.country }), { pageBreakBefore: true })];
  if (tx.checklist.intro.length > 0) out.push(heading(2, S.annex3.scope), ...introParagraphs(tx.checklist.intro, undefined));
  const widths = columns(ctx.annex.textWidth, [11, 32, 57]);
  const headers = [A.no, A.questions, A.response];
  for (const part of itemsOf('legal').filter((i) => i.depth === 0)) {
    const t = itemTexts(lang, part.id);
    out.push(heading(2, sectionTitle(part, t.title ?? '')), ...introParagraphs(t.intro, t.footnotes));
    if (t.provisions && t.provisions.length > 0) {
      out.push(new Paragraph({ style: STYLE.intro, keepNext: true, children: [run(A.provisions, { bold: true })] }), ...bulletList(t.provisions));
    }
    const direct = checklistRows(ctx, part, 3, false);
    if (direct.length > 0) out.push(table(widths, headers, direct));
    for (const section of children(part).filter((c) => c.role === 'section')) {
      const st = itemTexts(lang, section.id);
      out.push(heading(3, sectionTitle(section, st.title ?? '')), ...introParagraphs(st.intro, st.footnotes));
      if (st.provisions && st.provisions.length > 0) {
        out.push(new Paragraph({ style: STYLE.intro, keepNext: true, children: [run(A.provisions, { bold: true })] }), ...bulletList(st.provisions));
      }
      out.push(table(widths, headers, checklistRows(ctx, section, 3, false)));
    }
  }
  return out;
}
