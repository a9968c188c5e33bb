/**
 * The analysis workbook of one assessment as sheets of typed rows (see docs/data-exchange.md):
 *
 * - long          one row per interview × question (every question of the catalogue)
 * - wide          one row per question, each interview's status and text side by side
 * - consolidated  one row per question: the lead's answer (or the draft) and its review state
 * - summary       the readiness summary per section (shared/consolidation/summary.ts)
 * - stakeholders  the stakeholder list
 * - codes         what the columns and codes mean
 *
 * Pure over a Dataset; rows are generated on demand so a streaming writer holds one at a time.
 * Question texts and labels are in the chosen language; answers are as typed.
 */
import { ANSWER_LABELS, STATUS_TOKENS, YES_NO_TOKENS, BAND_TOKENS, skipReason, tokenLabel } from '../checklist/answerLabels';
import { CATALOGUE_ITEMS, getItem, itemLabel, type CatalogueItem } from '../checklist/catalogue';
import { finalAnswers, indexDataset, readinessSummaryFrom, slotOf, type FinalAnswers, type ReadinessCounts } from '../consolidation';
import type { Lang } from '../i18n';
import { CHECKLIST_PARTS, SECTORS, type AnswerValue, type ConsolidatedValue, type Dataset, type Interview, type Stakeholder } from '../model/types';
import { liveDataset } from '../merge/tombstones';
import { EXPORT_STRINGS, type ExportStrings } from './strings';
import { calendarDate, safeText, timestamp, type Cell, type Column, type ColumnKind, type Row, type SheetId, type SheetSpec } from './table';

export interface AnalysisOptions {
  /** Language of headers, question texts and labels. */
  readonly lang: Lang;
  /** Add the interviewers' private notes and the lead's review comments (default false). */
  readonly includePrivate?: boolean;
}

export const QUESTIONS: readonly CatalogueItem[] = CATALOGUE_ITEMS.filter((i) => i.role === 'question');

/** The text fields of an answer, in the order the columns show them. */
const TEXT_FIELDS = ['other', 'elaboration', 'timeline', 'response', 'furtherInfo', 'documents'] as const;

interface Ctx {
  readonly lang: Lang;
  readonly S: ExportStrings;
  readonly dataset: Dataset;
  readonly includePrivate: boolean;
  readonly text: (t: string | undefined) => string | undefined;
}

function column(ctx: Ctx, key: keyof ExportStrings['columns'], width: number, kind: ColumnKind = 'text'): Column {
  return { key, header: ctx.S.columns[key], width, kind };
}

/** The section an item belongs to: its nearest enclosing section (A1, B7, I.A; APP for the agency form). */
export function sectionOf(item: CatalogueItem): CatalogueItem | undefined {
  let cur: CatalogueItem | undefined = item.parent ? getItem(item.parent) : undefined;
  while (cur && cur.role !== 'section') cur = cur.parent ? getItem(cur.parent) : undefined;
  return cur;
}

/** The label of one answer token: "Don't know" and "Not applicable" read the same on every kind. */
function choiceLabel(lang: Lang, item: CatalogueItem, token: string): string {
  const own = item.options?.includes(token) || item.kind === 'status' || item.kind === 'yesNo' || item.kind === 'band';
  if (!own && (token === 'na' || token === 'dontKnow')) return ANSWER_LABELS[lang].status[token];
  const label = tokenLabel(lang, item.id, token);
  const roman = item.kind === 'multiSelect' && (item.options ?? []).every((o) => /^[ivxl]+$/.test(o));
  return roman ? `(${token}) ${label}` : label;
}

/** The status / chosen options of an answer as codes ("yes", "il;co") and as labels. */
export function statusOf(lang: Lang, item: CatalogueItem, value: Pick<AnswerValue, 'choice' | 'choices'> | undefined): { code?: string; label?: string } {
  if (!value) return {};
  const tokens = value.choices && value.choices.length > 0 ? [...(value.choice ? [value.choice] : []), ...value.choices] : value.choice ? [value.choice] : [];
  if (tokens.length === 0) return {};
  return { code: tokens.join(';'), label: tokens.map((t) => choiceLabel(lang, item, t)).join('; ') };
}

const yearMonth = (v: { date?: string } | undefined) => (v?.date && v.date.trim() !== '' ? v.date.trim() : undefined);

function interviewDescription(iv: Interview): string {
  return [iv.organization.trim(), iv.date].filter(Boolean).join(', ');
}

function personName(s: Stakeholder): string {
  return [s.honorific.trim(), s.name.trim()].filter(Boolean).join(' ');
}

// ---- Long ------------------------------------------------------------------------------

function longSheet(ctx: Ctx): SheetSpec {
  const { lang, S, dataset, text } = ctx;
  const columns: Column[] = [
    column(ctx, 'assessment', 24),
    column(ctx, 'country', 14),
    column(ctx, 'interviewId', 16),
    column(ctx, 'organization', 30, 'wrap'),
    column(ctx, 'people', 30, 'wrap'),
    column(ctx, 'interviewer', 20),
    column(ctx, 'date', 12, 'date'),
    column(ctx, 'language', 8),
    column(ctx, 'part', 10),
    column(ctx, 'section', 8),
    column(ctx, 'sectionTitle', 28, 'wrap'),
    column(ctx, 'questionId', 11),
    column(ctx, 'question', 50, 'wrap'),
    column(ctx, 'kind', 12),
    column(ctx, 'state', 13),
    column(ctx, 'statusCode', 11),
    column(ctx, 'statusLabel', 18, 'wrap'),
    column(ctx, 'number', 10, 'number'),
    column(ctx, 'yearMonth', 10),
    ...TEXT_FIELDS.map((f) => column(ctx, f, f === 'timeline' || f === 'other' ? 22 : 50, 'wrap')),
    ...(ctx.includePrivate ? [column(ctx, 'notes', 40, 'wrap')] : []),
    column(ctx, 'skipReason', 30, 'wrap'),
    column(ctx, 'conflict', 10),
    column(ctx, 'revisedAt', 17, 'datetime'),
    column(ctx, 'revisedBy', 20),
  ];
  const index = indexDataset(dataset);
  const assessment = text(dataset.assessment.title);
  const country = text(dataset.assessment.country);
  const questionText = new Map(QUESTIONS.map((q) => [q.id, text(itemLabel(lang, q.id))]));
  const sections = new Map(QUESTIONS.map((q) => [q.id, sectionOf(q)]));
  const sectionTitles = new Map([...new Set(sections.values())].filter((s): s is CatalogueItem => !!s).map((s) => [s.id, text(itemLabel(lang, s.id))]));
  function* rows(): Generator<Row> {
    for (const iv of index.interviews) {
      const people = text(index.stakeholdersOf(iv).map(personName).filter(Boolean).join('; '));
      const head: Cell[] = [assessment, country, iv.id, text(iv.organization), people, text(iv.interviewerName), calendarDate(iv.date), iv.language];
      for (const item of QUESTIONS) {
        const slot = slotOf(index, iv, item);
        const value = slot.state === 'answered' ? slot.head?.value : undefined;
        const status = statusOf(lang, item, value);
        const section = sections.get(item.id);
        const row: Cell[] = [
          ...head,
          item.part,
          section?.id,
          section ? sectionTitles.get(section.id) : undefined,
          item.id,
          questionText.get(item.id),
          item.kind,
          slot.state,
          status.code,
          text(status.label),
          value?.number,
          text(yearMonth(value)),
          ...TEXT_FIELDS.map((f) => text(value?.[f])),
          ...(ctx.includePrivate ? [text(slot.head?.value.notes)] : []),
          text(slot.relevance.relevant ? undefined : skipReason(lang, slot.relevance)),
          slot.conflict ? S.codes.yesNoFlag.yes : undefined,
          timestamp(slot.head?.at),
          text(slot.head?.byName),
        ];
        yield row;
      }
    }
  }
  return { id: 'long', name: S.sheets.long, columns, frozenColumns: 0, rows };
}

// ---- Wide ------------------------------------------------------------------------------

/** Status and text of one answer for the wide sheet. */
function wideCells(ctx: Ctx, item: CatalogueItem, value: AnswerValue | undefined, reason: string | undefined): [Cell, Cell] {
  const { S, lang, text } = ctx;
  if (!value) return [text(reason), undefined];
  const status = statusOf(lang, item, value).label;
  const structured = typeof value.number === 'number' ? `${value.number}%` : yearMonth(value);
  const lines: string[] = [];
  for (const f of TEXT_FIELDS) {
    const t = value[f]?.trim();
    if (!t) continue;
    lines.push(f === 'elaboration' || f === 'response' || f === 'furtherInfo' ? t : `${S.columns[f]}: ${t}`);
  }
  return [text([status, structured].filter(Boolean).join('; ')), text(lines.join('\n'))];
}

function wideSheet(ctx: Ctx): SheetSpec {
  const { lang, S, dataset, text } = ctx;
  const index = indexDataset(dataset);
  const seen = new Map<string, number>();
  const interviewColumns = index.interviews.flatMap((iv) => {
    let label = interviewDescription(iv) || iv.id;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1) label = `${label} #${n}`;
    return [
      { key: `${iv.id}:status`, header: S.columns.interviewStatus.replace('{{status}}', label), width: 16, kind: 'wrap' as const },
      { key: `${iv.id}:text`, header: S.columns.interviewText.replace('{{interview}}', label), width: 40, kind: 'wrap' as const },
    ];
  });
  const columns: Column[] = [column(ctx, 'part', 10), column(ctx, 'questionId', 11), column(ctx, 'question', 50, 'wrap'), ...interviewColumns];
  function* rows(): Generator<Row> {
    for (const item of QUESTIONS) {
      const row: Cell[] = [item.part, item.id, text(itemLabel(lang, item.id))];
      for (const iv of index.interviews) {
        const slot = slotOf(index, iv, item);
        const reason =
          slot.state === 'notApplicable'
            ? skipReason(lang, slot.relevance)
            : slot.state === 'notCovered'
              ? ANSWER_LABELS[lang].skip.notCovered
              : slot.state === 'notDiscussed'
                ? ANSWER_LABELS[lang].skip.notDiscussed
                : undefined;
        row.push(...wideCells(ctx, item, slot.state === 'answered' ? slot.head?.value : undefined, reason));
      }
      yield row;
    }
  }
  return { id: 'wide', name: S.sheets.wide, columns, frozenColumns: 3, rows };
}

// ---- Consolidated ----------------------------------------------------------------------

function consolidatedSheet(ctx: Ctx, final: FinalAnswers): SheetSpec {
  const { lang, S, dataset, text } = ctx;
  const index = indexDataset(dataset);
  const columns: Column[] = [
    column(ctx, 'part', 10),
    column(ctx, 'section', 8),
    column(ctx, 'questionId', 11),
    column(ctx, 'question', 50, 'wrap'),
    column(ctx, 'kind', 12),
    column(ctx, 'source', 13),
    column(ctx, 'review', 11),
    column(ctx, 'reviewLabel', 14),
    column(ctx, 'statusCode', 11),
    column(ctx, 'statusLabel', 18, 'wrap'),
    column(ctx, 'number', 10, 'number'),
    column(ctx, 'yearMonth', 10),
    ...TEXT_FIELDS.map((f) => column(ctx, f, f === 'timeline' || f === 'other' ? 22 : 50, 'wrap')),
    ...(ctx.includePrivate ? [column(ctx, 'comment', 30, 'wrap')] : []),
    column(ctx, 'skipReason', 30, 'wrap'),
    column(ctx, 'contributions', 10, 'number'),
    column(ctx, 'conflict', 10),
    column(ctx, 'revisedAt', 17, 'datetime'),
    column(ctx, 'revisedBy', 20),
  ];
  function* rows(): Generator<Row> {
    for (const item of QUESTIONS) {
      const f = final.answers.get(item.id);
      const value: ConsolidatedValue | undefined = f?.value;
      const state = index.consolidatedState(item.id);
      const lead = state.head;
      const review = f?.source === 'consolidated' ? lead?.value.review : undefined;
      const status = statusOf(lang, item, value);
      const relevance = final.relevance.get(item.id);
      let answered = 0;
      for (const iv of index.interviews) if (slotOf(index, iv, item).state === 'answered') answered++;
      yield [
        item.part,
        sectionOf(item)?.id,
        item.id,
        text(itemLabel(lang, item.id)),
        item.kind,
        f?.source ?? 'none',
        review,
        review ? S.codes.review[review] : undefined,
        status.code,
        text(status.label),
        value?.number,
        text(yearMonth(value)),
        ...TEXT_FIELDS.map((k) => text(value?.[k])),
        ...(ctx.includePrivate ? [text(lead?.value.comment)] : []),
        text(relevance && !relevance.relevant ? skipReason(lang, relevance) : undefined),
        answered,
        state.conflict ? S.codes.yesNoFlag.yes : undefined,
        f?.source === 'consolidated' ? timestamp(lead?.at) : undefined,
        f?.source === 'consolidated' ? text(lead?.byName) : undefined,
      ];
    }
  }
  return { id: 'consolidated', name: S.sheets.consolidated, columns, frozenColumns: 0, rows };
}

// ---- Summary ---------------------------------------------------------------------------

function summarySheet(ctx: Ctx, final: FinalAnswers): SheetSpec {
  const { lang, S, text } = ctx;
  const counts: Array<keyof ReadinessCounts> = ['yes', 'partial', 'no', 'planning', 'dontKnow', 'notApplicable', 'notAnswered', 'total', 'points', 'max', 'score'];
  const columns: Column[] = [
    column(ctx, 'level', 10),
    column(ctx, 'section', 8),
    column(ctx, 'sectionTitle', 40, 'wrap'),
    ...counts.map((k) => column(ctx, k, k === 'planning' || k === 'notApplicable' || k === 'notAnswered' ? 12 : 10, 'number')),
  ];
  const summary = readinessSummaryFrom(final);
  const numbers = (c: ReadinessCounts): Cell[] => counts.map((k) => (c[k] === null ? undefined : (c[k] as number)));
  function* rows(): Generator<Row> {
    for (const g of summary.groups) yield [String(g.level), g.id, text(itemLabel(lang, g.id)), ...numbers(g.counts)];
    for (const checklist of ['technical', 'legal'] as const) yield ['total', undefined, text(S.codes.totals[checklist]), ...numbers(summary.totals[checklist])];
  }
  return { id: 'summary', name: S.sheets.summary, columns, frozenColumns: 0, rows };
}

// ---- Stakeholders ----------------------------------------------------------------------

function stakeholdersSheet(ctx: Ctx): SheetSpec {
  const { S, dataset, text } = ctx;
  const columns: Column[] = [
    column(ctx, 'stakeholderId', 16),
    column(ctx, 'organization', 34, 'wrap'),
    column(ctx, 'honorific', 7),
    column(ctx, 'name', 24),
    column(ctx, 'position', 30, 'wrap'),
    column(ctx, 'sector', 12),
    column(ctx, 'sectorLabel', 18),
    column(ctx, 'contacts', 24, 'wrap'),
    column(ctx, 'workshop', 10),
    column(ctx, 'interviews', 10, 'number'),
    ...(ctx.includePrivate ? [column(ctx, 'notes', 30, 'wrap')] : []),
  ];
  const met = new Map<string, number>();
  for (const iv of dataset.interviews) for (const id of iv.stakeholderIds) met.set(id, (met.get(id) ?? 0) + 1);
  function* rows(): Generator<Row> {
    for (const s of dataset.stakeholders) {
      yield [
        s.id,
        text(s.organization),
        text(s.honorific),
        text(s.name),
        text(s.position),
        s.sector,
        S.codes.sector[s.sector],
        text(s.contacts),
        s.workshop ? S.codes.yesNoFlag.yes : undefined,
        met.get(s.id) ?? 0,
        ...(ctx.includePrivate ? [text(s.notes)] : []),
      ];
    }
  }
  return { id: 'stakeholders', name: S.sheets.stakeholders, columns, frozenColumns: 0, rows };
}

// ---- Codes -----------------------------------------------------------------------------

function codesSheet(ctx: Ctx, sheets: readonly SheetSpec[]): SheetSpec {
  const { lang, S, text } = ctx;
  const L = ANSWER_LABELS[lang];
  const M = S.meanings as Record<string, string>;
  const columns: Column[] = [column(ctx, 'sheet', 20), column(ctx, 'field', 30, 'wrap'), column(ctx, 'code', 14), column(ctx, 'label', 36, 'wrap'), column(ctx, 'meaning', 70, 'wrap')];
  function* rows(): Generator<Row> {
    for (const sheet of sheets) yield [sheet.name, undefined, undefined, undefined, text(M[sheet.id])];
    const long = sheets.find((s) => s.id === 'long');
    if (long) {
      for (const c of long.columns) {
        const meaning = M[c.key] ?? ((TEXT_FIELDS as readonly string[]).includes(c.key) ? M.texts : undefined);
        if (meaning) yield [long.name, text(c.header), undefined, undefined, text(meaning)];
      }
    }
    const consolidated = sheets.find((s) => s.id === 'consolidated');
    if (consolidated) {
      for (const key of ['source', 'review', 'contributions', 'comment'] as const) {
        const c = consolidated.columns.find((x) => x.key === key);
        if (c) yield [consolidated.name, text(c.header), undefined, undefined, text(M[key])];
      }
    }
    const summary = sheets.find((s) => s.id === 'summary');
    if (summary) yield [summary.name, text(S.columns.score), undefined, undefined, text(M.score)];
    const codeRows = function* (field: string, entries: Iterable<readonly [string, string]>): Generator<Row> {
      for (const [code, label] of entries) yield [undefined, text(field), code, text(label), undefined];
    };
    yield* codeRows(S.columns.state, Object.entries(S.codes.state));
    yield* codeRows(S.columns.kind, Object.entries(L.kind));
    yield* codeRows(`${S.columns.statusCode} (${L.kind.status})`, STATUS_TOKENS.map((t) => [t, L.status[t]] as const));
    yield* codeRows(`${S.columns.statusCode} (${L.kind.yesNo})`, YES_NO_TOKENS.map((t) => [t, L.yesNo[t]] as const));
    yield* codeRows(`${S.columns.statusCode} (${L.kind.band})`, BAND_TOKENS.map((t) => [t, L.band[t]] as const));
    for (const item of QUESTIONS) {
      if (!item.options) continue;
      yield* codeRows(`${S.columns.statusCode} (${item.id})`, item.options.map((o) => [o, choiceLabel(lang, item, o)] as const));
    }
    yield* codeRows(S.columns.part, CHECKLIST_PARTS.map((p) => [p, S.codes.part[p]] as const));
    yield* codeRows(S.columns.language, Object.entries(S.codes.language));
    yield* codeRows(S.columns.source, Object.entries(S.codes.source));
    yield* codeRows(S.columns.review, Object.entries(S.codes.review));
    yield* codeRows(S.columns.level, Object.entries(S.codes.level));
    yield* codeRows(S.columns.sector, SECTORS.map((s) => [s, S.codes.sector[s]] as const));
    yield* codeRows(S.columns.conflict, [[S.codes.yesNoFlag.yes, S.codes.yesNoFlag.yes]]);
    yield [undefined, undefined, undefined, undefined, text(M.neutralised)];
    yield [undefined, undefined, undefined, undefined, text(M.truncated)];
  }
  return { id: 'codes', name: S.sheets.codes, columns, frozenColumns: 0, rows };
}

// ---- The workbook ----------------------------------------------------------------------

function context(stored: Dataset, options: AnalysisOptions): Ctx {
  const S = EXPORT_STRINGS[options.lang];
  if (!S) throw new RangeError(`unsupported language: ${String(options.lang)}`);
  // What the user sees: deleted interviews, stakeholders and their answers are left out.
  const dataset = liveDataset(stored);
  return { lang: options.lang, S, dataset, includePrivate: !!options.includePrivate, text: (t) => safeText(t, S.truncated) };
}

/** The long sheet alone (what the CSV holds). */
export function longSheetOf(dataset: Dataset, options: AnalysisOptions): SheetSpec {
  return longSheet(context(dataset, options));
}

/** Every sheet of the analysis workbook, in order. The summary and drafts are computed once, here. */
export function analysisSheets(dataset: Dataset, options: AnalysisOptions): SheetSpec[] {
  const ctx = context(dataset, options);
  const final = finalAnswers(ctx.dataset);
  const sheets: SheetSpec[] = [longSheet(ctx), wideSheet(ctx), consolidatedSheet(ctx, final), summarySheet(ctx, final), stakeholdersSheet(ctx)];
  return [...sheets, codesSheet(ctx, sheets)];
}

export type { SheetId };
