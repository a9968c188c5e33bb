/**
 * What there is to translate into a target language: the translation units.
 *
 * A unit is one text a translator sees: one field of one source (a consolidated answer's
 * elaboration, a finding's body, an action's timeline …), or one distinct organisation
 * name or position, which may stand for several slots (every stakeholder and interview of
 * that organisation shares the unit, so "Ministry of Finance" is translated once).
 *
 * Translations are TextRevisions of slot (key, target language) with `translates` naming
 * the source version they were made from (the data model's one mechanism):
 * - texts (`section:`, `finding:`, `rec:`, `action:`): the source TextRevision's id;
 * - `consolidated:<q>`: the consolidated answer's head revision id;
 * - names, whose source is an entity field with no revision: `name:` + the first 16 hex
 *   digits of the SHA-256 of the source text (`nameVersion`), so a renamed organisation
 *   makes its translations outdated.
 * A unit is outdated when its translation's `translates` differs from the source's current
 * version; for revisions the old source is still in the dataset, so the change is shown
 * as a word diff.
 */
import { LANGUAGES, type Lang } from '../i18n';
import { getItem, itemTexts, type CatalogueItem } from '../checklist/catalogue';
import type { ConsolidatedRevision, Dataset, TextRevision, TextValue } from '../model/types';
import { current, groupBySlot, consolidatedSlot } from '../answers/revisions';
import { Sha256 } from '../bundle/sha256';
import { wordDiff, type DiffPart } from '../merge/textDiff';
import { consolidatedKey, interviewKey, nameKey, parseKey, stakeholderKey } from '../narrative/keys';
import { richToPlain } from '../narrative/rich';
import { sourceLanguage, sourceText, textIndex } from '../narrative/texts';

export type UnitState = 'missing' | 'translated' | 'reviewed' | 'outdated';

/** Where a unit belongs, for filters and the translator's context. */
export type UnitPart = 'answers' | 'narrative' | 'names';

/** The fields a unit can stand for, per value kind. */
export type UnitField = 'elaboration' | 'timeline' | 'response' | 'other' | 'furtherInfo' | 'documents' | 'title' | 'body' | 'text' | 'capacity' | `label${number}`;

/** A survey's comparison label field ("label0" → 0), else undefined. */
export function labelIndex(field: UnitField): number | undefined {
  const m = /^label(\d+)$/.exec(field);
  return m ? Number(m[1]) : undefined;
}

export const ANSWER_FIELDS = ['elaboration', 'response', 'furtherInfo', 'other', 'timeline', 'documents'] as const;

/** One translation slot a unit writes: the key and the field of its value. */
export interface UnitSlot {
  readonly key: string;
  /** The value field; 'text' for names. */
  readonly field: UnitField;
}

export interface TranslationUnit {
  /** Stable across exports while the source exists: `<key>_<field>`, or `org.<hash>` / `pos.<hash>` for shared names. An XML NMTOKEN. */
  readonly id: string;
  readonly slots: readonly UnitSlot[];
  readonly part: UnitPart;
  /** The area (A2, I.B …) or section id the text belongs to; '' for names. */
  readonly group: string;
  /** The checklist item for answers ("A2.1.1"), else ''. */
  readonly itemId: string;
  /** What the text is, for the translator: the question or the section and field. */
  readonly context: string;
  /** The text uses the rich notation (`**bold**`, `[[A2.1.1]]`, `[^note]`, `- ` lists). */
  readonly rich: boolean;
  readonly source: string;
  readonly sourceLang: Lang;
  /** The source version a translation made now would name in `translates`. */
  readonly sourceVersion: string;
  /** The current translation's text, if any. */
  readonly target: string | undefined;
  readonly state: UnitState;
  /** Outdated: the source text the translation was made from, when it is still known. */
  readonly previousSource?: string;
  /** Outdated with a known previous source: what changed (old → new), word by word. */
  readonly changes?: readonly DiffPart[];
  /** The translation slot has conflicting versions (two translators). */
  readonly conflict: boolean;
}

/** The version of a name's source text (see the header). */
export function nameVersion(text: string): string {
  const digest = new Sha256().update(new TextEncoder().encode(text)).digest();
  let hex = '';
  for (const b of digest.subarray(0, 8)) hex += b.toString(16).padStart(2, '0');
  return `name:${hex}`;
}

/** The text of one field of a value ('' when absent). Rich texts in the notation. */
export function fieldText(value: TextValue | ConsolidatedRevision['value'] | undefined, field: UnitField): string {
  if (!value) return '';
  const v = value as Record<string, unknown>;
  if ('kind' in value) {
    switch (value.kind) {
      case 'section':
        return field === 'title' ? (value.title ?? '') : field === 'body' ? richToPlain(value.body) : '';
      case 'finding':
      case 'recommendation':
        return field === 'body' ? richToPlain(value.body) : '';
      case 'action':
        return field === 'text' ? richToPlain(value.text) : field === 'timeline' ? value.timeline : field === 'capacity' ? value.capacityBuilding.text : '';
      case 'name':
        return field === 'text' ? value.text : '';
      case 'survey': {
        const i = labelIndex(field);
        return i === undefined ? '' : (value.comparisons[i]?.label ?? '');
      }
      case 'answer':
        break;
      default:
        return '';
    }
  }
  const t = v[field];
  return typeof t === 'string' ? t : '';
}

/** The fields of a text value a translator translates. */
function textFields(value: TextValue): UnitField[] {
  switch (value.kind) {
    case 'section':
      return value.title !== undefined && value.title.trim() !== '' ? ['title', 'body'] : ['body'];
    case 'finding':
    case 'recommendation':
      return ['body'];
    case 'action':
      return value.capacityBuilding.text.trim() !== '' ? ['text', 'timeline', 'capacity'] : value.timeline.trim() !== '' ? ['text', 'timeline'] : ['text'];
    case 'survey':
      // The comparison labels ("Asia-Pacific"); the figures need no translation.
      return value.comparisons.flatMap((c, i) => (c.label.trim() !== '' ? [`label${i}` as const] : []));
    default:
      return [];
  }
}

const RICH_FIELDS = new Set<UnitField>(['body', 'text']);

function sectionOf(item: CatalogueItem | undefined): string {
  let it = item;
  while (it && !(it.role === 'section' && it.depth === 1)) it = it.parent ? getItem(it.parent) : undefined;
  return it?.id ?? item?.id ?? '';
}

/** Where the source of a translation is, for outdated detection. */
interface SourceLookup {
  readonly texts: ReadonlyMap<string, TextRevision>;
  readonly consolidated: ReadonlyMap<string, ConsolidatedRevision>;
}

const lookups = new WeakMap<Dataset, SourceLookup>();
function lookup(dataset: Dataset): SourceLookup {
  let l = lookups.get(dataset);
  if (!l) {
    l = { texts: new Map(dataset.texts.map((t) => [t.id, t])), consolidated: new Map(dataset.consolidated.map((c) => [c.id, c])) };
    lookups.set(dataset, l);
  }
  return l;
}

/** The current consolidated head per question. */
export function consolidatedHeads(dataset: Dataset): Map<string, { head: ConsolidatedRevision; conflict: boolean }> {
  const out = new Map<string, { head: ConsolidatedRevision; conflict: boolean }>();
  for (const [, revs] of groupBySlot(dataset.consolidated, consolidatedSlot)) {
    const c = current(revs);
    if (c.head) out.set(c.head.questionId, { head: c.head, conflict: c.conflict });
  }
  return out;
}

interface Candidate {
  readonly id: string;
  readonly slots: UnitSlot[];
  readonly part: UnitPart;
  readonly group: string;
  readonly itemId: string;
  readonly context: string;
  readonly source: string;
  readonly sourceVersion: string;
  readonly sourceLang: Lang;
}

/** The state of a unit from its first slot's translation (all slots of a shared name are written together). */
function resolve(dataset: Dataset, c: Candidate, target: Lang): TranslationUnit {
  const index = textIndex(dataset);
  let state: UnitState = 'missing';
  let text: string | undefined;
  let previousSource: string | undefined;
  let changes: DiffPart[] | undefined;
  let conflict = false;
  let anyMissing = false;
  for (const slot of c.slots) {
    const s = index.slot(slot.key, target);
    conflict ||= s.conflict;
    const head = s.head;
    if (!head || s.deleted || !s.value || (s.value.kind === 'answer' && typeof (s.value as Record<string, unknown>)[slot.field] !== 'string')) {
      // One missing slot of a shared name (a new stakeholder of a translated organisation) makes the unit missing.
      anyMissing = true;
      continue;
    }
    if (text !== undefined) continue;
    text = fieldText(s.value, slot.field);
    if (head.translates !== c.sourceVersion) {
      state = 'outdated';
      const old = lookup(dataset).texts.get(head.translates ?? '') ?? lookup(dataset).consolidated.get(head.translates ?? '');
      if (old) {
        previousSource = fieldText(old.value, slot.field);
        changes = wordDiff(previousSource, c.source, c.sourceLang);
      }
    } else state = head.translationState === 'reviewed' ? 'reviewed' : 'translated';
  }
  if (anyMissing) state = 'missing';
  return {
    id: c.id,
    slots: c.slots,
    part: c.part,
    group: c.group,
    itemId: c.itemId,
    context: c.context,
    rich: c.slots.some((s) => RICH_FIELDS.has(s.field)),
    source: c.source,
    sourceLang: c.sourceLang,
    sourceVersion: c.sourceVersion,
    target: text,
    state,
    ...(previousSource !== undefined ? { previousSource } : {}),
    ...(changes ? { changes } : {}),
    conflict,
  };
}

const FIELD_LABEL: Record<Exclude<UnitField, `label${number}`>, string> = {
  elaboration: 'elaboration',
  timeline: 'timeline',
  response: 'response',
  other: 'other (please specify)',
  furtherInfo: 'further information',
  documents: 'documents and laws mentioned',
  title: 'title',
  body: 'text',
  text: 'text',
  capacity: 'capacity-building needs',
};

/**
 * Every text to translate into `target`, in report order: names, narrative (sections,
 * findings, recommendations, action plan) and consolidated answers in catalogue order.
 * Context strings (question texts) are in `contextLang`. Empty when `target` is the source language.
 */
export function translationUnits(dataset: Dataset, target: Lang, contextLang: Lang = sourceLanguage(dataset.assessment)): TranslationUnit[] {
  const srcLang = sourceLanguage(dataset.assessment);
  const out: Candidate[] = [];
  if (target !== srcLang) {
    // Names: the assessment's, then organisations and positions, each distinct text once.
    const a = dataset.assessment;
    if (a.country.trim()) out.push({ id: 'name.country', slots: [{ key: nameKey('country'), field: 'text' }], part: 'names', group: '', itemId: '', context: 'country', source: a.country.trim(), sourceVersion: nameVersion(a.country.trim()), sourceLang: srcLang });
    // `name:title` is not a unit: the report prints no assessment title (its cover is "Readiness assessment …: <country>").
    const shared = new Map<string, Candidate>();
    const addName = (prefix: 'org' | 'pos', text: string, key: string, context: string) => {
      const source = text.trim();
      if (!source) return;
      const version = nameVersion(source);
      const id = `${prefix}.${version.slice(5)}`;
      let c = shared.get(id);
      if (!c) {
        c = { id, slots: [], part: 'names', group: '', itemId: '', context, source, sourceVersion: version, sourceLang: srcLang };
        shared.set(id, c);
        out.push(c);
      }
      c.slots.push({ key, field: 'text' });
    };
    const stakeholders = [...dataset.stakeholders].sort((x, y) => (x.organization < y.organization ? -1 : x.organization > y.organization ? 1 : x.id < y.id ? -1 : 1));
    for (const s of stakeholders) addName('org', s.organization, stakeholderKey(s.id, 'organization'), 'organisation');
    for (const iv of [...dataset.interviews].sort((x, y) => (x.id < y.id ? -1 : 1))) addName('org', iv.organization, interviewKey(iv.id), 'organisation');
    for (const s of stakeholders) addName('pos', s.position, stakeholderKey(s.id, 'position'), 'position');
  }

  // Narrative texts, in key order by type.
  const index = textIndex(dataset);
  for (const prefix of ['section:', 'finding:', 'rec:', 'action:', 'survey:']) {
    for (const key of index.keysWith(prefix)) {
      const src = sourceText(dataset, key);
      if (!src?.head || src.deleted || !src.value || src.lang === target || src.head.translates) continue;
      const parsed = parseKey(key);
      if (!parsed) continue;
      const v = src.value;
      const group = parsed.type === 'section' ? parsed.id : 'area' in v ? v.area : parsed.type === 'finding' ? parsed.area : '';
      const what =
        parsed.type === 'section'
          ? `section ${parsed.id}`
          : parsed.type === 'finding'
            ? `findings ${parsed.area}`
            : parsed.type === 'rec'
              ? `recommendation (${group})`
              : parsed.type === 'survey'
                ? `UN Global Survey ${parsed.year}`
                : `action plan (${group})`;
      for (const field of textFields(v)) {
        const source = fieldText(v, field);
        if (source.trim() === '') continue;
        const fieldLabel = labelIndex(field) === undefined ? FIELD_LABEL[field as keyof typeof FIELD_LABEL] : 'comparison label';
        out.push({ id: `${key}_${field}`, slots: [{ key, field }], part: 'narrative', group, itemId: '', context: `${what}: ${fieldLabel}`, source, sourceVersion: src.head.id, sourceLang: src.lang });
      }
    }
  }

  // Consolidated answers' texts.
  if (target !== srcLang) {
    const heads = consolidatedHeads(dataset);
    const items = [...heads.keys()].map((q) => getItem(q)).filter((i): i is CatalogueItem => !!i).sort((x, y) => x.index - y.index);
    for (const item of items) {
      const { head } = heads.get(item.id)!;
      const key = consolidatedKey(item.id);
      const t = itemTexts(contextLang, item.id);
      const question = (t.text ?? t.title ?? '').trim();
      for (const field of ANSWER_FIELDS) {
        const source = fieldText(head.value, field);
        if (source.trim() === '') continue;
        out.push({ id: `${key}_${field}`, slots: [{ key, field }], part: 'answers', group: sectionOf(item), itemId: item.id, context: `${item.id} ${question} (${FIELD_LABEL[field]})`, source, sourceVersion: head.id, sourceLang: srcLang });
      }
    }
  }
  return out.map((c) => resolve(dataset, c, target));
}

export interface TranslationProgress {
  readonly lang: Lang;
  readonly total: number;
  /** Translated or reviewed and not outdated. */
  readonly done: number;
  readonly reviewed: number;
  readonly outdated: number;
  readonly missing: number;
}

/** "312 of 420 texts in Russian": counts per state for one language. */
export function translationProgress(units: readonly TranslationUnit[], lang: Lang): TranslationProgress {
  let reviewed = 0;
  let translated = 0;
  let outdated = 0;
  let missing = 0;
  for (const u of units) {
    if (u.state === 'reviewed') reviewed++;
    else if (u.state === 'translated') translated++;
    else if (u.state === 'outdated') outdated++;
    else missing++;
  }
  return { lang, total: units.length, done: reviewed + translated, reviewed, outdated, missing };
}

/** Progress in every report language other than the source. */
export function progressByLanguage(dataset: Dataset): TranslationProgress[] {
  const src = sourceLanguage(dataset.assessment);
  return LANGUAGES.filter((l) => l !== src && dataset.assessment.reportLanguages.includes(l)).map((l) => translationProgress(translationUnits(dataset, l), l));
}

export interface UnitFilter {
  /** States to keep; 'notReviewed' keeps translated (and outdated) units. */
  readonly states?: readonly (UnitState | 'notReviewed')[];
  readonly part?: UnitPart;
  /** An area or section id (A2, I.B, executiveSummary). */
  readonly group?: string;
  /** Words to find in the source or target (case-insensitive). */
  readonly query?: string;
}

export function filterUnits(units: readonly TranslationUnit[], f: UnitFilter): TranslationUnit[] {
  const q = f.query?.trim().toLocaleLowerCase();
  return units.filter((u) => {
    if (f.part && u.part !== f.part) return false;
    if (f.group && u.group !== f.group && !u.group.startsWith(`${f.group}`)) return false;
    if (f.states && f.states.length > 0) {
      const ok = f.states.some((s) => (s === 'notReviewed' ? u.state === 'translated' || u.state === 'outdated' : u.state === s));
      if (!ok) return false;
    }
    if (q && !`${u.source}\n${u.target ?? ''}\n${u.context}`.toLocaleLowerCase().includes(q)) return false;
    return true;
  });
}

/** What the report in `lang` would print in the source language: missing and outdated units. */
export function untranslated(dataset: Dataset, lang: Lang): TranslationUnit[] {
  return translationUnits(dataset, lang).filter((u) => u.state === 'missing' || u.state === 'outdated');
}
