/**
 * Turning translated units into TextRevisions of slot (key, target language): the
 * translation view's save, the XLIFF / XLSX import and the demo all go through
 * `translationRevisions`. A translation holds the same kind of value as its source; the
 * structure (order, part, area, priority, agencies …) is copied from the source, the
 * texts come from the units. A field of a key that has no edit keeps the current
 * translation's text; else, for a consolidated answer it stays absent (missing), for the
 * other kinds it is the source's (an action's timeline such as "2025" often needs none).
 */
import type { Lang } from '../i18n';
import type { Id, TextRevision, TextValue, Timestamp } from '../model/types';
import { plainToRich } from '../narrative/rich';
import { sourceText, textIndex } from '../narrative/texts';
import { parseKey } from '../narrative/keys';
import type { TextAuthor } from '../narrative/write';
import { ANSWER_FIELDS, consolidatedHeads, fieldText, translationUnits, type TranslationUnit, type UnitField } from './units';
import type { Dataset } from '../model/types';

export interface UnitEdit {
  readonly unitId: string;
  readonly target: string;
  /** Mark the translation reviewed (otherwise it is "translated"). */
  readonly reviewed?: boolean;
}

export interface WriteOptions {
  readonly author: TextAuthor;
  readonly at: Timestamp;
  readonly newId: () => Id;
}

type Texts = Map<UnitField, string>;

/** The translated value of `key` from the source value and the field texts. */
function translatedValue(dataset: Dataset, key: string, texts: Texts): TextValue | undefined {
  const parsed = parseKey(key);
  if (!parsed) return undefined;
  const get = (f: UnitField, fallback: string) => texts.get(f) ?? fallback;
  if (parsed.type === 'consolidated') {
    const head = consolidatedHeads(dataset).get(parsed.questionId)?.head;
    if (!head) return undefined;
    // Only the fields translated so far: the others stay missing (and print from the source).
    const value: Record<string, string> = {};
    for (const f of ANSWER_FIELDS) {
      const t = texts.get(f);
      if (fieldText(head.value, f).trim() !== '' && t !== undefined) value[f] = t;
    }
    return { kind: 'answer', ...value };
  }
  if (parsed.type === 'name' || parsed.type === 'stakeholder' || parsed.type === 'interview') {
    const text = texts.get('text');
    return text === undefined ? undefined : { kind: 'name', text };
  }
  const src = sourceText(dataset, key)?.value;
  if (!src) return undefined;
  const rich = (f: UnitField) => plainToRich(get(f, fieldText(src, f)));
  switch (src.kind) {
    case 'section': {
      const title = src.title !== undefined && src.title.trim() !== '' ? get('title', src.title) : undefined;
      return { kind: 'section', body: rich('body'), state: src.state, ...(title !== undefined ? { title } : {}) };
    }
    case 'finding':
      return { kind: 'finding', body: rich('body'), state: src.state };
    case 'recommendation':
      return { ...src, body: rich('body') };
    case 'survey':
      return { ...src, comparisons: src.comparisons.map((c, i) => ({ ...c, label: get(`label${i}`, c.label) })) };
    case 'action':
      return { ...src, text: rich('text'), timeline: get('timeline', src.timeline), capacityBuilding: { needed: src.capacityBuilding.needed, text: get('capacity', src.capacityBuilding.text) } };
    default:
      return undefined;
  }
}

/** Whether a translation value holds a field (an answer's fields are optional). */
export function hasField(value: TextValue, field: UnitField): boolean {
  return value.kind !== 'answer' || typeof (value as Record<string, unknown>)[field] === 'string';
}

export interface WriteResult {
  readonly revisions: TextRevision[];
  /** Edits whose unit id is not a text of this assessment in this language. */
  readonly unknown: string[];
  /** Units whose text (and review state) was already current: nothing written. */
  readonly unchanged: string[];
}

/**
 * New revisions for the edited units. A unit whose text, source version and review state
 * are already current writes nothing (so a round trip of an unchanged file writes nothing).
 * Each revision's parents are the slot's current heads, so saving over two translators'
 * conflicting versions resolves the conflict.
 */
export function translationRevisions(dataset: Dataset, lang: Lang, edits: readonly UnitEdit[], opts: WriteOptions, units: readonly TranslationUnit[] = translationUnits(dataset, lang)): WriteResult {
  const byId = new Map(units.map((u) => [u.id, u]));
  const unknown: string[] = [];
  const unchanged: string[] = [];
  // Per key: the edited field texts and whether every edit of the key asks for "reviewed".
  const perKey = new Map<string, { texts: Texts; reviewed: boolean; units: TranslationUnit[]; changed: boolean }>();
  for (const e of edits) {
    const u = byId.get(e.unitId);
    if (!u) {
      unknown.push(e.unitId);
      continue;
    }
    const same = u.target === e.target && (u.state === 'reviewed') === !!e.reviewed && (u.state === 'translated' || u.state === 'reviewed');
    if (same) {
      unchanged.push(u.id);
      continue;
    }
    for (const slot of u.slots) {
      let k = perKey.get(slot.key);
      if (!k) perKey.set(slot.key, (k = { texts: new Map(), reviewed: true, units: [], changed: false }));
      k.texts.set(slot.field, e.target);
      k.reviewed &&= !!e.reviewed;
      k.units.push(u);
    }
  }
  const index = textIndex(dataset);
  const revisions: TextRevision[] = [];
  for (const [key, k] of perKey) {
    const slot = index.slot(key, lang);
    // Fields not edited now keep the current translation's text.
    const texts: Texts = new Map();
    if (slot.value) {
      for (const u of units) for (const s of u.slots) if (s.key === key && !k.texts.has(s.field) && hasField(slot.value, s.field)) texts.set(s.field, fieldText(slot.value, s.field));
    }
    for (const [f, t] of k.texts) texts.set(f, t);
    const value = translatedValue(dataset, key, texts);
    if (!value) {
      unknown.push(...k.units.map((u) => u.id));
      continue;
    }
    const version = k.units[0]!.sourceVersion;
    revisions.push({
      id: opts.newId(),
      assessmentId: dataset.assessment.id,
      key,
      lang,
      translates: version,
      translationState: k.reviewed ? 'reviewed' : 'translated',
      value,
      at: opts.at,
      by: opts.author.by,
      byName: opts.author.byName,
      deviceId: opts.author.deviceId,
      parents: slot.heads.map((h) => h.id),
    });
  }
  return { revisions, unknown: [...new Set(unknown)], unchanged };
}
