/**
 * Section II: the context text and the UN Global Survey figures entered as data — per
 * survey year the country's rate per group of measures, its overall rate and comparison
 * rates (e.g. Asia-Pacific, the sub-region) — with the charts the report draws from them.
 */
import { lazy, Suspense, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import type { Assessment, Dataset, SurveyRate } from '../../../shared/model/types';
import { SURVEY_GROUPS, sourceLanguage, surveyGroupLabel, surveyKey, surveys, type SurveyValue } from '../../../shared/narrative';
import { SectionPane } from './SectionPane';
import { editLang, useUpdateText, useWriteText } from './save';

const Charts = lazy(() => import('./Charts'));

export function ContextPane(props: { assessment: Assessment; dataset: Dataset; lang: Lang; back: ReactNode }) {
  const { t } = useTranslation();
  const write = useWriteText(props.assessment);
  const years = surveys(props.dataset, sourceLanguage(props.assessment));
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [newYear, setNewYear] = useState('');
  const [error, setError] = useState('');
  const yearId = useId();
  const current = years.find((y) => y.year === chosen) ?? years[years.length - 1];
  const addYear = () => {
    const year = Number(newYear.trim());
    if (!/^\d{4}$/.test(newYear.trim()) || year < 2000 || year > 2100) {
      setError(t('writing.survey.badYear'));
      return;
    }
    if (years.some((y) => y.year === year)) {
      setError(t('writing.survey.yearExists', { year }));
      return;
    }
    setError('');
    setNewYear('');
    setChosen(year);
    const previous = years[years.length - 1];
    // A new year starts with the previous year's comparison labels (the figures change).
    void write(surveyKey(year), { kind: 'survey', year, rates: [], overall: null, comparisons: (previous?.comparisons ?? []).map((c) => ({ label: c.label, overall: null, rates: [] })) });
  };
  return (
    <SectionPane assessment={props.assessment} dataset={props.dataset} id="context" lang={props.lang} back={props.back}>
      <section className="survey" aria-labelledby="survey-title">
        <h3 id="survey-title">{t('writing.survey.title')}</h3>
        <p className="muted">{t('writing.survey.intro')}</p>
        <div className="toolbar">
          {years.length > 0 && (
            <div role="group" aria-label={t('writing.survey.years')} className="year-tabs">
              {years.map((y) => (
                <button key={y.year} type="button" aria-pressed={current?.year === y.year} onClick={() => setChosen(y.year)} data-testid={`survey-year-${y.year}`}>
                  {y.year}
                </button>
              ))}
            </div>
          )}
          <span className="toolbar-spacer" />
          <label className="inline-field" htmlFor={yearId}>
            <span>{t('writing.survey.newYear')}</span>
            <input id={yearId} type="text" inputMode="numeric" size={6} value={newYear} onChange={(e) => setNewYear(e.target.value)} aria-invalid={error !== ''} data-testid="survey-new-year" />
          </label>
          <button type="button" onClick={addYear} data-testid="survey-add-year">
            {t('writing.survey.addYear')}
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {current ? <SurveyTable key={current.year} assessment={props.assessment} dataset={props.dataset} value={current} lang={props.lang} /> : <p className="muted">{t('writing.survey.none')}</p>}
      </section>
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <Charts dataset={props.dataset} lang={props.lang} which="survey" />
      </Suspense>
    </SectionPane>
  );
}

function setRate(rates: readonly SurveyRate[], group: string, rate: number | null): SurveyRate[] {
  const rest = rates.filter((r) => r.group !== group);
  return rate === null ? rest : [...rest, { group, rate }];
}

function SurveyTable(props: { assessment: Assessment; dataset: Dataset; value: SurveyValue; lang: Lang }) {
  const { t } = useTranslation();
  const write = useWriteText(props.assessment);
  const updateText = useUpdateText(props.assessment);
  const key = surveyKey(props.value.year);
  const [confirming, setConfirming] = useState(false);
  /** Changes the stored figures (read at write time, so quick edits of two cells both stay). */
  const change = (f: (v: SurveyValue) => SurveyValue) => void updateText(key, editLang(props.dataset, key), props.value, (v) => f(v as SurveyValue));
  const v = props.value;
  const rateOf = (rates: readonly SurveyRate[], group: string) => rates.find((r) => r.group === group)?.rate ?? null;
  const columns = [{ label: props.assessment.country || t('writing.survey.country'), index: -1 }, ...v.comparisons.map((c, i) => ({ label: c.label, index: i }))];
  const setCell = (col: number, group: string | null, rate: number | null) =>
    change((cur) => {
      if (col < 0) return group === null ? { ...cur, overall: rate } : { ...cur, rates: setRate(cur.rates, group, rate) };
      return { ...cur, comparisons: cur.comparisons.map((c, i) => (i !== col ? c : group === null ? { ...c, overall: rate } : { ...c, rates: setRate(c.rates, group, rate) })) };
    });
  const cellValue = (col: number, group: string | null) => {
    if (col < 0) return group === null ? v.overall : rateOf(v.rates, group);
    const c = v.comparisons[col]!;
    return group === null ? c.overall : rateOf(c.rates, group);
  };
  const rows: Array<{ group: string | null; label: string }> = [{ group: null, label: t('writing.survey.overall') }, ...SURVEY_GROUPS.map((g) => ({ group: g.id, label: surveyGroupLabel(g.id, props.lang) }))];
  return (
    <>
      <div className="table-scroll">
        <table className="data-table compact survey-table" data-testid="survey-table">
          <caption className="visually-hidden">{t('writing.survey.caption', { year: v.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('writing.survey.group')}</th>
              {columns.map((c) =>
                c.index < 0 ? (
                  <th key="country" scope="col">{c.label}</th>
                ) : (
                  <th key={c.index} scope="col">
                    <ComparisonLabel
                      value={c.label}
                      onCommit={(label) => change((cur) => ({ ...cur, comparisons: cur.comparisons.map((x, i) => (i === c.index ? { ...x, label } : x)) }))}
                      onRemove={() => change((cur) => ({ ...cur, comparisons: cur.comparisons.filter((_, i) => i !== c.index) }))}
                    />
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group ?? 'overall'} className={r.group === null ? 'subtotal' : ''}>
                <th scope="row">{r.label}</th>
                {columns.map((c) => (
                  <td key={c.index}>
                    <RateCell value={cellValue(c.index, r.group)} label={`${r.label} — ${c.label || t('writing.survey.comparison')}`} onCommit={(rate) => setCell(c.index, r.group, rate)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => change((cur) => ({ ...cur, comparisons: [...cur.comparisons, { label: '', overall: null, rates: [] }] }))} data-testid="survey-add-comparison">
          {t('writing.survey.addComparison')}
        </button>
        <span className="toolbar-spacer" />
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void write(key, { kind: 'deleted' }, editLang(props.dataset, key))}>
              {t('writing.confirmDelete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('writing.survey.deleteYear', { year: v.year })}
          </button>
        )}
      </div>
    </>
  );
}

function ComparisonLabel(props: { value: string; onCommit: (label: string) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <span className="comparison-label">
      <input
        type="text"
        value={draft ?? props.value}
        placeholder={t('writing.survey.comparisonPlaceholder')}
        aria-label={t('writing.survey.comparisonName')}
        onFocus={() => setDraft(props.value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null && draft.trim() !== props.value) props.onCommit(draft.trim());
          setDraft(null);
        }}
        data-testid="survey-comparison-label"
      />
      <button type="button" className="tiny danger" onClick={props.onRemove} aria-label={t('writing.survey.removeComparison', { name: props.value || '—' })}>
        ✕
      </button>
    </span>
  );
}

/** A rate 0–100 (up to two decimals; a comma is read as the decimal point); blank clears it. */
function RateCell(props: { value: number | null; label: string; onCommit: (rate: number | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const s = text.trim().replace(',', '.').replace(/%$/, '');
    if (s === '') {
      setInvalid(false);
      if (props.value !== null) props.onCommit(null);
      return true;
    }
    const n = Number(s);
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      setInvalid(true);
      return false;
    }
    setInvalid(false);
    const rounded = Math.round(n * 100) / 100;
    if (rounded !== props.value) props.onCommit(rounded);
    return true;
  };
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        className="rate-input"
        value={draft ?? (props.value === null ? '' : String(props.value))}
        aria-label={props.label}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onFocus={() => setDraft(props.value === null ? '' : String(props.value))}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          // Saved half a second after typing stops (a bad number waits for the blur to say so).
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            timer.current = null;
            const n = Number(text.trim().replace(',', '.').replace(/%$/, ''));
            if (text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100) commit(text);
          }, 500);
        }}
        onBlur={() => {
          if (draft !== null && commit(draft)) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) commit(draft);
        }}
        data-testid="survey-rate"
      />
      {invalid && (
        <span id={errorId} className="field-error" role="alert">
          {t('writing.survey.badRate')}
        </span>
      )}
    </>
  );
}
