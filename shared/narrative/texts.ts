/**
 * Reading the written texts of a dataset: the current version of each slot (key, lang),
 * and THE lookup every printed text goes through, `textIn(dataset, key, lang)`: the
 * version in the report language if there is one, else the source version. Translations
 * (issue #10) plug in there and nowhere else.
 */
import { LANGUAGES, type Lang } from '../i18n';
import type { Assessment, Dataset, TextRevision, TextValue } from '../model/types';
import { current, groupBySlot, textSlot } from '../answers/revisions';

/** The current state of one text slot. */
export interface TextSlotState {
  readonly key: string;
  readonly lang: Lang;
  /** The newest head (undefined: nothing was ever written here). */
  readonly head: TextRevision | undefined;
  /** All heads, newest first; more than one is a conflict. */
  readonly heads: readonly TextRevision[];
  readonly conflict: boolean;
  /** The head's value, or undefined when empty or deleted. */
  readonly value: Exclude<TextValue, { kind: 'deleted' }> | undefined;
  /** The newest head is a deletion: the slot is hidden. */
  readonly deleted: boolean;
}

/** A text as the report prints it. */
export interface ResolvedText<V extends TextValue = Exclude<TextValue, { kind: 'deleted' }>> {
  readonly key: string;
  readonly value: V;
  /** The language of the version used. */
  readonly lang: Lang;
  /** A translation was used (its structural fields come from the source). */
  readonly translated: boolean;
  /** The slot used has unresolved conflicting versions (the newest is used). */
  readonly conflict: boolean;
  /** The source version's revision (review state, who wrote it). */
  readonly source: TextRevision;
}

export interface TextIndex {
  /** The state of one slot. */
  slot(key: string, lang: Lang): TextSlotState;
  /** Every key with at least one revision, sorted. */
  readonly keys: readonly string[];
  /** Keys starting with `prefix` (e.g. "rec:"), sorted. */
  keysWith(prefix: string): string[];
}

/** The language the lead writes in: the source of every translation. */
export function sourceLanguage(assessment: Assessment): Lang {
  return assessment.sourceLanguage ?? assessment.reportLanguages[0] ?? 'en';
}

const cache = new WeakMap<readonly TextRevision[], TextIndex>();

/** Slots of the dataset's texts (built once per texts array; treat datasets as immutable). */
export function textIndex(dataset: Dataset): TextIndex {
  const texts = dataset.texts ?? [];
  const hit = cache.get(texts);
  if (hit) return hit;
  const slots = groupBySlot(texts, textSlot);
  const states = new Map<string, TextSlotState>();
  const keys = [...new Set(texts.map((t) => t.key))].sort();
  const index: TextIndex = {
    keys,
    keysWith: (prefix) => keys.filter((k) => k.startsWith(prefix)),
    slot(key, lang) {
      const id = textSlot({ key, lang });
      let s = states.get(id);
      if (!s) {
        const { head, heads, conflict } = current(slots.get(id) ?? []);
        const deleted = head?.value.kind === 'deleted';
        s = { key, lang, head, heads, conflict, deleted, value: head && !deleted ? (head.value as TextSlotState['value']) : undefined };
        states.set(id, s);
      }
      return s;
    },
  };
  cache.set(texts, index);
  return index;
}

/** The current version of one slot. */
export function currentText(dataset: Dataset, key: string, lang: Lang): TextSlotState {
  return textIndex(dataset).slot(key, lang);
}

/**
 * The source version of a key: the slot in the source language; where nothing was written
 * there, the first language (kk, ru, en) holding an original text, else any version.
 */
export function sourceText(dataset: Dataset, key: string): TextSlotState | undefined {
  const index = textIndex(dataset);
  const own = index.slot(key, sourceLanguage(dataset.assessment));
  if (own.head) return own;
  const written = LANGUAGES.map((l) => index.slot(key, l)).filter((s) => s.head);
  return written.find((s) => !s.head!.translates) ?? written[0];
}

/** A translation's texts over the source's structure (order, part, area, numbers …). */
function overlay(source: TextSlotState['value'] & object, tr: TextSlotState['value'] & object): TextSlotState['value'] & object {
  if (source.kind !== tr.kind) return source;
  switch (source.kind) {
    case 'recommendation':
      return { ...source, body: (tr as typeof source).body };
    case 'action': {
      const t = tr as typeof source;
      return { ...source, text: t.text, timeline: t.timeline, capacityBuilding: { needed: source.capacityBuilding.needed, text: t.capacityBuilding.text }, agencies: t.agencies };
    }
    case 'survey': {
      const t = tr as typeof source;
      return { ...source, comparisons: source.comparisons.map((c, i) => ({ ...c, label: t.comparisons[i]?.label || c.label })) };
    }
    case 'section': {
      const t = tr as typeof source;
      return { ...source, body: t.body, ...(t.title !== undefined ? { title: t.title } : {}) };
    }
    case 'finding':
      return { ...source, body: (tr as typeof source).body };
    default:
      return tr;
  }
}

/**
 * THE lookup for printed texts: the version of `key` in `lang` if there is one, else the
 * source version; undefined when nothing was written or the text was deleted (a deletion
 * of the source hides every translation).
 */
export function textIn(dataset: Dataset, key: string, lang: Lang): ResolvedText | undefined {
  const src = sourceText(dataset, key);
  if (!src || !src.head || src.deleted || !src.value) return undefined;
  if (src.lang !== lang) {
    const tr = textIndex(dataset).slot(key, lang);
    if (tr.value && tr.value.kind === src.value.kind) {
      return { key, value: overlay(src.value, tr.value), lang, translated: true, conflict: tr.conflict, source: src.head };
    }
  }
  return { key, value: src.value, lang: src.lang, translated: false, conflict: src.conflict, source: src.head };
}

/** `textIn` narrowed to one kind (undefined if the key holds another kind). */
export function textOfKind<K extends TextValue['kind']>(dataset: Dataset, key: string, lang: Lang, kind: K): ResolvedText<Extract<TextValue, { kind: K }>> | undefined {
  const t = textIn(dataset, key, lang);
  return t && t.value.kind === kind ? (t as unknown as ResolvedText<Extract<TextValue, { kind: K }>>) : undefined;
}
