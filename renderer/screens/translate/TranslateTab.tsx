/**
 * The Translate area of an assessment: pick the target language, see progress, filter the
 * texts (missing, outdated, not reviewed, by part and area), translate them side by side as
 * a virtualised list or one at a time (Ctrl+Enter saves and moves on), mark them reviewed,
 * see what changed in an outdated source, and send files to translators (XLIFF, XLSX) and
 * take them back. Every save is a translation revision (shared/translation) written with
 * repo.saveText; an imported file is written in one transaction (repo.applyImport).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isLang, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import type { Assessment, Dataset } from '../../../shared/model/types';
import { itemTexts } from '../../../shared/checklist/catalogue';
import { sourceLanguage } from '../../../shared/narrative';
import {
  exportXliff,
  filterUnits,
  importXliff,
  issueMessage,
  refusalMessage,
  translationProgress,
  translationRevisions,
  translationUnits,
  XLIFF_LIMITS,
  type ImportResult,
  type TranslationUnit,
  type UnitFilter,
} from '../../../shared/translation';
import { countryNames } from '../../../shared/translation/countries';
import { readTranslationWorkbook, translationWorkbookBytes, writeTranslationWorkbook } from '../../../shared/translation/xlsx';
import { repo, useProfile } from '../../db';
import { getBridge } from '../../platform';
import { Field } from '../../components/Field';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { useTranslateView, type StateFilter } from './store';
import './translate.css';

/** What a unit is, in the interface language: "A2.1.1 Is there … — elaboration", "Findings A2 — text", "Organisation". */
export function unitLabel(t: TFunction, unit: TranslationUnit, uiLang: Lang): string {
  const field = unit.slots[0]?.field ?? 'text';
  if (unit.part === 'answers') {
    const it = itemTexts(uiLang, unit.itemId);
    return `${unit.itemId} ${(it.text ?? it.title ?? '').trim()} — ${t(`translate.field.${field}`)}`;
  }
  if (unit.part === 'names') {
    const kind = t(`translate.kind.${unit.id === 'name.country' ? 'country' : unit.id.startsWith('pos.') ? 'pos' : 'org'}`);
    // Names are short: the name itself says which one (many positions share the kind).
    return `${kind}: ${unit.source.length > 120 ? `${unit.source.slice(0, 117)}…` : unit.source}`;
  }
  const type = unit.slots[0]?.key.split(':')[0] ?? 'section';
  if (type === 'survey') return `${t('translate.kind.survey')} ${unit.slots[0]!.key.slice(7)} — ${t('translate.field.label')}: ${unit.source}`;
  return `${t(`translate.kind.${type}`)} ${unit.group} — ${t(`translate.field.${field}`)}`;
}

type Saver = (unitId: string, target: string, reviewed: boolean) => Promise<void>;

function Changes({ unit }: { unit: TranslationUnit }) {
  const { t } = useTranslation();
  if (unit.state !== 'outdated') return null;
  if (!unit.changes) return <p className="translate-changed">{t('translate.changedUnknown')}</p>;
  return (
    <div className="translate-changed">
      <p>{t('translate.changed')}</p>
      <p className="translate-diff" lang={unit.sourceLang}>
        {unit.changes.map((c, i) => (c.kind === 'same' ? <span key={i}>{c.b}</span> : c.kind === 'onlyA' ? <del key={i}>{c.a}</del> : <ins key={i}>{c.b}</ins>))}
      </p>
    </div>
  );
}

/** One text: source beside its translation, state, review checkbox. Saves ~0.7 s after typing stops, on Ctrl+Enter and on leaving the field. */
function UnitEditor(props: { unit: TranslationUnit; lang: Lang; uiLang: Lang; save: Saver; onNext?: () => void; focus: boolean; index: number }) {
  const { t } = useTranslation();
  const { unit, lang } = props;
  const [draft, setDraft] = useState(unit.target ?? '');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = `tr-${props.index}`;

  useEffect(() => {
    if (!dirty.current) setDraft(unit.target ?? '');
  }, [unit.target]);
  useEffect(() => {
    if (props.focus) document.getElementById(id)?.focus();
  }, [props.focus, id]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = useCallback(
    async (reviewed = unit.state === 'reviewed', text = draft) => {
      clearTimeout(timer.current);
      if (text.trim() === '') return;
      dirty.current = false;
      setStatus('saving');
      await props.save(unit.id, text, reviewed);
      setStatus('saved');
    },
    [draft, props, unit.id, unit.state],
  );

  const onChange = (value: string) => {
    setDraft(value);
    dirty.current = true;
    setStatus('idle');
    clearTimeout(timer.current);
    // Changing the text takes back "reviewed".
    timer.current = setTimeout(() => void flush(false, value), 700);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void flush().then(() => props.onNext?.());
    }
  };
  const what = unitLabel(t, unit, props.uiLang);
  // The country's name: the built-in list of the UN ESCAP region offers it in each language.
  const builtIn = unit.id === 'name.country' ? countryNames(unit.source)?.[lang] : undefined;
  return (
    <article className={`translate-unit state-${unit.state}`} data-testid="translate-unit" data-unit={unit.id} aria-labelledby={`${id}-what`}>
      <header className="translate-unit-head">
        <h3 id={`${id}-what`} className="translate-what">
          {what}
        </h3>
        <span className={`badge state-${unit.state}`} data-testid="unit-state">
          {t(`translate.state.${unit.state}`)}
        </span>
        {unit.conflict && <span className="badge warn">{t('translate.conflict')}</span>}
      </header>
      <div className="translate-pair">
        <div className="translate-source">
          <span className="translate-side-label" id={`${id}-src`}>
            {t('translate.source', { lang: LANGUAGE_NAMES[unit.sourceLang] })}
          </span>
          <p lang={unit.sourceLang} aria-labelledby={`${id}-src`} className="translate-source-text">
            {unit.source}
          </p>
          <Changes unit={unit} />
        </div>
        <div className="translate-target">
          <label htmlFor={id} className="translate-side-label">
            {t('translate.targetLabel', { lang: LANGUAGE_NAMES[lang] })}
          </label>
          <AutoGrowTextarea
            id={id}
            lang={lang}
            value={draft}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => dirty.current && void flush()}
            aria-describedby={`${id}-what`}
            data-testid="translate-target"
          />
          <div className="translate-actions">
            <label className="checkbox">
              <input type="checkbox" checked={unit.state === 'reviewed'} disabled={draft.trim() === ''} onChange={(e) => void flush(e.target.checked)} data-testid="translate-reviewed" />
              <span>{t('translate.reviewed')}</span>
            </label>
            <button type="button" onClick={() => void flush().then(() => props.onNext?.())} disabled={draft.trim() === ''} data-testid="translate-save">
              {props.onNext ? t('translate.saveNext') : t('translate.save')}
            </button>
            {builtIn && builtIn !== draft && (
              <button type="button" onClick={() => { setDraft(builtIn); void flush(unit.state === 'reviewed', builtIn); }} data-testid="use-built-in">
                {t('translate.useBuiltIn', { name: builtIn })}
              </button>
            )}
            <span role="status" className="muted translate-status">
              {status === 'saving' ? t('translate.saving') : status === 'saved' ? t('translate.saved') : ''}
            </span>
          </div>
        </div>
      </div>
    </article>
  );
}

function VirtualList(props: { units: readonly TranslationUnit[]; lang: Lang; uiLang: Lang; save: Saver; focusUnit: string | undefined }) {
  const parent = useRef<HTMLDivElement>(null);
  const start = Math.max(0, props.units.findIndex((u) => u.id === props.focusUnit));
  const [focusIndex, setFocusIndex] = useState<number | undefined>(props.focusUnit ? start : undefined);
  // The virtualiser's functions are not memoisable (React Compiler skips this component, as intended).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: props.units.length, getScrollElement: () => parent.current, estimateSize: () => 220, overscan: 3 });
  useEffect(() => {
    if (focusIndex !== undefined) virtualizer.scrollToIndex(focusIndex, { align: 'start' });
  }, [focusIndex, virtualizer]);
  // Focus the next row's text area once it is rendered.
  useEffect(() => {
    if (focusIndex === undefined) return;
    const el = document.getElementById(`tr-${focusIndex}`);
    if (el && document.activeElement !== el) el.focus();
  });
  return (
    <div ref={parent} className="translate-scroll" data-testid="translate-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const unit = props.units[row.index]!;
          return (
            <div key={unit.id} data-index={row.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}>
              <UnitEditor unit={unit} lang={props.lang} uiLang={props.uiLang} save={props.save} index={row.index} focus={row.index === focusIndex} onNext={row.index + 1 < props.units.length ? () => setFocusIndex(row.index + 1) : undefined} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SingleView(props: { units: readonly TranslationUnit[]; lang: Lang; uiLang: Lang; save: Saver; focusUnit: string | undefined }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(Math.max(0, props.units.findIndex((u) => u.id === props.focusUnit)));
  const i = Math.min(index, props.units.length - 1);
  const unit = props.units[i]!;
  return (
    <div className="translate-single">
      <div className="translate-nav">
        <button type="button" onClick={() => setIndex(Math.max(0, i - 1))} disabled={i === 0}>
          {t('translate.previous')}
        </button>
        <span aria-live="polite">{t('translate.position', { n: i + 1, total: props.units.length })}</span>
        <button type="button" onClick={() => setIndex(Math.min(props.units.length - 1, i + 1))} disabled={i >= props.units.length - 1}>
          {t('translate.next')}
        </button>
      </div>
      <UnitEditor key={unit.id} unit={unit} lang={props.lang} uiLang={props.uiLang} save={props.save} index={i} focus onNext={i + 1 < props.units.length ? () => setIndex(i + 1) : undefined} />
    </div>
  );
}

type FileState = { kind: 'idle' } | { kind: 'checking' } | { kind: 'preview'; name: string; result: Extract<ImportResult, { ok: true }> } | { kind: 'message'; text: string; error: boolean };

function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b;
}

/** Export for translators and import of their files, with a preview before anything is written. */
function FilesPanel(props: { dataset: Dataset; lang: Lang; units: readonly TranslationUnit[]; author: () => { by: string; byName: string; deviceId: string } | undefined }) {
  const { t, i18n } = useTranslation();
  const uiLang = (isLang(i18n.language) ? i18n.language : 'en') as Lang;
  const [state, setState] = useState<FileState>({ kind: 'idle' });
  const { dataset, lang } = props;
  const base = `${dataset.assessment.country || 'assessment'}-${lang}`.replace(/[^\p{L}\p{N}-]+/gu, '-');

  const exportFile = async (format: 'xliff' | 'xlsx') => {
    let bytes: Uint8Array;
    if (format === 'xliff') bytes = new TextEncoder().encode(exportXliff(dataset, lang, props.units));
    else {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      writeTranslationWorkbook(wb, dataset, lang, props.units);
      bytes = await translationWorkbookBytes(wb, dataset);
    }
    const saved = await getBridge().saveFile({
      suggestedName: `${base}.${format === 'xliff' ? 'xlf' : 'xlsx'}`,
      bytes,
      filters: [format === 'xliff' ? { name: 'XLIFF 2.0', extensions: ['xlf', 'xliff'] } : { name: 'Excel', extensions: ['xlsx'] }],
    });
    if (saved.saved) setState({ kind: 'message', text: t('translate.exported', { file: saved.name }), error: false });
  };

  const check = async (file: File) => {
    if (file.size > XLIFF_LIMITS.bytes) {
      setState({ kind: 'message', text: refusalMessage(uiLang, { code: 'tooLarge', params: { limit: XLIFF_LIMITS.bytes } }), error: true });
      return;
    }
    setState({ kind: 'checking' });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let result: ImportResult;
      if (isZip(bytes)) {
        const ExcelJS = (await import('exceljs')).default;
        const wb = new ExcelJS.Workbook();
        try {
          await wb.xlsx.load(bytes.buffer as ArrayBuffer);
          result = readTranslationWorkbook(wb, dataset, lang);
        } catch {
          result = { ok: false, refusal: { code: 'notXlsx' } };
        }
      } else result = importXliff(dataset, bytes, lang);
      if (!result.ok) setState({ kind: 'message', text: refusalMessage(uiLang, result.refusal), error: true });
      else setState({ kind: 'preview', name: file.name, result });
    } catch {
      setState({ kind: 'message', text: t('translate.readFailed'), error: true });
    }
  };

  const apply = async (result: Extract<ImportResult, { ok: true }>) => {
    const author = props.author();
    if (!author) return;
    const { revisions } = translationRevisions(dataset, lang, result.edits, { author, at: new Date().toISOString(), newId: () => crypto.randomUUID() }, props.units);
    if (revisions.length === 0) {
      setState({ kind: 'message', text: t('translate.nothingToApply'), error: false });
      return;
    }
    // One transaction: all the file's translations or none.
    await repo.applyImport({ assessments: [], stakeholders: [], interviews: [], answers: [], consolidated: [], texts: revisions, tombstones: [], attachments: [] }, []);
    setState({ kind: 'message', text: t('translate.applied', { count: revisions.length }), error: false });
  };

  return (
    <section className="card panel" aria-labelledby="translate-files">
      <h2 id="translate-files">{t('translate.files')}</h2>
      <p className="muted">{t('translate.filesIntro')}</p>
      <div className="form-actions">
        <button type="button" onClick={() => void exportFile('xliff')} data-testid="export-xliff">
          {t('translate.exportXliff')}
        </button>
        <button type="button" onClick={() => void exportFile('xlsx')} data-testid="export-xlsx">
          {t('translate.exportXlsx')}
        </button>
      </div>
      <Field label={t('translate.importFile')}>
        {(id) => (
          <input
            id={id}
            type="file"
            accept=".xlf,.xliff,.xml,.xlsx"
            data-testid="import-translation"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void check(f);
            }}
          />
        )}
      </Field>
      {state.kind === 'checking' && <p role="status">{t('translate.checking')}</p>}
      {state.kind === 'message' && (
        <p className={`notice ${state.error ? 'error' : 'ok'}`} role={state.error ? 'alert' : 'status'} data-testid="translate-file-message">
          {state.text}
        </p>
      )}
      {state.kind === 'preview' && (
        <div className="translate-preview" data-testid="translate-preview">
          <p>
            <strong>{state.name}</strong>: {t('translate.preview', { count: state.result.edits.length, unchanged: state.result.unchanged, empty: state.result.empty })}
          </p>
          {state.result.issues.length > 0 && (
            <>
              <p>{t('translate.issues', { count: state.result.issues.length })}</p>
              <ul className="translate-issues" tabIndex={0}>
                {state.result.issues.slice(0, 50).map((i) => (
                  <li key={i.unitId}>{issueMessage(uiLang, i)}</li>
                ))}
              </ul>
            </>
          )}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void apply(state.result)} disabled={state.result.edits.length === 0} data-testid="apply-translation">
              {t('translate.apply')}
            </button>
            <button type="button" onClick={() => setState({ kind: 'idle' })}>
              {t('translate.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function TranslateTab({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const uiLang = (isLang(i18n.language) ? i18n.language : 'en') as Lang;
  const dataset = useLiveQuery(() => repo.liveDataset(assessment.id), [assessment.id]);
  const profile = useProfile();
  const view = useTranslateView();
  const source = sourceLanguage(assessment);
  const targets = assessment.reportLanguages.filter((l) => l !== source);
  const lang = view.lang && targets.includes(view.lang) ? view.lang : targets[0];
  const units = useMemo(() => (dataset && lang ? translationUnits(dataset, lang, uiLang) : []), [dataset, lang, uiLang]);
  const filter: UnitFilter = useMemo(
    () => ({ ...(view.state !== 'all' ? { states: [view.state] } : {}), ...(view.part !== 'all' ? { part: view.part } : {}), ...(view.group ? { group: view.group } : {}), ...(view.query ? { query: view.query } : {}) }),
    [view.state, view.part, view.group, view.query],
  );
  const shown = useMemo(() => {
    const list = filterUnits(units, filter);
    if (!view.query) return list;
    // The search also finds the interface-language question text of answers.
    const q = view.query.trim().toLocaleLowerCase();
    const more = units.filter((u) => !list.includes(u) && filterUnits([u], { ...filter, query: undefined }).length > 0 && unitLabel(t, u, uiLang).toLocaleLowerCase().includes(q));
    return units.filter((u) => list.includes(u) || more.includes(u));
  }, [units, filter, view.query, t, uiLang]);
  const groups = useMemo(() => [...new Set(units.filter((u) => view.part === 'all' || u.part === view.part).map((u) => u.group).filter(Boolean))], [units, view.part]);

  const author = useCallback(() => (profile ? { by: profile.id, byName: profile.name, deviceId: profile.deviceId } : undefined), [profile]);
  const save: Saver = useCallback(
    async (unitId, target, reviewed) => {
      if (!dataset || !lang || !profile) return;
      const { revisions } = translationRevisions(dataset, lang, [{ unitId, target, reviewed }], { author: author()!, at: new Date().toISOString(), newId: () => crypto.randomUUID() }, units);
      for (const r of revisions) {
        await repo.saveText({ assessmentId: assessment.id, key: r.key, lang }, r.value, profile, { ...(r.translates ? { translates: r.translates } : {}), ...(r.translationState ? { translationState: r.translationState } : {}) });
      }
    },
    [dataset, lang, profile, units, author, assessment.id],
  );

  if (!dataset) return <p className="loading">{t('common.loading')}</p>;
  if (!lang) {
    return (
      <div className="tab-content">
        <p className="notice">{t('translate.noTargets', { source: LANGUAGE_NAMES[source] })}</p>
      </div>
    );
  }
  const p = translationProgress(units, lang);
  const listProps = { units: shown, lang, uiLang, save, focusUnit: view.focusUnit };
  return (
    <div className="tab-content translate-tab">
      <section className="card panel" aria-labelledby="translate-title">
        <h2 id="translate-title">{t('translate.title')}</h2>
        <p className="muted">{t('translate.intro', { source: LANGUAGE_NAMES[source] })}</p>
        <div className="field-row">
          <Field label={t('translate.sourceLanguage')} hint={t('translate.sourceLanguageHint')}>
            {(id, hint) => (
              <select
                id={id}
                aria-describedby={hint}
                value={source}
                onChange={(e) => void repo.updateAssessment(assessment.id, { sourceLanguage: e.target.value as Lang })}
                data-testid="translate-source-lang"
              >
                {assessment.reportLanguages.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('translate.target')}>
            {(id) => (
              <select id={id} value={lang} onChange={(e) => view.set({ lang: e.target.value as Lang, focusUnit: undefined })} data-testid="translate-lang">
                {targets.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="translate-progress" data-testid="translate-progress">
          <strong>{t('translate.progress', { count: p.total, done: p.done, language: t(`translate.langName.${lang}`) })}</strong>
          <span className="muted"> · {t('translate.progressDetail', { reviewed: p.reviewed, outdated: p.outdated, missing: p.missing })}</span>
        </p>
        <progress max={Math.max(1, p.total)} value={p.done} aria-label={t('translate.progress', { count: p.total, done: p.done, language: t(`translate.langName.${lang}`) })} />
        <fieldset className="translate-filters">
          <legend>{t('translate.filters')}</legend>
          <Field label={t('translate.show')}>
            {(id) => (
              <select id={id} value={view.state} onChange={(e) => view.set({ state: e.target.value as StateFilter, focusUnit: undefined })} data-testid="translate-filter-state">
                {(['all', 'missing', 'outdated', 'notReviewed'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`translate.states.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('translate.part')}>
            {(id) => (
              <select id={id} value={view.part} onChange={(e) => view.set({ part: e.target.value as typeof view.part, group: '', focusUnit: undefined })} data-testid="translate-filter-part">
                {(['all', 'answers', 'narrative', 'names'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`translate.parts.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('translate.group')}>
            {(id) => (
              <select id={id} value={view.group} onChange={(e) => view.set({ group: e.target.value, focusUnit: undefined })} data-testid="translate-filter-group">
                <option value="">{t('translate.allGroups')}</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('translate.search')}>
            {(id) => <input id={id} type="search" value={view.query} onChange={(e) => view.set({ query: e.target.value, focusUnit: undefined })} data-testid="translate-search" />}
          </Field>
          <Field label={t('translate.view')}>
            {(id) => (
              <select id={id} value={view.view} onChange={(e) => view.set({ view: e.target.value === 'single' ? 'single' : 'list' })} data-testid="translate-view">
                <option value="list">{t('translate.views.list')}</option>
                <option value="single">{t('translate.views.single')}</option>
              </select>
            )}
          </Field>
        </fieldset>
        <p className="muted" aria-live="polite">
          {t('translate.shown', { count: shown.length })} · {t('translate.keyboard')}
        </p>
        {shown.length === 0 ? <p className="notice">{t('translate.none')}</p> : view.view === 'single' ? <SingleView key={`${lang}|${shown.length}`} {...listProps} /> : <VirtualList key={lang} {...listProps} />}
      </section>
      <FilesPanel dataset={dataset} lang={lang} units={units} author={author} />
    </div>
  );
}
