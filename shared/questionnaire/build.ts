/**
 * The fillable Word questionnaire for one organisation (docs/data-exchange.md): a cover
 * (assessment, organisation, respondents, how to fill it in and return it), then the chosen
 * parts of the checklists in the seed's Annex III / IV layout with tick boxes, and the agency
 * form. Optionally pre-filled with what was recorded in the interview, for confirmation.
 *
 * The document's custom properties carry the interview id, the assessment id and the
 * catalogue version, so a returned file is matched to its interview; every question row
 * carries a bookmark with the question id (layout.ts). Pure over a Dataset; runs in Node and
 * in a Web Worker alike.
 */
import { Bookmark, CheckBox, Document, Packer, Paragraph, TextRun } from 'docx';
import { describeCondition } from '../checklist/answerLabels';
import { CATALOGUE_VERSION, checklistTexts, displayNumber, getItem, itemsForParts, itemTexts, type CatalogueItem } from '../checklist/catalogue';
import type { ChecklistId } from '../checklist/types';
import { indexDataset } from '../consolidation';
import type { Lang } from '../i18n';
import { CHECKLIST_PARTS, type AnswerValue, type ChecklistPart, type Dataset, type Id, type Interview, type Stakeholder } from '../model/types';
import { fill } from '../checklist/answerLabels';
import { REPORT_STRINGS } from '../report/strings';
import { liveDataset } from '../merge/tombstones';
import { heading, introParagraphs, bulletList, type Block } from '../report/context';
import { GROUP_FILL, STYLE, columns, fontTableXml, pageShape, para, reportNumbering, reportStyles, run, table, textCell, textParagraphs, type CellSpec, type RowSpec } from '../report/kit';
import { LAYOUTS, WIDTHS, bookmarkName, boxLabel, boxTokens, fieldOf, TICKED_BOX, UNTICKED_BOX } from './layout';
import { QUESTIONNAIRE_STRINGS, type QuestionnaireStrings } from './strings';

/** Custom document properties (docProps/custom.xml) a questionnaire carries. */
export const PROPERTY = {
  marker: 'ReadinessQuestionnaire',
  assessmentId: 'ReadinessAssessmentId',
  interviewId: 'ReadinessInterviewId',
  organization: 'ReadinessOrganization',
  catalogueVersion: 'ReadinessCatalogueVersion',
  language: 'ReadinessLanguage',
  parts: 'ReadinessParts',
  prefilled: 'ReadinessPrefilled',
} as const;

/** Whom the questionnaire is for: an interview already recorded, or an organisation not yet interviewed. */
export interface QuestionnaireTarget {
  readonly interviewId: Id;
  readonly organization: string;
  readonly stakeholders: readonly Stakeholder[];
  /** The recorded interview, if there is one. */
  readonly interview: Interview | undefined;
}

/**
 * Finds the target: an interview by id, or an organisation by name (its latest interview,
 * or, when it has none yet, a new interview id from `newId` and its stakeholders).
 * Undefined when neither is found.
 */
export function questionnaireTarget(stored: Dataset, by: { interviewId: Id } | { organization: string }, newId: () => Id): QuestionnaireTarget | undefined {
  const dataset = liveDataset(stored);
  const stakeholderById = new Map(dataset.stakeholders.map((s) => [s.id, s]));
  const of = (iv: Interview): QuestionnaireTarget => ({
    interviewId: iv.id,
    organization: iv.organization,
    stakeholders: iv.stakeholderIds.map((id) => stakeholderById.get(id)).filter((s): s is Stakeholder => !!s),
    interview: iv,
  });
  if ('interviewId' in by) {
    const iv = dataset.interviews.find((i) => i.id === by.interviewId);
    return iv ? of(iv) : undefined;
  }
  const wanted = by.organization.trim().toLocaleLowerCase();
  const interviews = dataset.interviews.filter((i) => i.organization.trim().toLocaleLowerCase() === wanted).sort((a, b) => (a.date < b.date ? 1 : -1));
  if (interviews[0]) return of(interviews[0]);
  const people = dataset.stakeholders.filter((s) => s.organization.trim().toLocaleLowerCase() === wanted);
  if (people.length === 0) return undefined;
  return { interviewId: newId(), organization: people[0]!.organization.trim(), stakeholders: people, interview: undefined };
}

export interface QuestionnaireOptions {
  readonly lang: Lang;
  /** Parts of the checklists to include, e.g. ['techA', 'legalI']. */
  readonly parts: readonly ChecklistPart[];
  readonly target: QuestionnaireTarget;
  /** Fill in the answers recorded for the interview (to confirm them). */
  readonly prefill?: boolean;
  /** Who the respondent returns the file to (default: the interviewer). */
  readonly contact?: string;
}

interface Ctx {
  readonly lang: Lang;
  readonly Q: QuestionnaireStrings;
  readonly recorded: (questionId: string) => AnswerValue | undefined;
  /** Every paragraph written outside the tables, so the reader can tell typed text from ours. */
  readonly bodyTexts: string[];
  readonly textWidth: number;
}

// ---- Cells -----------------------------------------------------------------------------

function box(checked: boolean): CheckBox {
  // A Word check box content control: clicking it toggles ☐/☒; the glyph stays readable everywhere.
  return new CheckBox({
    checked,
    checkedState: { value: TICKED_BOX.codePointAt(0)!.toString(16), font: 'Segoe UI Symbol' },
    uncheckedState: { value: UNTICKED_BOX.codePointAt(0)!.toString(16), font: 'Segoe UI Symbol' },
  });
}

function numberCell(item: CatalogueItem): CellSpec {
  return { children: [new Paragraph({ children: [new Bookmark({ id: bookmarkName(item.id), children: [new TextRun(displayNumber(item.id))] })] })] };
}

function questionCell(ctx: Ctx, item: CatalogueItem): CellSpec {
  const t = itemTexts(ctx.lang, item.id);
  const out: Paragraph[] = [...textParagraphs(t.text ?? t.title ?? '')];
  if (t.instruction) out.push(...textParagraphs(t.instruction, STYLE.cell, { italics: true }));
  // Agency form items print as "1.2", not "APP.1.2", in the condition too.
  else if (item.condition) out.push(...textParagraphs(`(${describeCondition(ctx.lang, item.condition).replace(/\bAPP\.(\d[\d.]*)/g, '$1')})`, STYLE.cell, { italics: true }));
  if (t.note) out.push(...textParagraphs(t.note, STYLE.cell, { italics: true }));
  if (item.kind === 'multiSelect') out.push(...textParagraphs(ctx.Q.tickAll, STYLE.cell, { italics: true }));
  return { children: out };
}

function chosenTokens(value: AnswerValue | undefined): Set<string> {
  return new Set([...(value?.choice ? [value.choice] : []), ...(value?.choices ?? [])]);
}

function statusCell(ctx: Ctx, item: CatalogueItem, value: AnswerValue | undefined): CellSpec {
  const { Q, lang } = ctx;
  const tokens = boxTokens(item);
  if (tokens.length > 0) {
    const chosen = chosenTokens(value);
    return {
      children: tokens.map((token) => {
        const children = [box(chosen.has(token)), run(` ${boxLabel(lang, item, token)}`)];
        if (token === item.otherOption) children.push(run(`: ${value?.other?.trim() || '____'}`));
        return new Paragraph({ children });
      }),
    };
  }
  switch (item.kind) {
    case 'percentage':
      return textCell(typeof value?.number === 'number' ? `${value.number} %` : Q.percent);
    case 'date':
      return textCell(value?.date ? value.date : Q.yearMonth);
    default:
      return textCell(Q.textAnswer, { italics: true });
  }
}

function textCellOf(value: AnswerValue | undefined, field: keyof AnswerValue | undefined): CellSpec {
  const text = field && typeof value?.[field] === 'string' ? (value[field] as string) : '';
  return textCell(text);
}

function questionRow(ctx: Ctx, item: CatalogueItem): RowSpec {
  const value = ctx.recorded(item.id);
  const cells = LAYOUTS[item.checklist].map((slot): CellSpec => {
    switch (slot) {
      case 'no':
        return numberCell(item);
      case 'question':
        return questionCell(ctx, item);
      case 'status':
        return statusCell(ctx, item, value);
      default:
        return textCellOf(value, fieldOf(item, slot));
    }
  });
  return { cells, cantSplit: false };
}

// ---- Tables ----------------------------------------------------------------------------

function children(item: CatalogueItem): CatalogueItem[] {
  return item.children.map((id) => getItem(id)).filter((c): c is CatalogueItem => !!c);
}

/** Rows for the items under a section: headings as shaded full-width rows, questions as rows. */
function rowsUnder(ctx: Ctx, section: CatalogueItem): RowSpec[] {
  const n = LAYOUTS[section.checklist].length;
  const rows: RowSpec[] = [];
  const walk = (item: CatalogueItem) => {
    if (item.role === 'section') return;
    const t = itemTexts(ctx.lang, item.id);
    if (t.intro && t.intro.length > 0) rows.push({ cells: [{ children: t.intro.flatMap((p) => textParagraphs(p, STYLE.cell, { italics: true })), span: n }] });
    if (item.role === 'question') rows.push(questionRow(ctx, item));
    else rows.push({ cantSplit: true, cells: [textCell(`${displayNumber(item.id)} ${t.title ?? t.text ?? ''}`.trim(), { bold: true, span: n, fill: GROUP_FILL })] });
    for (const c of children(item)) walk(c);
  };
  for (const c of children(section)) walk(c);
  return rows;
}

function headers(ctx: Ctx, checklist: ChecklistId): string[] {
  const C = ctx.Q.columns;
  switch (checklist) {
    case 'technical':
      return [C.no, C.question, C.status, C.elaboration, C.timeline];
    case 'legal':
      return [C.no, C.focus, C.status, C.response];
    default:
      return [C.no, C.question, C.answer, C.furtherInfo];
  }
}

function bodyHeading(ctx: Ctx, level: 1 | 2 | 3, text: string, pageBreakBefore = false): Paragraph {
  ctx.bodyTexts.push(text);
  return heading(level, text, { pageBreakBefore });
}

function intro(ctx: Ctx, paragraphs: readonly string[] | undefined, footnotes: readonly string[] | undefined): Paragraph[] {
  ctx.bodyTexts.push(...(paragraphs ?? []).flatMap((p) => p.split(/\r\n|\r|\n/)));
  return introParagraphs(paragraphs, footnotes);
}

/** "Related provisions of the Framework Agreement:" and their bullets (legal parts). */
function provisions(ctx: Ctx, items: readonly string[]): Paragraph[] {
  const label = REPORT_STRINGS[ctx.lang].annex4.provisions;
  ctx.bodyTexts.push(label, ...items);
  return [new Paragraph({ style: STYLE.intro, keepNext: true, children: [run(label, { bold: true })] }), ...bulletList(items)];
}

function sectionTitle(item: CatalogueItem, title: string): string {
  const dot = item.checklist === 'technical' || item.depth === 0;
  return item.checklist === 'appendix' ? title : `${item.id}${dot ? '.' : ''} ${title}`;
}

/** Headings, intros and tables of one checklist's chosen parts. */
function checklistBlocks(ctx: Ctx, checklist: ChecklistId, parts: ReadonlySet<ChecklistPart>): Block[] {
  const tops = itemsForParts(parts).filter((i) => i.checklist === checklist && i.depth === 0);
  if (tops.length === 0) return [];
  const widths = columns(ctx.textWidth, WIDTHS[checklist]);
  const head = headers(ctx, checklist);
  const texts = checklistTexts(ctx.lang, checklist);
  const out: Block[] = [bodyHeading(ctx, 1, texts.checklist.title, true)];
  for (const top of tops) {
    const t = itemTexts(ctx.lang, top.id);
    if (checklist !== 'appendix') out.push(bodyHeading(ctx, 2, sectionTitle(top, t.title ?? '')), ...intro(ctx, t.intro, t.footnotes));
    if (t.provisions && t.provisions.length > 0) out.push(...provisions(ctx, t.provisions));
    const direct = rowsUnder(ctx, top);
    if (direct.length > 0) out.push(table(widths, head, direct));
    for (const section of children(top).filter((c) => c.role === 'section')) {
      const st = itemTexts(ctx.lang, section.id);
      out.push(bodyHeading(ctx, 3, sectionTitle(section, st.title ?? '')), ...intro(ctx, st.intro, st.footnotes));
      if (st.provisions && st.provisions.length > 0) out.push(...provisions(ctx, st.provisions));
      out.push(table(widths, head, rowsUnder(ctx, section)));
    }
  }
  return out;
}

// ---- Cover -----------------------------------------------------------------------------

function personLine(s: Stakeholder): string {
  const name = [s.honorific.trim(), s.name.trim()].filter(Boolean).join(' ');
  return [name, s.position.trim()].filter(Boolean).join(', ');
}

function cover(ctx: Ctx, dataset: Dataset, options: QuestionnaireOptions, contact: string): Block[] {
  const { Q, lang } = ctx;
  const C = Q.cover;
  const body = (text: string, style: string = STYLE.body) => {
    ctx.bodyTexts.push(text);
    return para(text, { style });
  };
  const facts: Array<[string, string]> = [
    [C.assessment, [dataset.assessment.title, dataset.assessment.country].filter((s) => s.trim()).join(', ')],
    [C.organization, options.target.organization],
    [C.people, options.target.stakeholders.map(personLine).filter(Boolean).join('\n')],
    [C.contact, contact],
    [C.language, Q.languages[lang]],
    [C.parts, CHECKLIST_PARTS.filter((p) => options.parts.includes(p)).map((p) => Q.partsNames[p]).join('\n')],
    [C.reference, options.target.interviewId],
  ];
  const widths = columns(ctx.textWidth, [30, 70]);
  const shown = facts.filter(([, v]) => v.trim() !== '');
  const rows: RowSpec[] = shown.map(([k, v]) => ({ cantSplit: true, cells: [textCell(k, { bold: true }), textCell(v)] }));
  ctx.bodyTexts.push(options.target.organization, ...shown.flat().flatMap((t) => t.split('\n')));
  ctx.bodyTexts.push(Q.title, Q.howTitle, ...Q.how, Q.returnTitle);
  return [
    new Paragraph({ style: STYLE.coverTitle, children: [run(Q.title)] }),
    table(widths, [options.target.organization || Q.title], rows),
    heading(2, Q.howTitle),
    ...bulletList(Q.how),
    ...(options.prefill ? [body(Q.prefilled)] : []),
    heading(2, Q.returnTitle),
    body(contact ? fill(Q.returnTo, { contact }) : Q.returnToTeam),
  ];
}

// ---- The document ----------------------------------------------------------------------

export interface QuestionnaireContent {
  readonly blocks: Block[];
  /** Texts of the paragraphs outside the tables, as written. */
  readonly bodyTexts: readonly string[];
  readonly properties: ReadonlyArray<{ name: string; value: string }>;
}

/** The questionnaire's content (also what the reader compares a returned file with). */
export function questionnaireContent(stored: Dataset, options: QuestionnaireOptions): QuestionnaireContent {
  const dataset = liveDataset(stored);
  const Q = QUESTIONNAIRE_STRINGS[options.lang];
  if (!Q) throw new RangeError(`unsupported language: ${String(options.lang)}`);
  const index = indexDataset(dataset);
  const interview = options.target.interview;
  const ctx: Ctx = {
    lang: options.lang,
    Q,
    recorded: (q) => (options.prefill && interview ? index.answerState(interview.id, q).head?.value : undefined),
    bodyTexts: [],
    textWidth: pageShape(false).textWidth,
  };
  const parts = new Set(options.parts);
  const contact = options.contact ?? interview?.interviewerName ?? '';
  const blocks: Block[] = [
    ...cover(ctx, dataset, options, contact),
    ...checklistBlocks(ctx, 'technical', parts),
    ...checklistBlocks(ctx, 'appendix', parts),
    ...checklistBlocks(ctx, 'legal', parts),
  ];
  const properties = [
    { name: PROPERTY.marker, value: '1' },
    { name: PROPERTY.assessmentId, value: dataset.assessment.id },
    { name: PROPERTY.interviewId, value: options.target.interviewId },
    { name: PROPERTY.organization, value: options.target.organization || '-' },
    { name: PROPERTY.catalogueVersion, value: CATALOGUE_VERSION },
    { name: PROPERTY.language, value: options.lang },
    { name: PROPERTY.parts, value: CHECKLIST_PARTS.filter((p) => parts.has(p)).join(',') },
    { name: PROPERTY.prefilled, value: options.prefill ? 'yes' : 'no' },
  ];
  return { blocks, bodyTexts: ctx.bodyTexts, properties };
}

/** Builds the questionnaire; resolves to the .docx bytes. */
export async function buildQuestionnaire(dataset: Dataset, options: QuestionnaireOptions): Promise<Uint8Array> {
  if (options.parts.length === 0) throw new RangeError('a questionnaire needs at least one part');
  const { blocks, properties } = questionnaireContent(dataset, options);
  const Q = QUESTIONNAIRE_STRINGS[options.lang];
  const page = { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } };
  const doc = new Document({
    title: `${Q.title}: ${options.target.organization}`,
    creator: 'Readiness Studio',
    description: Q.title,
    lastModifiedBy: 'Readiness Studio',
    customProperties: properties,
    styles: reportStyles(options.lang),
    numbering: reportNumbering(),
    sections: [{ properties: { page }, children: blocks }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]));
}
