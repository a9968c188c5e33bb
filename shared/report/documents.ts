/**
 * Supporting documents in the report: the "[D7]" references after an answer and the
 * "Annex: documents received" list (id, title, organisation, date), numbered and ordered
 * as shared/attachments/citations.ts says. The files are not embedded.
 */
import { citeText, documentCitations, type DocumentCitations } from '../attachments/citations';
import type { Lang } from '../i18n';
import en from '../../locales/en/report-documents.json';
import kk from '../../locales/kk/report-documents.json';
import ru from '../../locales/ru/report-documents.json';
import { heading, type Block, type ReportContext } from './context';
import { columns, para, table, textCell } from './kit';
import { formatDate } from './strings';

const STRINGS: Record<Lang, (typeof en)['documents']> = { en: en.documents, ru: ru.documents, kk: kk.documents };

// One computation per dataset (the context holds the live dataset for the whole build).
const cache = new WeakMap<object, DocumentCitations>();

export function citationsOf(ctx: Pick<ReportContext, 'dataset'>): DocumentCitations {
  let c = cache.get(ctx.dataset);
  if (!c) {
    c = documentCitations(ctx.dataset);
    cache.set(ctx.dataset, c);
  }
  return c;
}

/** " [D1] [D3]" to append to a question's answer, or "" when no document is linked to it. */
export function questionReferences(ctx: Pick<ReportContext, 'dataset'>, questionId: string): string {
  const ids = citationsOf(ctx).forQuestion(questionId);
  return ids.length > 0 ? ` ${citeText(ids)}` : '';
}

/** "Supporting documents: [D2] [D5]" under a written text (a finding, a section, a recommendation), or nothing. */
export function textReferences(ctx: Pick<ReportContext, 'dataset' | 'lang'>, key: string): Block[] {
  const ids = citationsOf(ctx).forText(key);
  return ids.length > 0 ? [para(`${STRINGS[ctx.lang].supporting} ${citeText(ids)}`, { italics: true })] : [];
}

/** The annex listing every cited document; nothing when none is cited. */
export function documentsAnnex(ctx: ReportContext): Block[] {
  const { list } = citationsOf(ctx);
  if (list.length === 0) return [];
  const S = STRINGS[ctx.lang];
  const widths = columns(ctx.annex.textWidth, [10, 45, 27, 18]);
  const rows = list.map(({ citeId, attachment: a }) => ({
    cantSplit: true,
    cells: [textCell(citeId), textCell(a.title.trim() || a.fileName), textCell(a.organization.trim()), textCell(a.received ? formatDate(ctx.lang, a.received) : S.noDate)],
  }));
  return [heading(1, S.heading, { pageBreakBefore: true }), para(S.intro), table(widths, [S.id, S.title, S.organization, S.received], rows)];
}
