/**
 * The report outline (as in the published Kazakhstan report): Executive summary,
 * I. Introduction, II. context, III. technical findings per area, IV. legal findings per
 * area, V. recommendations, VI. action plan, VII. conclusion, Annexes I–IV. Each entry
 * has its number, its title in the report language (the lead's override or the default),
 * its state (empty / draft / reviewed) and word count.
 */
import { checklistTexts, getItem, itemLabel, itemsOf, type CatalogueItem } from '../checklist/catalogue';
import type { Lang } from '../i18n';
import type { Dataset, TextState } from '../model/types';
import { REPORT_STRINGS, fill } from '../report/strings';
import { findingKey, nameKey, sectionKey, type SectionId } from './keys';
import { actionPlan, recommendations } from './plan';
import { surveys } from './survey';
import { currentText, textIn, textOfKind, textIndex } from './texts';
import { wordCount } from './rich';

export type SectionState = 'empty' | 'draft' | 'reviewed';

export interface OutlineEntry {
  /** A SectionId, or an area id (A1, I.A …) for a findings entry. */
  readonly id: string;
  /** The text key the entry's own text is written under (`section:…`, `finding:…`). */
  readonly key: string;
  /** "", "I" … "VII", "III.A.1", "IV.B.2", "Annex I" (in the report language). */
  readonly number: string;
  /** The heading as printed: the lead's title or the default. */
  readonly title: string;
  readonly defaultTitle: string;
  readonly state: SectionState;
  /** Words written (this entry and its children). */
  readonly words: number;
  /** Some text of the entry has conflicting versions. */
  readonly conflict: boolean;
  /** Items it holds where that applies: recommendations, action rows, survey years. */
  readonly count?: number;
  /** Printed from the data when nothing is written (Introduction, annexes). */
  readonly generated?: boolean;
  readonly children: readonly OutlineEntry[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;

/** The country's name in `lang` (a `name:country` translation, else as entered). */
export function countryName(dataset: Dataset, lang: Lang): string {
  // The source of a name is the assessment's own field, so only a version in `lang` counts.
  const t = currentText(dataset, nameKey('country'), lang).value;
  return (t?.kind === 'name' ? t.text.trim() : '') || dataset.assessment.country.trim() || dataset.assessment.title;
}

/** Top-level sections of a report part: A, B (technical) or I … IV (legal). */
export function partsOf(part: 'technical' | 'legal'): CatalogueItem[] {
  return itemsOf(part).filter((i) => i.depth === 0 && i.role === 'section');
}

/** The areas that hold a findings text, in order: A1…A8, B1…B7 or I.A…IV.E. */
export function findingAreas(part: 'technical' | 'legal'): CatalogueItem[] {
  return partsOf(part).flatMap((top) => top.children.map((id) => getItem(id)!).filter((c) => c.role === 'section'));
}

/** "III.A" / "IV.B": the report's number of a checklist part. */
export function partNumber(topId: string): string {
  const item = getItem(topId);
  if (!item) return '';
  const section = item.checklist === 'legal' ? 'IV' : 'III';
  const index = partsOf(item.checklist === 'legal' ? 'legal' : 'technical').findIndex((p) => p.id === topId);
  return `${section}.${String.fromCharCode(65 + index)}`;
}

/** "III.A.1" / "IV.A.3": the report's number of a findings area (as in the published report). */
export function areaNumber(areaId: string): string {
  const item = getItem(areaId);
  const parent = item?.parent ? getItem(item.parent) : undefined;
  if (!item || !parent) return partNumber(areaId);
  const index = parent.children.map((id) => getItem(id)!).filter((c) => c.role === 'section').findIndex((c) => c.id === areaId);
  return `${partNumber(parent.id)}.${index + 1}`;
}

/** The state of a group of texts: empty if none says anything, reviewed if all do, else draft. */
export function combineStates(states: readonly SectionState[]): SectionState {
  const written = states.filter((s) => s !== 'empty');
  if (written.length === 0) return 'empty';
  return written.every((s) => s === 'reviewed') ? 'reviewed' : 'draft';
}

function stateOf(words: number, state: TextState | undefined): SectionState {
  return words === 0 ? 'empty' : state === 'reviewed' ? 'reviewed' : 'draft';
}

interface Own {
  title?: string;
  words: number;
  state: SectionState;
  conflict: boolean;
}

function ownSection(dataset: Dataset, id: SectionId, lang: Lang): Own {
  const t = textOfKind(dataset, sectionKey(id), lang, 'section');
  if (!t) return { words: 0, state: 'empty', conflict: false };
  const words = wordCount(t.value.body);
  return { title: t.value.title?.trim() || undefined, words, state: stateOf(words, t.value.state), conflict: t.conflict };
}

/** The heading text of a section without its number: the override or the default. */
export function sectionTitle(dataset: Dataset, id: SectionId, lang: Lang): { title: string; defaultTitle: string } {
  const S = REPORT_STRINGS[lang];
  const country = countryName(dataset, lang);
  const checklistTitle = id === 'annexIII' ? checklistTexts(lang, 'technical').checklist.title : id === 'annexIV' ? checklistTexts(lang, 'legal').checklist.title : '';
  const defaultTitle = fill(S.sections[id], { country, title: checklistTitle });
  return { title: ownSection(dataset, id, lang).title ?? defaultTitle, defaultTitle };
}

/** "Annex I" / "Приложение I" / "I қосымша". */
export function annexLabel(lang: Lang, n: 'I' | 'II' | 'III' | 'IV'): string {
  return fill(REPORT_STRINGS[lang].sections.annexLabel, { n });
}

/** The printed heading: "III. Technical readiness …", "Annex I. List …", "Executive summary". */
export function headingText(entry: Pick<OutlineEntry, 'number' | 'title'>): string {
  return entry.number ? `${entry.number}. ${entry.title}` : entry.title;
}

function entry(dataset: Dataset, lang: Lang, id: SectionId, number: string, extra: Partial<OutlineEntry> = {}, childStates: SectionState[] = [], childWords = 0, childConflict = false): OutlineEntry {
  const own = ownSection(dataset, id, lang);
  const { title, defaultTitle } = sectionTitle(dataset, id, lang);
  return {
    id,
    key: sectionKey(id),
    number,
    title,
    defaultTitle,
    state: combineStates([own.state, ...childStates]),
    words: own.words + childWords,
    conflict: own.conflict || childConflict,
    children: [],
    ...extra,
  };
}

function findingEntries(dataset: Dataset, lang: Lang, part: 'technical' | 'legal'): OutlineEntry[] {
  return findingAreas(part).map((area) => {
    const key = findingKey(area.id);
    const t = textOfKind(dataset, key, lang, 'finding');
    const words = t ? wordCount(t.value.body) : 0;
    const label = itemLabel(lang, area.id);
    return { id: area.id, key, number: areaNumber(area.id), title: label, defaultTitle: label, state: stateOf(words, t?.value.state), words, conflict: !!t?.conflict, children: [] };
  });
}

/** Whether the lead has written any narrative (sections, findings, recommendations, actions, survey figures). */
export function hasNarrative(dataset: Dataset): boolean {
  const index = textIndex(dataset);
  return index.keys.some((key) => /^(section|finding|rec|action|survey):/.test(key) && textIn(dataset, key, 'en') !== undefined);
}

/** The report outline in `lang`, in report order. */
export function reportOutline(dataset: Dataset, lang: Lang): OutlineEntry[] {
  const recs = recommendations(dataset, lang);
  const plan = actionPlan(dataset, lang);
  const years = surveys(dataset, lang);
  const technical = findingEntries(dataset, lang, 'technical');
  const legal = findingEntries(dataset, lang, 'legal');
  const sum = (list: readonly OutlineEntry[]) => list.reduce((n, e) => n + e.words, 0);
  const recState = (list: typeof recs.technical) => list.map((r) => stateOf(wordCount(r.value.body), r.value.state));
  const recWords = (list: typeof recs.technical) => list.reduce((n, r) => n + wordCount(r.value.body), 0);
  const recIntro = (id: 'recommendationsTechnical' | 'recommendationsLegal', n: string, list: typeof recs.technical) =>
    entry(dataset, lang, id, n, { count: list.length }, recState(list), recWords(list), list.some((r) => r.conflict));
  const recChildren = [recIntro('recommendationsTechnical', 'A', recs.technical), recIntro('recommendationsLegal', 'B', recs.legal)];
  const rows = [...plan.technical, ...plan.legal].flatMap((g) => g.rows);
  const actionWords = rows.reduce((n, r) => n + wordCount(r.value.text), 0);
  const interviewed = new Set(dataset.interviews.flatMap((iv) => iv.stakeholderIds));
  const consolidatedReviewed = (checklist: 'technical' | 'legal'): SectionState => {
    const ids = new Set(itemsOf(checklist).map((i) => i.id));
    const own = dataset.consolidated.filter((c) => ids.has(c.questionId));
    if (own.length === 0) return dataset.answers.some((a) => ids.has(a.questionId)) ? 'draft' : 'empty';
    return own.every((c) => c.value.review === 'reviewed') ? 'reviewed' : 'draft';
  };
  const annex = (id: SectionId, n: 'I' | 'II' | 'III' | 'IV', state: SectionState) => {
    const e = entry(dataset, lang, id, annexLabel(lang, n), { generated: true });
    return { ...e, state: combineStates([state, e.state === 'empty' ? 'empty' : e.state]) };
  };
  const intro = entry(dataset, lang, 'introduction', ROMAN[0], { generated: true });
  return [
    entry(dataset, lang, 'executiveSummary', ''),
    intro,
    entry(dataset, lang, 'context', ROMAN[1], { count: years.length }, years.length > 0 ? ['draft'] : []),
    entry(dataset, lang, 'technical', ROMAN[2], { children: technical }, technical.map((e) => e.state), sum(technical), technical.some((e) => e.conflict)),
    entry(dataset, lang, 'legal', ROMAN[3], { children: legal }, legal.map((e) => e.state), sum(legal), legal.some((e) => e.conflict)),
    entry(dataset, lang, 'recommendations', ROMAN[4], { count: recs.technical.length + recs.legal.length, children: recChildren }, recChildren.map((e) => e.state), sum(recChildren), recChildren.some((e) => e.conflict)),
    entry(dataset, lang, 'actionPlan', ROMAN[5], { count: rows.length }, rows.length > 0 ? ['draft'] : [], actionWords, rows.some((r) => r.conflict)),
    entry(dataset, lang, 'conclusion', ROMAN[6]),
    annex('annexI', 'I', dataset.stakeholders.some((s) => interviewed.has(s.id)) ? 'reviewed' : 'empty'),
    annex('annexII', 'II', dataset.stakeholders.some((s) => s.workshop) ? 'reviewed' : 'empty'),
    annex('annexIII', 'III', consolidatedReviewed('technical')),
    annex('annexIV', 'IV', consolidatedReviewed('legal')),
  ];
}
