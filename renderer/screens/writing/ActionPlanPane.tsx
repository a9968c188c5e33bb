/**
 * Section VI: the action plan as a table editor, Part 1 technical and Part 2 legal, rows
 * grouped by area: Indicative action | Priority | Timeline | Capacity-building needs |
 * Potential key agencies | Implements. Rows are numbered 1, 2, 2.1 … as the report prints
 * them (shared/narrative/plan.ts).
 *
 * Keyboard: arrow keys move between cells (Up/Down to the same column of the row above or
 * below; Left/Right at the ends of a text), Alt+Up/Alt+Down move a row among its
 * siblings, and on a row's number Tab makes it a sub-action of the row above and
 * Shift+Tab moves it back out (elsewhere Tab moves focus as usual). Pasting rows from a
 * spreadsheet works as for stakeholders (shared/narrative/pastePlan.ts).
 */
import { Fragment, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { itemLabel } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import type { Assessment, Dataset, Priority, ReportPart, RichText } from '../../../shared/model/types';
import { actionKey, actionPlan, recommendations, sourceLanguage, type ActionRow, type ActionValue, type NumberedRecommendation } from '../../../shared/narrative';
import { parsePastedActions, type PastedAction } from '../../../shared/narrative/pastePlan';
import { Dialog } from '../../components/Dialog';
import { areaOptions } from './RecommendationsPane';
import { SectionPane } from './SectionPane';
import { TextConflict } from './TextConflict';
import { editLang, usePending, useUpdateText } from './save';
import { currentText } from '../../../shared/narrative';

const MAX_DEPTH = 2;
/** Fields to change, or a function of the stored value giving them (for nested fields). */
type Patch = Partial<ActionValue> | ((stored: ActionValue) => Partial<ActionValue>);
/** The cells of a row, in order (data-col). */
type Col = 'handle' | 'text' | 'priority' | 'timeline' | 'capacityNeeded' | 'capacityText' | 'agencies' | 'implements';

/** An action's text for a table cell: one line per block, "- " before a list item. */
export function richToLines(rich: RichText): string {
  return rich.blocks.map((b) => (b.kind === 'paragraph' ? '' : `${'  '.repeat(b.level ?? 0)}- `) + b.inlines.map((i) => (i.t === 'text' ? i.text : i.t === 'ref' ? i.itemId : '')).join('')).join('\n');
}

/** The inverse: lines become paragraphs, "- " / "• " lines bullets (no other notation is read). */
export function linesToRich(text: string): RichText {
  const blocks: RichText['blocks'][number][] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (raw.trim() === '') continue;
    const level = Math.min(2, Math.floor((/^ */.exec(raw)![0].length) / 2));
    const m = /^\s*[-•]\s+(.*)$/.exec(raw);
    blocks.push(m ? { kind: 'bullet', level, inlines: [{ t: 'text', text: m[1]! }] } : { kind: 'paragraph', inlines: [{ t: 'text', text: raw.trim() }] });
  }
  return { blocks };
}

const EMPTY_ACTION = (part: ReportPart, area: string, parent: string, order: number): ActionValue => ({
  kind: 'action',
  part,
  area,
  parent,
  order,
  text: { blocks: [] },
  priority: '',
  timeline: '',
  capacityBuilding: { needed: '', text: '' },
  agencies: [],
  recommendations: [],
});

/** Focuses a cell of a row once the table shows it (after the write and re-render). */
function focusCell(rowId: string, col: Col, tries = 20) {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(rowId)}"] [data-col="${col}"]`);
    if (el && el !== document.activeElement) el.focus();
    else if (!el && tries > 0) focusCell(rowId, col, tries - 1);
  });
}

export function ActionPlanPane(props: { assessment: Assessment; dataset: Dataset; lang: Lang; back: ReactNode }) {
  const { t } = useTranslation();
  const srcLang = sourceLanguage(props.assessment);
  const plan = actionPlan(props.dataset, srcLang);
  const recs = recommendations(props.dataset, srcLang);
  const organisations = [...new Set([...props.dataset.stakeholders.map((s) => s.organization), ...props.dataset.interviews.map((iv) => iv.organization)].map((o) => o.trim()).filter(Boolean))].sort();
  return (
    <SectionPane assessment={props.assessment} dataset={props.dataset} id="actionPlan" lang={props.lang} back={props.back}>
      <p className="muted" id="plan-keys">{t('writing.plan.keys')}</p>
      {(['technical', 'legal'] as const).map((part) => (
        <PlanPart key={part} assessment={props.assessment} dataset={props.dataset} part={part} rows={plan[part].flatMap((g) => g.rows)} recs={recs[part]} lang={props.lang} organisations={organisations} />
      ))}
    </SectionPane>
  );
}

function PlanPart(props: { assessment: Assessment; dataset: Dataset; part: ReportPart; rows: ActionRow[]; recs: NumberedRecommendation[]; lang: Lang; organisations: string[] }) {
  const { t } = useTranslation();
  const updateText = useUpdateText(props.assessment);
  const { part, rows, dataset } = props;
  const [newArea, setNewArea] = useState(areaOptions(part)[1] ?? areaOptions(part)[0]!);
  const [pasting, setPasting] = useState(false);
  const valueOf = (row: ActionRow): ActionValue => row.value;
  /** Stores a new row, or replaces one (deletion). */
  const save = (id: string, value: ActionValue | { kind: 'deleted' }) => {
    const key = actionKey(id);
    void updateText(key, editLang(dataset, key), value, value);
  };
  /** Changes some fields of a row's stored value (a quick edit of another cell is kept). */
  const update = (row: ActionRow, patch: Patch) =>
    void updateText(row.key, editLang(dataset, row.key), row.value, (v) => ({ ...(v as ActionValue), ...(typeof patch === 'function' ? patch(v as ActionValue) : patch) }));

  const byId = new Map(rows.map((r) => [r.id, r]));
  const parentOf = (r: ActionRow) => (r.depth > 0 ? byId.get(r.value.parent) : undefined);
  /** Rows sharing the row's parent (top-level rows: those of the same area), in order. */
  const siblings = (r: ActionRow) => rows.filter((x) => x.depth === r.depth && (r.depth > 0 ? x.value.parent === r.value.parent : x.value.area === r.value.area));
  const renumber = (list: ActionRow[], override: Map<string, Partial<ActionValue>> = new Map()) => {
    list.forEach((x, i) => {
      const patch = override.get(x.id) ?? {};
      if (valueOf(x).order !== i + 1 || Object.keys(patch).length > 0) update(x, { ...patch, order: i + 1 });
    });
  };
  const descendants = (r: ActionRow): ActionRow[] => {
    const kids = rows.filter((x) => x.depth > 0 && x.value.parent === r.id);
    return kids.flatMap((k) => [k, ...descendants(k)]);
  };

  const ops = {
    move(r: ActionRow, delta: -1 | 1, col: Col) {
      const list = siblings(r);
      const i = list.findIndex((x) => x.id === r.id);
      const j = i + delta;
      if (j < 0 || j >= list.length) return;
      const next = [...list];
      [next[i], next[j]] = [next[j]!, next[i]!];
      renumber(next);
      focusCell(r.id, col);
    },
    indent(r: ActionRow): boolean {
      const list = siblings(r);
      const i = list.findIndex((x) => x.id === r.id);
      const above = list[i - 1];
      if (!above || r.depth + 1 + Math.max(0, ...descendants(r).map((d) => d.depth - r.depth)) > MAX_DEPTH) return false;
      const kids = rows.filter((x) => x.depth > 0 && x.value.parent === above.id);
      update(r, { parent: above.id, area: above.value.area, order: kids.length + 1 });
      renumber(list.filter((x) => x.id !== r.id));
      focusCell(r.id, 'handle');
      return true;
    },
    outdent(r: ActionRow): boolean {
      const parent = parentOf(r);
      if (!parent) return false;
      // Right after its former parent, among the parent's siblings.
      const list = siblings(parent).filter((x) => x.id !== r.id);
      const at = list.findIndex((x) => x.id === parent.id) + 1;
      const moved: ActionRow = { ...r, depth: parent.depth, value: { ...valueOf(r), parent: parent.value.parent, area: parent.value.area } };
      const next = [...list.slice(0, at), moved, ...list.slice(at)];
      renumber(next, new Map([[r.id, { parent: parent.depth > 0 ? parent.value.parent : '', area: parent.value.area }]]));
      renumber(siblings(r).filter((x) => x.id !== r.id));
      focusCell(r.id, 'handle');
      return true;
    },
    duplicate(r: ActionRow) {
      const id = crypto.randomUUID();
      const list = siblings(r);
      const i = list.findIndex((x) => x.id === r.id);
      save(id, { ...valueOf(r), order: i + 2 });
      list.slice(i + 1).forEach((x, k) => {
        if (valueOf(x).order !== i + 3 + k) update(x, { order: i + 3 + k });
      });
      focusCell(id, 'text');
    },
    remove(r: ActionRow) {
      for (const x of [r, ...descendants(r)]) save(x.id, { kind: 'deleted' });
    },
    addSub(r: ActionRow) {
      const id = crypto.randomUUID();
      const kids = rows.filter((x) => x.depth > 0 && x.value.parent === r.id);
      save(id, EMPTY_ACTION(part, r.value.area, r.id, kids.length + 1));
      focusCell(id, 'text');
    },
    add(area: string) {
      const id = crypto.randomUUID();
      const tops = rows.filter((x) => x.depth === 0 && x.value.area === area);
      save(id, EMPTY_ACTION(part, area, '', Math.max(0, ...tops.map((x) => x.value.order)) + 1));
      focusCell(id, 'text');
    },
  };

  const addPasted = (pasted: PastedAction[], area: string) => {
    const stack: string[] = [];
    const orders = new Map<string, number>();
    for (const a of new Set([area, ...pasted.map((p) => p.area).filter((x): x is string => !!x)])) {
      orders.set(`|${a}`, Math.max(0, ...rows.filter((x) => x.depth === 0 && x.value.area === a).map((x) => x.value.order)));
    }
    for (const p of pasted) {
      const rowArea = p.area ?? area;
      const depth = Math.min(p.depth, stack.length);
      const parent = depth > 0 ? stack[depth - 1]! : '';
      const slot = `${parent}|${parent ? '' : rowArea}`;
      const order = (orders.get(slot) ?? 0) + 1;
      orders.set(slot, order);
      const id = crypto.randomUUID();
      stack.length = depth;
      stack.push(id);
      save(id, { ...EMPTY_ACTION(part, rowArea, parent, order), text: linesToRich(p.text), priority: p.priority, timeline: p.timeline, capacityBuilding: p.capacityBuilding, agencies: p.agencies });
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    const tr = target.closest<HTMLElement>('tr[data-row-id]');
    const col = target.dataset.col as Col | undefined;
    if (!tr || !col) return;
    const row = byId.get(tr.dataset.rowId!);
    if (!row) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      ops.move(row, e.key === 'ArrowUp' ? -1 : 1, col);
      return;
    }
    if (col === 'handle' && e.key === 'Tab' && !e.altKey && !e.ctrlKey) {
      if (e.shiftKey ? ops.outdent(row) : ops.indent(row)) e.preventDefault();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const field = target as HTMLInputElement | HTMLTextAreaElement;
    const isText = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA';
    const value = isText ? field.value : '';
    const start = isText ? (field.selectionStart ?? 0) : 0;
    const end = isText ? (field.selectionEnd ?? 0) : 0;
    const rowsEls = [...(e.currentTarget.querySelectorAll<HTMLElement>('tr[data-row-id]') ?? [])];
    const r = rowsEls.indexOf(tr);
    const cellsOf = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-col]')];
    const go = (el: HTMLElement | undefined) => {
      if (!el) return;
      e.preventDefault();
      el.focus();
    };
    if (e.key === 'ArrowUp' && target.tagName !== 'SELECT' && (!isText || (target.tagName === 'TEXTAREA' ? !value.slice(0, start).includes('\n') : true))) {
      const above = rowsEls[r - 1];
      if (above) go(above.querySelector<HTMLElement>(`[data-col="${col}"]`) ?? undefined);
    } else if (e.key === 'ArrowDown' && target.tagName !== 'SELECT' && (!isText || (target.tagName === 'TEXTAREA' ? !value.slice(end).includes('\n') : true))) {
      const below = rowsEls[r + 1];
      if (below) go(below.querySelector<HTMLElement>(`[data-col="${col}"]`) ?? undefined);
    } else if (e.key === 'ArrowLeft' && (!isText || (start === 0 && end === 0))) {
      const cells = cellsOf(tr);
      go(cells[cells.indexOf(target) - 1]);
    } else if (e.key === 'ArrowRight' && (!isText || (start === value.length && end === value.length))) {
      const cells = cellsOf(tr);
      go(cells[cells.indexOf(target) + 1]);
    }
  };

  // Group rows by area (the area of their top-level action), as the report prints them.
  const groups: Array<{ area: string; rows: ActionRow[] }> = [];
  for (const r of rows) {
    const area = r.depth === 0 ? r.value.area : (groups[groups.length - 1]?.area ?? r.value.area);
    const last = groups[groups.length - 1];
    if (last && last.area === area) last.rows.push(r);
    else groups.push({ area, rows: [r] });
  }
  const title = t(`writing.plan.${part}`);
  return (
    <section className="plan-part" aria-labelledby={`plan-${part}`} data-testid={`plan-${part}`}>
      <h3 id={`plan-${part}`}>{title}</h3>
      <div className="table-scroll">
        <table className="data-table compact plan-table" onKeyDown={onKeyDown} aria-labelledby={`plan-${part}`}>
          <thead>
            <tr>
              <th scope="col" className="col-no">{t('writing.plan.no')}</th>
              <th scope="col" className="col-action">{t('writing.plan.action')}</th>
              <th scope="col" className="col-priority">{t('writing.plan.priority')}</th>
              <th scope="col" className="col-timeline">{t('writing.plan.timeline')}</th>
              <th scope="col" className="col-capacity">{t('writing.plan.capacity')}</th>
              <th scope="col" className="col-agencies">{t('writing.plan.agencies')}</th>
              <th scope="col" className="col-implements">{t('writing.plan.implements')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g, gi) => (
              <Fragment key={`${g.area}-${gi}`}>
                <tr className="plan-group">
                  <th scope="rowgroup" colSpan={7}>
                    {g.area} {itemLabel(props.lang, g.area)}
                    <button type="button" className="small plan-add" onClick={() => ops.add(g.area)} data-testid={`plan-add-${g.area}`}>
                      {t('writing.plan.addAction')}
                    </button>
                  </th>
                </tr>
                {g.rows.map((r) => (
                  <PlanRow key={r.id} assessment={props.assessment} dataset={dataset} row={r} value={valueOf(r)} recs={props.recs} organisations={props.organisations} onUpdate={(patch) => update(r, patch)} ops={ops} />
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <label className="inline-field">
          <span>{t('writing.area')}</span>
          <select value={newArea} onChange={(e) => setNewArea(e.target.value)} data-testid={`plan-new-area-${part}`}>
            {areaOptions(part).map((a) => (
              <option key={a} value={a}>{`${a} ${itemLabel(props.lang, a)}`}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => ops.add(newArea)} data-testid={`plan-add-${part}`}>
          {t('writing.plan.addAction')}
        </button>
        <button type="button" onClick={() => setPasting(true)} data-testid={`plan-paste-${part}`}>
          {t('writing.plan.paste')}
        </button>
      </div>
      {pasting && (
        <PastePlanDialog
          area={newArea}
          onClose={() => setPasting(false)}
          onAdd={(list) => {
            addPasted(list, newArea);
            setPasting(false);
          }}
        />
      )}
    </section>
  );
}

interface RowOps {
  move(r: ActionRow, delta: -1 | 1, col: Col): void;
  indent(r: ActionRow): boolean;
  outdent(r: ActionRow): boolean;
  duplicate(r: ActionRow): void;
  remove(r: ActionRow): void;
  addSub(r: ActionRow): void;
}

function PlanRow(props: { assessment: Assessment; dataset: Dataset; row: ActionRow; value: ActionValue; recs: NumberedRecommendation[]; organisations: string[]; onUpdate: (patch: Patch) => void; ops: RowOps }) {
  const { t } = useTranslation();
  const { row, value, ops } = props;
  const name = t('writing.plan.rowName', { number: row.number });
  const slot = currentText(props.dataset, row.key, editLang(props.dataset, row.key));
  const [priority, setPriority] = usePending(value.priority);
  const [needed, setNeeded] = usePending(value.capacityBuilding.needed);
  return (
    <>
      {slot.conflict && (
        <tr>
          <td colSpan={7}>
            <TextConflict assessment={props.assessment} heads={slot.heads} lang={slot.lang} />
          </td>
        </tr>
      )}
      <tr data-row-id={row.id} data-depth={row.depth} className={`plan-row depth-${row.depth}`} data-testid="plan-row">
        <th scope="row" className="col-no">
          <button
            type="button"
            className="row-handle"
            data-col="handle"
            aria-label={t('writing.plan.handle', { number: row.number })}
            aria-describedby="plan-keys"
            aria-keyshortcuts="Tab Shift+Tab Alt+ArrowUp Alt+ArrowDown"
          >
            {row.number}
          </button>
          <div className="row-tools">
            <button type="button" className="tiny" onClick={() => ops.move(row, -1, 'handle')} aria-label={t('writing.moveUpNamed', { name })} title={t('writing.moveUpNamed', { name })}>↑</button>
            <button type="button" className="tiny" onClick={() => ops.move(row, 1, 'handle')} aria-label={t('writing.moveDownNamed', { name })} title={t('writing.moveDownNamed', { name })}>↓</button>
            <button type="button" className="tiny" onClick={() => ops.outdent(row)} disabled={row.depth === 0} aria-label={t('writing.plan.outdent', { name })} title={t('writing.plan.outdent', { name })}>⇤</button>
            <button type="button" className="tiny" onClick={() => ops.indent(row)} aria-label={t('writing.plan.indent', { name })} title={t('writing.plan.indent', { name })} data-testid="plan-indent">⇥</button>
            <button type="button" className="tiny" onClick={() => ops.addSub(row)} disabled={row.depth >= MAX_DEPTH} aria-label={t('writing.plan.addSub', { name })} title={t('writing.plan.addSub', { name })} data-testid="plan-add-sub">+</button>
            <button type="button" className="tiny" onClick={() => ops.duplicate(row)} aria-label={t('writing.plan.duplicate', { name })} title={t('writing.plan.duplicate', { name })} data-testid="plan-duplicate">⧉</button>
            <button type="button" className="tiny danger" onClick={() => ops.remove(row)} aria-label={t('writing.deleteNamed', { name })} title={t('writing.deleteNamed', { name })} data-testid="plan-delete">✕</button>
          </div>
        </th>
        <td className="col-action">
          <CellText multiline value={richToLines(value.text)} onCommit={(text) => props.onUpdate({ text: linesToRich(text) })} label={t('writing.plan.actionOf', { name })} col="text" />
        </td>
        <td className="col-priority">
          <select
            data-col="priority"
            value={priority}
            onChange={(e) => {
              setPriority(e.target.value as Priority);
              props.onUpdate({ priority: e.target.value as Priority });
            }} aria-label={t('writing.plan.priorityOf', { name })}>
            <option value="">—</option>
            <option value="high">{t('writing.plan.high')}</option>
            <option value="medium">{t('writing.plan.medium')}</option>
            <option value="low">{t('writing.plan.low')}</option>
          </select>
        </td>
        <td className="col-timeline">
          <CellText value={value.timeline} onCommit={(timeline) => props.onUpdate({ timeline })} label={t('writing.plan.timelineOf', { name })} col="timeline" />
        </td>
        <td className="col-capacity">
          <select
            data-col="capacityNeeded"
            value={needed}
            onChange={(e) => {
              const v = e.target.value as 'yes' | 'no' | '';
              setNeeded(v);
              props.onUpdate((stored) => ({ capacityBuilding: { ...stored.capacityBuilding, needed: v } }));
            }} aria-label={t('writing.plan.capacityOf', { name })}>
            <option value="">—</option>
            <option value="yes">{t('writing.plan.yes')}</option>
            <option value="no">{t('writing.plan.no_')}</option>
          </select>
          <CellText multiline value={value.capacityBuilding.text} onCommit={(text) => props.onUpdate((stored) => ({ capacityBuilding: { ...stored.capacityBuilding, text } }))} label={t('writing.plan.capacityTextOf', { name })} col="capacityText" />
        </td>
        <td className="col-agencies">
          <CellText multiline value={value.agencies.join('\n')} onCommit={(text) => props.onUpdate({ agencies: text.split(/[;\n]/).map((a) => a.trim()).filter(Boolean) })} label={t('writing.plan.agenciesOf', { name })} col="agencies" />
          {props.organisations.length > 0 && (
            <select
              className="agency-pick"
              value=""
              aria-label={t('writing.plan.pickAgency', { name })}
              onChange={(e) => {
                const org = e.target.value;
                if (org) props.onUpdate((stored) => ({ agencies: stored.agencies.includes(org) ? stored.agencies : [...stored.agencies, org] }));
              }}
            >
              <option value="">{t('writing.plan.pickAgencyShort')}</option>
              {props.organisations.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          )}
        </td>
        <td className="col-implements">
          <Implements recs={props.recs} value={value.recommendations} name={name} onChange={(recommendations) => props.onUpdate({ recommendations })} />
        </td>
      </tr>
    </>
  );
}

/** A text cell: edits are kept while typing and saved within half a second, and when focus leaves. */
function CellText(props: { value: string; onCommit: (text: string) => void; label: string; col: Col; multiline?: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    props.onCommit(text);
  };
  const common = {
    value: draft ?? props.value,
    'aria-label': props.label,
    'data-col': props.col,
    onFocus: () => setDraft(props.value),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const text = e.target.value;
      setDraft(text);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(text), 400);
    },
    onBlur: () => {
      if (timer.current && draft !== null) commit(draft);
      setDraft(null);
    },
  };
  // Tall enough for the text at the column's width (about 32 characters a line).
  const rows = Math.min(10, Math.max(2, (draft ?? props.value).split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 32)), 0)));
  return props.multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />;
}

function Implements(props: { recs: NumberedRecommendation[]; value: readonly string[]; name: string; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [list, setList] = usePending(props.value);
  const chosen = new Set(list.map((r) => r.replace(/^rec:/, '')));
  const numbers = props.recs.filter((r) => chosen.has(r.id)).map((r) => r.number);
  return (
    <details className="implements">
      <summary data-col="implements" aria-label={t('writing.plan.implementsOf', { name: props.name, list: numbers.join(', ') || '—' })}>
        {numbers.length > 0 ? numbers.map((n) => `R${n}`).join(', ') : '—'}
      </summary>
      {props.recs.length === 0 ? (
        <p className="muted">{t('writing.recsNone')}</p>
      ) : (
        <ul className="plain-list">
          {props.recs.map((r) => (
            <li key={r.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(r.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(r.id);
                    else next.delete(r.id);
                    const ids = props.recs.filter((x) => next.has(x.id)).map((x) => `rec:${x.id}`);
                    setList(ids);
                    props.onChange(ids);
                  }}
                />
                <span>{t('writing.recNumber', { number: r.number })}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function PastePlanDialog(props: { area: string; onClose: () => void; onAdd: (rows: PastedAction[]) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const id = useId();
  const parsed = text.trim() ? parsePastedActions(text) : undefined;
  return (
    <Dialog title={t('writing.plan.pasteTitle')} onClose={props.onClose} wide testId="plan-paste-dialog">
      <p className="muted" id={`${id}-hint`}>
        {t('writing.plan.pasteHint', { area: props.area })}
      </p>
      <textarea id={id} rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('writing.plan.pasteTitle')} aria-describedby={`${id}-hint`} autoFocus />
      {parsed && (
        <p role="status">
          {t('writing.plan.pasteFound', { count: parsed.rows.length })}
          {parsed.skipped.length > 0 && ` ${t('writing.plan.pasteSkipped', { lines: parsed.skipped.join(', ') })}`}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!parsed || parsed.rows.length === 0} onClick={() => parsed && props.onAdd(parsed.rows)} data-testid="plan-paste-add">
          {t('writing.plan.pasteAdd', { count: parsed?.rows.length ?? 0 })}
        </button>
      </div>
    </Dialog>
  );
}
