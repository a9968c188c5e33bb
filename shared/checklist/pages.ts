/**
 * The wizard walks an interview one section at a time. A page is a lowest-level section
 * (A1…A8, B1…B7, the appendix form, I.A…IV.E) with every item beneath it.
 */
import type { ChecklistPart } from '../model/types';
import { CATALOGUE_ITEMS, getItem, type CatalogueItem } from './catalogue';

export interface WizardPage {
  /** The section's id. */
  readonly id: string;
  readonly part: ChecklistPart;
  /** Enclosing sections, outermost first (e.g. ["A"] for A1, ["I"] for I.A). */
  readonly ancestors: readonly string[];
  /** Headings, lead-ins and questions of the page, in order. */
  readonly items: readonly CatalogueItem[];
}

function isLeafSection(item: CatalogueItem): boolean {
  return item.role === 'section' && !item.children.some((c) => getItem(c)?.role === 'section');
}

const ALL_PAGES: readonly WizardPage[] = (() => {
  const pages: WizardPage[] = [];
  let current: { id: string; part: ChecklistPart; ancestors: string[]; items: CatalogueItem[] } | undefined;
  for (const item of CATALOGUE_ITEMS) {
    if (item.role === 'section') {
      if (isLeafSection(item)) {
        const ancestors: string[] = [];
        for (let p = item.parent ? getItem(item.parent) : undefined; p; p = p.parent ? getItem(p.parent) : undefined) ancestors.unshift(p.id);
        current = { id: item.id, part: item.part, ancestors, items: [] };
        pages.push(current);
      }
      continue;
    }
    current?.items.push(item);
  }
  return pages;
})();

export function wizardPages(parts: Iterable<ChecklistPart>): WizardPage[] {
  const set = new Set(parts);
  return ALL_PAGES.filter((p) => set.has(p.part));
}

/** The page an item is on. */
export function pageOf(itemId: string): WizardPage | undefined {
  return ALL_PAGES.find((p) => p.id === itemId || p.items.some((i) => i.id === itemId));
}
