/**
 * The Report writing area of an assessment: the outline with each section's state and word
 * count (titles editable, what the Word file includes, the report date), and from it the
 * editors — sections, findings per area beside their evidence, recommendations, the action
 * plan, the Global Survey figures and the workshop participants. Everything written is a
 * text revision (repo.saveText), so it travels in bundles and merges like answers.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import type { Assessment, Dataset, TextValue } from '../../../shared/model/types';
import { EMPTY_RICH, currentText, hasNarrative, headingText, isSectionId, reportOutline, type OutlineEntry, type SectionId } from '../../../shared/narrative';
import { repo } from '../../db';
import { useReportChoices } from '../../state/reportChoices';
import { ActionPlanPane } from './ActionPlanPane';
import { ContextPane } from './ContextPane';
import { FindingPane } from './FindingPane';
import { RecommendationsPane } from './RecommendationsPane';
import { SectionPane } from './SectionPane';
import { editLang, useSaveState, useUpdateText } from './save';
import { useWriting, type WritingPane } from './store';
import { WorkshopPane } from './WorkshopPane';
import './writing.css';

const Charts = lazy(() => import('./Charts'));

export function WritingTab({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const dataset = useLiveQuery(() => repo.liveDataset(assessment.id), [assessment.id]);
  const pane = useWriting((s) => s.panes[assessment.id]) ?? { kind: 'outline' };
  const open = useWriting((s) => s.open);
  const heading = useRef<HTMLDivElement>(null);
  const go = (p: WritingPane) => open(assessment.id, p);

  // A newly opened pane starts at its heading, with focus there for screen readers.
  const paneId = JSON.stringify(pane);
  useEffect(() => {
    heading.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: false });
  }, [paneId]);

  if (!dataset) return <p className="loading">{t('common.loading')}</p>;
  const lang = (i18n.language as Lang) ?? 'en';
  const back = (
    <button type="button" className="link-button writing-back" onClick={() => go({ kind: 'outline' })} data-testid="writing-back">
      ← {t('writing.backToOutline')}
    </button>
  );
  return (
    <div className="tab-content writing" ref={heading}>
      <div className="writing-status">
        <SaveStatus />
      </div>
      {pane.kind === 'outline' && <Outline assessment={assessment} dataset={dataset} lang={lang} onOpen={go} />}
      {pane.kind === 'section' && <SectionPane assessment={assessment} dataset={dataset} id={pane.id} lang={lang} back={back} />}
      {pane.kind === 'finding' && <FindingPane assessment={assessment} dataset={dataset} area={pane.area} lang={lang} back={back} onOpen={go} />}
      {pane.kind === 'recommendations' && <RecommendationsPane assessment={assessment} dataset={dataset} lang={lang} back={back} />}
      {pane.kind === 'actionPlan' && <ActionPlanPane assessment={assessment} dataset={dataset} lang={lang} back={back} />}
      {pane.kind === 'context' && <ContextPane assessment={assessment} dataset={dataset} lang={lang} back={back} />}
      {pane.kind === 'workshop' && <WorkshopPane assessment={assessment} dataset={dataset} back={back} />}
    </div>
  );
}

function SaveStatus() {
  const { t } = useTranslation();
  const { pending, failed } = useSaveState();
  const status = failed ? 'error' : pending > 0 ? 'saving' : 'saved';
  return (
    <p className={`save-status ${status}`} role="status" data-testid="writing-save-status" data-status={status}>
      {t(`writing.save.${status}`)}
    </p>
  );
}

/** Where an outline entry opens. */
function paneOf(entry: OutlineEntry): WritingPane | undefined {
  if (!isSectionId(entry.id)) return { kind: 'finding', area: entry.id };
  switch (entry.id) {
    case 'context':
      return { kind: 'context' };
    case 'recommendations':
    case 'recommendationsTechnical':
    case 'recommendationsLegal':
      return { kind: 'recommendations' };
    case 'actionPlan':
      return { kind: 'actionPlan' };
    case 'annexII':
      return { kind: 'workshop' };
    case 'annexI':
    case 'annexIII':
    case 'annexIV':
      return undefined;
    default:
      return { kind: 'section', id: entry.id };
  }
}

function Outline(props: { assessment: Assessment; dataset: Dataset; lang: Lang; onOpen: (p: WritingPane) => void }) {
  const { t } = useTranslation();
  const { assessment, dataset } = props;
  const outline = useMemo(() => reportOutline(dataset, props.lang), [dataset, props.lang]);
  const chosen = useReportChoices((s) => s.sections[assessment.id]);
  const setSections = useReportChoices((s) => s.setSections);
  const sections = chosen ?? (hasNarrative(dataset) ? 'full' : 'annexes');
  const dateId = useId();
  const rows: Array<{ entry: OutlineEntry; depth: number }> = [];
  for (const e of outline) {
    rows.push({ entry: e, depth: 0 });
    if (e.id === 'technical' || e.id === 'legal') for (const c of e.children) rows.push({ entry: c, depth: 1 });
  }
  return (
    <>
      <section className="card panel" aria-labelledby="writing-settings">
        <h2 id="writing-settings" tabIndex={-1}>
          {t('writing.title')}
        </h2>
        <p className="muted">{t('writing.intro')}</p>
        <div className="writing-settings">
          <fieldset className="radio-row">
            <legend>{t('writing.contents')}</legend>
            <label className="checkbox">
              <input type="radio" name="report-sections" checked={sections === 'full'} onChange={() => setSections(assessment.id, 'full')} data-testid="writing-sections-full" />
              <span>{t('reportSections.full')}</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="report-sections" checked={sections === 'annexes'} onChange={() => setSections(assessment.id, 'annexes')} data-testid="writing-sections-annexes" />
              <span>{t('reportSections.annexes')}</span>
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor={dateId}>{t('writing.reportDate')}</label>
            <input
              id={dateId}
              type="date"
              value={assessment.reportDate ?? ''}
              onChange={(e) => void repo.updateAssessment(assessment.id, { reportDate: e.target.value })}
              aria-describedby={`${dateId}-hint`}
              data-testid="writing-report-date"
            />
            <p className="field-hint" id={`${dateId}-hint`}>
              {t('writing.reportDateHint')}
            </p>
          </div>
        </div>
      </section>
      <section className="card panel" aria-labelledby="writing-outline">
        <h2 id="writing-outline">{t('writing.outline')}</h2>
        <div className="table-scroll">
          <table className="data-table compact outline-table" data-testid="writing-outline">
            <thead>
              <tr>
                <th scope="col" className="col-number">{t('writing.number')}</th>
                <th scope="col">{t('writing.sectionTitle')}</th>
                <th scope="col" className="col-state">{t('writing.stateLabel')}</th>
                <th scope="col" className="col-words">{t('writing.wordsLabel')}</th>
                <th scope="col" className="col-open"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ entry, depth }) => (
                <OutlineRow key={entry.key} entry={entry} depth={depth} assessment={assessment} dataset={dataset} onOpen={props.onOpen} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <Charts dataset={dataset} lang={props.lang} which="readiness" />
      </Suspense>
    </>
  );
}

function OutlineRow(props: { entry: OutlineEntry; depth: number; assessment: Assessment; dataset: Dataset; onOpen: (p: WritingPane) => void }) {
  const { t } = useTranslation();
  const { entry } = props;
  const pane = paneOf(entry);
  const heading = headingText(entry);
  return (
    <tr className={props.depth > 0 ? 'outline-child' : 'outline-top'} data-key={entry.key}>
      <td className="col-number">{entry.number}</td>
      <th scope="row">
        {isSectionId(entry.id) ? <TitleInput assessment={props.assessment} dataset={props.dataset} id={entry.id} entry={entry} /> : <span>{entry.title}</span>}
        {entry.conflict && (
          <span className="badge warn" data-testid="outline-conflict">
            {t('writing.conflict')}
          </span>
        )}
        {entry.count !== undefined && entry.count > 0 && <span className="muted outline-count"> · {t(`writing.count.${entry.id}`, { count: entry.count, defaultValue: String(entry.count) })}</span>}
      </th>
      <td className="col-state">
        <span className={`badge state-${entry.state}`}>{t(`writing.state.${entry.state}`)}</span>
        {entry.generated && entry.state === 'empty' && <span className="muted"> {t('writing.generated')}</span>}
      </td>
      <td className="col-words">{entry.words}</td>
      <td className="col-open">
        {pane && (
          <button type="button" onClick={() => props.onOpen(pane)} aria-label={t('writing.openSection', { title: heading })} data-testid={`open-${entry.id}`}>
            {t('writing.open')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** A section's title, editable per assessment: blank means the default title. */
function TitleInput(props: { assessment: Assessment; dataset: Dataset; id: SectionId; entry: OutlineEntry }) {
  const { t } = useTranslation();
  const update = useUpdateText(props.assessment);
  const key = props.entry.key;
  const lang = editLang(props.dataset, key);
  const slot = currentText(props.dataset, key, lang);
  const own = slot.value?.kind === 'section' ? (slot.value.title ?? '') : '';
  const [value, setValue] = useState(own);
  const [editing, setEditing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shown = editing ? value : own;
  const save = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const title = text.trim();
    void update(key, lang, { kind: 'section', body: EMPTY_RICH, state: 'draft' }, (v) => {
      const { title: _old, ...rest } = v as Extract<TextValue, { kind: 'section' }>;
      return title ? { ...rest, title } : rest;
    });
  };
  return (
    <input
      type="text"
      className="outline-title"
      value={shown}
      placeholder={props.entry.defaultTitle}
      aria-label={t('writing.titleOf', { title: props.entry.defaultTitle })}
      onFocus={() => {
        setValue(own);
        setEditing(true);
      }}
      onChange={(e) => {
        const text = e.target.value;
        setValue(text);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => save(text), 500);
      }}
      onBlur={() => {
        if (timer.current) save(value);
        setEditing(false);
      }}
      data-testid={`title-${props.id}`}
    />
  );
}
