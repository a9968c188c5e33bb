import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemTexts } from '../../../shared/checklist/catalogue';
import { readinessSummary, type ReadinessSummary } from '../../../shared/consolidation';
import { isLang, type Lang } from '../../../shared/i18n';
import type { Assessment } from '../../../shared/model/types';
import { hasNarrative } from '../../../shared/narrative';
import { Field } from '../../components/Field';
import { LanguageSelect } from '../../components/LanguageSelect';
import { repo } from '../../db';
import { formatNumber } from '../../i18n';
import { getBridge } from '../../platform';
import { useReportChoices } from '../../state/reportChoices';
import type { ReportMessage, ReportRequest } from '../../workers/report.worker';
import { Preflight } from '../translate/Preflight';
import { untranslated } from '../../../shared/translation';

type Build = { state: 'idle' } | { state: 'building'; fraction: number } | { state: 'done'; name: string } | { state: 'error'; message: string };

function fileSafe(s: string): string {
  return s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'report';
}

/** Report options, the readiness summary at a glance, and the Word file built in a worker. */
export function ReportTab({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const uiLang = i18n.language as Lang;
  const dataset = useLiveQuery(() => repo.liveDataset(assessment.id), [assessment.id]);
  const [lang, setLang] = useState<Lang>(assessment.reportLanguages[0] ?? (isLang(uiLang) ? uiLang : 'en'));
  const [landscape, setLandscape] = useState(false);
  const [individual, setIndividual] = useState(false);
  // Chosen here or in the Report writing area's outline (one choice per assessment).
  const chosenSections = useReportChoices((s) => s.sections[assessment.id]);
  const setChoice = useReportChoices((s) => s.setSections);
  const setSections = (v: 'full' | 'annexes') => setChoice(assessment.id, v);
  const [authors, setAuthors] = useState('');
  const [build, setBuild] = useState<Build>({ state: 'idle' });
  const worker = useRef<Worker | null>(null);
  const summary = useMemo(() => (dataset && dataset.interviews.length > 0 ? readinessSummary(dataset) : undefined), [dataset]);
  // Pre-flight: the texts that have no current translation into the report language.
  const [preflight, setPreflight] = useState(false);
  const missing = useMemo(() => {
    if (!dataset) return [];
    const full = (chosenSections ?? (hasNarrative(dataset) ? 'full' : 'annexes')) === 'full';
    return untranslated(dataset, lang).filter((u) => full || u.part !== 'narrative');
  }, [dataset, lang, chosenSections]);

  if (!dataset) return <p className="loading">{t('common.loading')}</p>;
  const interviewers = [...new Set(dataset.interviews.map((iv) => iv.interviewerName))];
  // The full report by default once any narrative is written (as the CLI).
  const sections = chosenSections ?? (hasNarrative(dataset) ? 'full' : 'annexes');

  const generate = (untranslatedMode: 'mark' | 'source' = 'source') => {
    setPreflight(false);
    worker.current?.terminate();
    const w = new Worker(new URL('../../workers/report.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setBuild({ state: 'building', fraction: 0 });
    w.onmessage = async (e: MessageEvent<ReportMessage>) => {
      const m = e.data;
      // Whole percents only: each update re-renders the tab, and the worker reports often.
      if (m.type === 'progress') setBuild((b) => (b.state === 'building' && Math.floor(b.fraction * 100) === Math.floor(m.fraction * 100) ? b : { state: 'building', fraction: m.fraction }));
      else if (m.type === 'error') {
        setBuild({ state: 'error', message: t('report.failed') });
        w.terminate();
      } else {
        w.terminate();
        // The file is named in the report's language, whatever the interface language.
        const name = `${fileSafe(t('report.fileName', { lng: lang }))}-${fileSafe(assessment.country)}-${lang}.docx`;
        const saved = await getBridge().saveFile({ suggestedName: name, bytes: m.bytes, filters: [{ name: 'Word', extensions: ['docx'] }] });
        setBuild(saved.saved ? { state: 'done', name: saved.name } : { state: 'idle' });
      }
    };
    w.onerror = () => setBuild({ state: 'error', message: t('report.failed') });
    const list = authors
      .split(/[,;\n]/)
      .map((a) => a.trim())
      .filter(Boolean);
    const request: ReportRequest = { assessmentId: assessment.id, options: { lang, sections, landscapeAnnexes: landscape, individualResponses: individual, untranslated: untranslatedMode, ...(list.length ? { authors: list } : {}) } };
    w.postMessage(request);
  };

  return (
    <div className="tab-content report-tab">
      <section className="card panel" aria-labelledby="report-options">
        <h2 id="report-options">{t('report.title')}</h2>
        <p className="muted">{t('report.intro')}</p>
        <div className="field-row">
          <Field label={t('report.language')}>
            {(id) => (
              <LanguageSelect
                id={id}
                value={lang}
                onChange={(l) => {
                  setLang(l);
                  setPreflight(false);
                }}
                only={assessment.reportLanguages}
                testId="report-language"
              />
            )}
          </Field>
          <Field label={t('report.authors')} hint={t('report.authorsHint', { names: interviewers.join(', ') || '—' })}>
            {(id, hint) => <input id={id} type="text" value={authors} onChange={(e) => setAuthors(e.target.value)} aria-describedby={hint} />}
          </Field>
        </div>
        <Field label={t('reportSections.label')}>
          {(id) => (
            <select id={id} value={sections} onChange={(e) => setSections(e.target.value === 'full' ? 'full' : 'annexes')} data-testid="report-sections">
              <option value="full">{t('reportSections.full')}</option>
              <option value="annexes">{t('reportSections.annexes')}</option>
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={landscape} onChange={(e) => setLandscape(e.target.checked)} />
          <span>{t('report.landscape')}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={individual} onChange={(e) => setIndividual(e.target.checked)} />
          <span>{t('report.individual')}</span>
        </label>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => (missing.length > 0 ? setPreflight(true) : generate())} disabled={build.state === 'building' || dataset.interviews.length === 0} data-testid="generate-report">
            {t('report.generate')}
          </button>
        </div>
        {preflight && missing.length > 0 && <Preflight assessment={assessment} lang={lang} units={missing} onGenerateMarked={() => generate('mark')} />}
        {build.state === 'building' && (
          <div className="import-progress">
            <p>{t('report.building')}</p>
            <progress max={1} value={build.fraction} aria-label={t('report.building')} data-testid="report-progress" />
          </div>
        )}
        {build.state === 'done' && (
          <p className="notice ok" role="status" data-testid="report-done">
            {t('report.saved', { file: build.name })}
          </p>
        )}
        {build.state === 'error' && (
          <p className="notice error" role="alert">
            {build.message}
          </p>
        )}
      </section>
      {summary && <SummaryTable summary={summary} uiLang={uiLang} />}
    </div>
  );
}

/** The readiness summary; memoised so progress updates of a build do not re-render it. */
const SummaryTable = memo(function SummaryTable({ summary, uiLang }: { summary: ReadinessSummary; uiLang: Lang }) {
  const { t } = useTranslation();
  return (
    <section className="card panel" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('report.summaryTitle')}</h2>
      <p className="muted">{t('report.summaryIntro')}</p>
      <div className="table-scroll">
        <table className="data-table compact summary-table">
          <thead>
            <tr>
              <th scope="col">{t('report.section')}</th>
              <th scope="col">{t('report.yes')}</th>
              <th scope="col">{t('report.partially')}</th>
              <th scope="col">{t('report.no')}</th>
              <th scope="col">{t('report.notAnswered')}</th>
              <th scope="col">{t('report.score')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.groups.map((g) => (
              <tr key={g.id} className={g.level === 0 ? 'subtotal' : ''}>
                <th scope="row">
                  {g.id.startsWith('APP') ? '' : `${g.id} `}
                  {itemTexts(uiLang, g.id).title}
                </th>
                <td>{g.counts.yes}</td>
                <td>{g.counts.partial}</td>
                <td>{g.counts.no}</td>
                <td>{g.counts.notAnswered}</td>
                <td>{g.counts.score === null ? '—' : `${formatNumber(uiLang, g.counts.score, { maximumFractionDigits: 0 })}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
