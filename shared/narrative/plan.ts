/**
 * Recommendations (section V) and the action plan (section VI) as the report numbers
 * them: recommendations 1…n within the technical and the legal part in `order`; actions
 * grouped by area (catalogue order), numbered 1…n across the part, sub-actions 2.1, 2.2
 * under their parent.
 */
import { getItem } from '../checklist/catalogue';
import type { Lang } from '../i18n';
import type { Dataset, ReportPart, TextValue } from '../model/types';
import { actionKey, recKey } from './keys';
import { textIndex, textOfKind } from './texts';

export type RecommendationValue = Extract<TextValue, { kind: 'recommendation' }>;
export type ActionValue = Extract<TextValue, { kind: 'action' }>;

export const REPORT_PARTS: readonly ReportPart[] = ['technical', 'legal'];

export interface NumberedRecommendation {
  readonly key: string;
  /** The id after `rec:`. */
  readonly id: string;
  /** 1…n within its part. */
  readonly number: number;
  readonly value: RecommendationValue;
  readonly conflict: boolean;
}

/** Catalogue position of an area; unknown areas sort last. */
export function areaRank(area: string): number {
  return getItem(area)?.index ?? Number.MAX_SAFE_INTEGER;
}

function byOrder<T extends { value: { order: number }; key: string }>(a: T, b: T): number {
  return a.value.order - b.value.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The recommendations of each part, numbered in `order` (ties: key). */
export function recommendations(dataset: Dataset, lang: Lang): Record<ReportPart, NumberedRecommendation[]> {
  const out: Record<ReportPart, NumberedRecommendation[]> = { technical: [], legal: [] };
  for (const key of textIndex(dataset).keysWith('rec:')) {
    const t = textOfKind(dataset, key, lang, 'recommendation');
    if (!t) continue;
    const part: ReportPart = t.value.part === 'legal' ? 'legal' : 'technical';
    out[part].push({ key, id: key.slice(4), number: 0, value: t.value, conflict: t.conflict });
  }
  for (const part of REPORT_PARTS) out[part] = out[part].sort(byOrder).map((r, i) => ({ ...r, number: i + 1 }));
  return out;
}

/** Consecutive runs of items under the same area (the report prints the area once per run). */
export function runsByArea<T>(items: readonly T[], areaOf: (t: T) => string): Array<{ area: string; items: T[] }> {
  const runs: Array<{ area: string; items: T[] }> = [];
  for (const it of items) {
    const area = areaOf(it);
    const last = runs[runs.length - 1];
    if (last && last.area === area) last.items.push(it);
    else runs.push({ area, items: [it] });
  }
  return runs;
}

export interface ActionRow {
  readonly key: string;
  /** The id after `action:`. */
  readonly id: string;
  /** "2", "2.1", "2.1.1". */
  readonly number: string;
  /** 0 for an action, 1 for a sub-action, … */
  readonly depth: number;
  readonly value: ActionValue;
  readonly conflict: boolean;
  /** The recommendations it implements, as "part number" pairs that exist. */
  readonly implements: ReadonlyArray<{ readonly part: ReportPart; readonly number: number }>;
}

export interface ActionGroup {
  /** The area of the group's top-level actions. */
  readonly area: string;
  readonly rows: readonly ActionRow[];
}

/** A recommendation reference as stored: "rec:<id>" or "<id>". */
function recId(ref: string): string {
  return ref.startsWith('rec:') ? ref.slice(4) : ref;
}

/** The action plan of each part: groups by area, rows numbered with their sub-actions. */
export function actionPlan(dataset: Dataset, lang: Lang): Record<ReportPart, ActionGroup[]> {
  const recs = recommendations(dataset, lang);
  const recNumber = new Map<string, { part: ReportPart; number: number }>();
  for (const part of REPORT_PARTS) for (const r of recs[part]) recNumber.set(r.id, { part, number: r.number });

  type Entry = { key: string; id: string; value: ActionValue; conflict: boolean };
  const entries = new Map<string, Entry>();
  for (const key of textIndex(dataset).keysWith('action:')) {
    const t = textOfKind(dataset, key, lang, 'action');
    if (t) entries.set(key.slice(7), { key, id: key.slice(7), value: t.value, conflict: t.conflict });
  }
  // A sub-action whose parent is gone (deleted, other part, or itself) is shown as an action: nothing is lost.
  const parentOf = (e: Entry): Entry | undefined => {
    const p = e.value.parent ? entries.get(e.value.parent) : undefined;
    return p && p.id !== e.id && p.value.part === e.value.part ? p : undefined;
  };
  const children = new Map<string, Entry[]>();
  const roots: Entry[] = [];
  for (const e of entries.values()) {
    const p = parentOf(e);
    if (p) {
      const list = children.get(p.id);
      if (list) list.push(e);
      else children.set(p.id, [e]);
    } else roots.push(e);
  }
  // Cycles (a → b → a) have no root: promote their members so every action is printed.
  const reachable = new Set<string>();
  const mark = (e: Entry) => {
    if (reachable.has(e.id)) return;
    reachable.add(e.id);
    for (const c of children.get(e.id) ?? []) mark(c);
  };
  roots.forEach(mark);
  for (const e of entries.values()) {
    if (!reachable.has(e.id)) {
      roots.push(e);
      mark(e);
    }
  }

  const out: Record<ReportPart, ActionGroup[]> = { technical: [], legal: [] };
  for (const part of REPORT_PARTS) {
    const top = roots
      .filter((e) => (e.value.part === 'legal' ? 'legal' : 'technical') === part)
      .sort((a, b) => areaRank(a.value.area) - areaRank(b.value.area) || (a.value.area < b.value.area ? -1 : a.value.area > b.value.area ? 1 : 0) || byOrder(a, b));
    const seen = new Set<string>();
    const rowsOf = (e: Entry, number: string, depth: number): ActionRow[] => {
      if (seen.has(e.id)) return [];
      seen.add(e.id);
      const implementsList = e.value.recommendations.map((r) => recNumber.get(recId(r))).filter((x): x is { part: ReportPart; number: number } => !!x);
      const row: ActionRow = { key: e.key, id: e.id, number, depth, value: e.value, conflict: e.conflict, implements: implementsList };
      const kids = [...(children.get(e.id) ?? [])].sort(byOrder);
      return [row, ...kids.flatMap((k, i) => rowsOf(k, `${number}.${i + 1}`, depth + 1))];
    };
    let n = 0;
    for (const run of runsByArea(top, (e) => e.value.area)) {
      out[part].push({ area: run.area, rows: run.items.flatMap((e) => rowsOf(e, String(++n), 0)) });
    }
  }
  return out;
}

export { actionKey, recKey };
