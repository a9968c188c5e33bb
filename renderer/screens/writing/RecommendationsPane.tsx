/**
 * Section V: recommendations numbered within the technical and the legal part (as in the
 * published report), each under an area, linked to checklist items and findings. Add,
 * edit, reorder, delete (a `deleted` revision of the slot).
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getItem, itemLabel } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import type { Assessment, Dataset, ReportPart, RichText } from '../../../shared/model/types';
import {
  EMPTY_RICH,
  currentText,
  findingAreas,
  findingKey,
  partsOf,
  recKey,
  recommendations,
  sectionKey,
  sourceLanguage,
  type NumberedRecommendation,
  type RecommendationValue,
} from '../../../shared/narrative';
import { RichTextEditor, type RichTextEditorHandle } from '../../components/richtext/RichTextEditor';
import { normaliseItemId } from '../wizard/normaliseItemId';
import { useRouter } from '../../state/router';
import { SectionPane } from './SectionPane';
import { TextAttachments } from './TextAttachments';
import { TextConflict } from './TextConflict';
import { TextSlotEditor } from './TextSlotEditor';
import { editLang, usePending, useUpdateText, useWriteText } from './save';

/** Focuses the element once the page shows it (tries for about half a second of frames). */
function focusWhenShown(selector: string, frames = 30) {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) el.focus();
    else if (frames > 0) focusWhenShown(selector, frames - 1);
  });
}

/** Areas a recommendation or action can sit under: the parts and their areas, in catalogue order. */
export function areaOptions(part: ReportPart): string[] {
  return partsOf(part).flatMap((p) => [p.id, ...findingAreas(part).filter((a) => a.parent === p.id).map((a) => a.id)]);
}

/** "A2.1.1, a2.1.2; I.A.1" → ids; unknown ones reported separately. */
export function parseIds(text: string): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[,;\s]+/)) {
    if (raw.trim() === '') continue;
    const id = normaliseItemId(raw);
    if (getItem(id)) {
      if (!ids.includes(id)) ids.push(id);
    } else unknown.push(raw.trim());
  }
  return { ids, unknown };
}

export function RecommendationsPane(props: { assessment: Assessment; dataset: Dataset; lang: Lang; back: ReactNode }) {
  const { t } = useTranslation();
  const srcLang = sourceLanguage(props.assessment);
  const recs = recommendations(props.dataset, srcLang);
  return (
    <SectionPane assessment={props.assessment} dataset={props.dataset} id="recommendations" lang={props.lang} back={props.back}>
      {(['technical', 'legal'] as const).map((part) => (
        <RecPart key={part} assessment={props.assessment} dataset={props.dataset} part={part} list={recs[part]} lang={props.lang} />
      ))}
      <p className="muted">{t('writing.recsHint')}</p>
    </SectionPane>
  );
}

function RecPart(props: { assessment: Assessment; dataset: Dataset; part: ReportPart; list: NumberedRecommendation[]; lang: Lang }) {
  const { t } = useTranslation();
  const write = useWriteText(props.assessment);
  const updateText = useUpdateText(props.assessment);
  const { part, list } = props;
  const add = () => {
    const id = crypto.randomUUID();
    const last = list[list.length - 1];
    const area = last?.value.area ?? areaOptions(part)[1] ?? areaOptions(part)[0]!;
    const value: RecommendationValue = { kind: 'recommendation', part, area, order: (last?.value.order ?? 0) + 1, body: EMPTY_RICH, items: [], findings: [findingKey(area)].filter(() => !!getItem(area) && getItem(area)!.depth === 1), state: 'draft' };
    void write(recKey(id), value);
    // Focus the new recommendation's text once it is shown (after the write comes back).
    focusWhenShown(`[data-rec-id="${id}"] .rt-editor`);
  };
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= list.length) return;
    const next = [...list];
    [next[index], next[target]] = [next[target]!, next[index]!];
    next.forEach((r, i) => {
      if (r.value.order !== i + 1) void updateText(r.key, editLang(props.dataset, r.key), r.value, (v) => ({ ...(v as RecommendationValue), order: i + 1 }));
    });
    focusWhenShown(`[data-rec-id="${list[index]!.id}"] [data-move="${delta < 0 ? 'up' : 'down'}"]:not(:disabled)`);
  };
  return (
    <section className="rec-part" aria-labelledby={`recs-${part}`} data-testid={`recs-${part}`}>
      <h3 id={`recs-${part}`}>{t(`writing.recs.${part}`)}</h3>
      <details className="part-intro">
        <summary>{t('writing.partIntro')}</summary>
        <TextSlotEditor assessment={props.assessment} dataset={props.dataset} textKey={sectionKey(part === 'technical' ? 'recommendationsTechnical' : 'recommendationsLegal')} kind="section" label={t('writing.partIntroOf', { part: t(`writing.recs.${part}`) })} testId={`intro-${part}`} compact />
      </details>
      {list.length === 0 && <p className="muted">{t('writing.recsNone')}</p>}
      <ol className="rec-list">
        {list.map((r, i) => (
          <RecCard key={r.key} assessment={props.assessment} dataset={props.dataset} rec={r} lang={props.lang} first={i === 0} last={i === list.length - 1} onMove={(d) => move(i, d)} />
        ))}
      </ol>
      <button type="button" onClick={add} data-testid={`add-rec-${part}`}>
        {t('writing.addRec')}
      </button>
    </section>
  );
}

function RecCard(props: { assessment: Assessment; dataset: Dataset; rec: NumberedRecommendation; lang: Lang; first: boolean; last: boolean; onMove: (delta: -1 | 1) => void }) {
  const { t } = useTranslation();
  const write = useWriteText(props.assessment);
  const updateText = useUpdateText(props.assessment);
  const navigate = useRouter((s) => s.navigate);
  const { rec, dataset } = props;
  const key = rec.key;
  const lang = editLang(dataset, key);
  const slot = currentText(dataset, key, lang);
  const editor = useRef<RichTextEditorHandle>(null);
  const [confirming, setConfirming] = useState(false);
  const [area, setArea] = usePending(rec.value.area);
  const [reviewed, setReviewed] = usePending(rec.value.state === 'reviewed');
  const [itemsText, setItemsText] = useState<string | null>(null);
  const [findingsText, setFindingsText] = useState<string | null>(null);
  const [error, setError] = useState('');
  const ids = useId();
  const update = (patch: Partial<RecommendationValue>) => {
    editor.current?.flush();
    void updateText(key, lang, rec.value, (v) => ({ ...(v as RecommendationValue), ...patch }));
  };
  const onBody = (body: RichText) => void updateText(key, lang, rec.value, (v) => ({ ...(v as RecommendationValue), body }));
  const commitIds = (text: string, field: 'items' | 'findings') => {
    const { ids: list, unknown } = parseIds(text);
    setError(unknown.length > 0 ? t('writing.unknownIds', { ids: unknown.join(', ') }) : '');
    if (field === 'items') update({ items: list });
    else update({ findings: list.filter((id) => getItem(id)?.depth === 1).map(findingKey) });
  };
  const label = t('writing.recNumber', { number: rec.number });
  return (
    <li className="rec-card card" data-rec-id={rec.id} data-testid="rec-card">
      <div className="rec-head">
        <h4 data-testid="rec-number">{label}</h4>
        <label className="inline-field">
          <span>{t('writing.area')}</span>
          <select
            value={area}
            onChange={(e) => {
              setArea(e.target.value);
              update({ area: e.target.value });
            }}
            data-testid="rec-area"
          >
            {areaOptions(rec.value.part).map((a) => (
              <option key={a} value={a}>
                {`${a} ${itemLabel(props.lang, a)}`}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-spacer" />
        <button type="button" className="small" disabled={props.first} onClick={() => props.onMove(-1)} aria-label={t('writing.moveUpNamed', { name: label })} data-move="up">
          ↑
        </button>
        <button type="button" className="small" disabled={props.last} onClick={() => props.onMove(1)} aria-label={t('writing.moveDownNamed', { name: label })} data-move="down">
          ↓
        </button>
        {confirming ? (
          <>
            <button type="button" className="small danger" onClick={() => void write(key, { kind: 'deleted' }, lang)} data-testid="rec-delete-confirm">
              {t('writing.confirmDelete')}
            </button>
            <button type="button" className="small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="small danger" onClick={() => setConfirming(true)} aria-label={t('writing.deleteNamed', { name: label })} data-testid="rec-delete">
            {t('common.delete')}
          </button>
        )}
      </div>
      {slot.conflict && <TextConflict assessment={props.assessment} heads={slot.heads} lang={lang} />}
      <RichTextEditor
        ref={editor}
        value={rec.value.body}
        onChange={onBody}
        label={t('writing.textOf', { title: label })}
        lang={lang}
        compact
        refHref={(id) => `#/a/${encodeURIComponent(props.assessment.id)}/consolidation/${encodeURIComponent(id)}`}
        onOpenRef={(id) => navigate({ name: 'assessment', assessmentId: props.assessment.id, tab: 'consolidation', itemId: id })}
        testId="rec-body"
      />
      <div className="field-row rec-links">
        <div className="field">
          <label htmlFor={`${ids}-items`}>{t('writing.recItems')}</label>
          <input
            id={`${ids}-items`}
            type="text"
            value={itemsText ?? rec.value.items.join(', ')}
            placeholder="A2.1.1, A2.1.2"
            onChange={(e) => setItemsText(e.target.value)}
            onBlur={() => {
              if (itemsText !== null) commitIds(itemsText, 'items');
              setItemsText(null);
            }}
            data-testid="rec-items"
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-findings`}>{t('writing.recFindings')}</label>
          <input
            id={`${ids}-findings`}
            type="text"
            value={findingsText ?? rec.value.findings.map((f) => f.replace(/^finding:/, '')).join(', ')}
            placeholder="A2, B1"
            onChange={(e) => setFindingsText(e.target.value)}
            onBlur={() => {
              if (findingsText !== null) commitIds(findingsText, 'findings');
              setFindingsText(null);
            }}
            data-testid="rec-findings"
          />
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={reviewed}
          onChange={(e) => {
            setReviewed(e.target.checked);
            update({ state: e.target.checked ? 'reviewed' : 'draft' });
          }}
        />
        <span>{t('writing.reviewed')}</span>
      </label>
      <TextAttachments assessment={props.assessment} textKey={key} />
    </li>
  );
}
