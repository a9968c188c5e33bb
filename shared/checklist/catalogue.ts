/**
 * The catalogue: the three instruments' items in document order, indexed, with their texts
 * in every language and a version that bundles record.
 *
 * Order: technical checklist (A, B), its appendix form, then the legal checklist (I–IV) —
 * the order of the report's Annex III and Annex IV.
 */
import type { Lang } from '../i18n';
import type { ChecklistPart } from '../model/types';
import { appendixItems } from './data/appendix';
import { legalItems } from './data/legal';
import { technicalItems } from './data/technical';
import { CATALOGUE_TEXTS } from './texts';
import type { ChecklistId, ChecklistTexts, ItemSpec, ItemTexts } from './types';

/** Bump the major version when an id changes meaning; add an entry to ID_MIGRATIONS when one is renamed. */
export const CATALOGUE_SEMVER = '1.0.0';

export interface CatalogueItem extends ItemSpec {
  readonly checklist: ChecklistId;
  /** Position in the whole catalogue (document order). */
  readonly index: number;
  /** 0 for top-level sections. */
  readonly depth: number;
  /** The interview part the item belongs to. */
  readonly part: ChecklistPart;
  /** Ids of direct children, in order. */
  readonly children: readonly string[];
}

const SOURCES: ReadonlyArray<readonly [ChecklistId, readonly ItemSpec[]]> = [
  ['technical', technicalItems],
  ['appendix', appendixItems],
  ['legal', legalItems],
];

function partOf(checklist: ChecklistId, id: string): ChecklistPart {
  if (checklist === 'appendix') return 'appendix';
  if (checklist === 'technical') return id.startsWith('B') ? 'techB' : 'techA';
  const top = id.split('.')[0];
  switch (top) {
    case 'I':
      return 'legalI';
    case 'II':
      return 'legalII';
    case 'III':
      return 'legalIII';
    default:
      return 'legalIV';
  }
}

function build(): { items: CatalogueItem[]; byId: Map<string, CatalogueItem> } {
  const byId = new Map<string, CatalogueItem>();
  const children = new Map<string, string[]>();
  const items: CatalogueItem[] = [];
  for (const [checklist, specs] of SOURCES) {
    for (const spec of specs) {
      if (byId.has(spec.id)) throw new Error(`duplicate catalogue id ${spec.id}`);
      const parent = spec.parent ? byId.get(spec.parent) : undefined;
      if (spec.parent && !parent) throw new Error(`${spec.id}: parent ${spec.parent} must come earlier`);
      const kids: string[] = [];
      children.set(spec.id, kids);
      const item: CatalogueItem = {
        ...spec,
        checklist,
        index: items.length,
        depth: parent ? parent.depth + 1 : 0,
        part: partOf(checklist, spec.id),
        children: kids,
      };
      if (spec.parent) children.get(spec.parent)!.push(spec.id);
      items.push(item);
      byId.set(spec.id, item);
    }
  }
  return { items, byId };
}

const built = build();

/** Every item of every instrument, in document order. */
export const CATALOGUE_ITEMS: readonly CatalogueItem[] = built.items;

export function getItem(id: string): CatalogueItem | undefined {
  return built.byId.get(id);
}

export function isQuestion(item: ItemSpec): boolean {
  return item.role === 'question';
}

/** The items an interview covering `parts` walks through, in order. */
export function itemsForParts(parts: Iterable<ChecklistPart>): CatalogueItem[] {
  const set = new Set(parts);
  return CATALOGUE_ITEMS.filter((i) => set.has(i.part));
}

export function itemsOf(checklist: ChecklistId): CatalogueItem[] {
  return CATALOGUE_ITEMS.filter((i) => i.checklist === checklist);
}

/** Texts of one item in one language; English fills any gap so a screen is never blank. */
export function itemTexts(lang: Lang, id: string): ItemTexts {
  const item = built.byId.get(id);
  if (!item) return {};
  return CATALOGUE_TEXTS[lang][item.checklist].items[id] ?? CATALOGUE_TEXTS.en[item.checklist].items[id] ?? {};
}

export function checklistTexts(lang: Lang, checklist: ChecklistId): ChecklistTexts {
  return CATALOGUE_TEXTS[lang][checklist];
}

/** The label of an item: its title (sections, headings) or its question text. */
export function itemLabel(lang: Lang, id: string): string {
  const t = itemTexts(lang, id);
  return t.title ?? t.text ?? id;
}

/** The number printed before an item: "A2.1.1", "I.A.1"; appendix items print "1.1" and no id for the header fields. */
export function displayNumber(id: string): string {
  if (id === 'APP' || id === 'APP.agency' || id === 'APP.permit') return '';
  if (id.startsWith('APP.')) return id.slice(4);
  return id;
}

// ---- Version -------------------------------------------------------------------------

/**
 * FNV-1a (64-bit) over the catalogue's structure. Texts are excluded on purpose: fixing a
 * translation must not make older bundles incompatible; changing ids, kinds, options or
 * conditions does.
 */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

function structureFingerprint(): string {
  return JSON.stringify(
    CATALOGUE_ITEMS.map((i) => [i.id, i.parent, i.role, i.kind ?? null, i.fields ?? [], i.options ?? [], i.otherOption ?? null, i.condition ?? null]),
  );
}

export const CATALOGUE_HASH = fnv1a64(structureFingerprint());
/** "1.0.0+<hash>", recorded in bundles and shown in Help → About. */
export const CATALOGUE_VERSION = `${CATALOGUE_SEMVER}+${CATALOGUE_HASH}`;

export function catalogueVersionLabel(): string {
  return CATALOGUE_VERSION;
}

/** Whether data recorded against `version` can be read by this catalogue (same major version). */
export function isCompatibleCatalogue(version: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)(\+[0-9a-f]+)?$/.exec(version);
  if (!m) return false;
  return m[1] === CATALOGUE_SEMVER.split('.')[0];
}

// ---- Id migrations -------------------------------------------------------------------

/**
 * Renamed ids per catalogue semver that introduced the rename: { '1.1.0': { 'A9.9': 'A9.8' } }.
 * Empty today; bundles and stored answers from older catalogues go through migrateQuestionId.
 */
export const ID_MIGRATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

function semverLess(a: string, b: string): boolean {
  const pa = a.split('+')[0]!.split('.').map(Number);
  const pb = b.split('+')[0]!.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  return false;
}

/** Maps an id recorded under catalogue `fromVersion` to today's id (unchanged if never renamed). */
export function migrateQuestionId(id: string, fromVersion: string): string {
  let current = id;
  const steps = Object.keys(ID_MIGRATIONS).sort((a, b) => (semverLess(a, b) ? -1 : 1));
  for (const version of steps) {
    if (semverLess(fromVersion, version)) current = ID_MIGRATIONS[version]![current] ?? current;
  }
  return current;
}
