import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../../../shared/i18n';
import type { Assessment } from '../../../shared/model/types';
import { Field } from '../../components/Field';
import { LanguageSelect } from '../../components/LanguageSelect';
import { repo } from '../../db';
import { getBridge } from '../../platform';
import { saver } from '../wizard/store';
import { fileSafe, runDataioWorker } from './runWorker';

/** Assessment → Import and export → Export for analysis (XLSX or CSV). */
export function AnalysisExportPanel({ assessment, interviews }: { assessment: Assessment; interviews: number }) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [lang, setLang] = useState<Lang>(isLang(i18n.language) ? i18n.language : 'en');
  const [includePrivate, setIncludePrivate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await saver.flush();
      const dataset = await repo.exportDataset(assessment.id);
      const bytes = await runDataioWorker({ kind: 'analysis', dataset, format, lang, includePrivate });
      const name = `${fileSafe(assessment.country || assessment.title, 'assessment')}-${fileSafe(t('dataio.analysisTitle'), 'analysis')}-${lang}.${format}`;
      const saved = await getBridge().saveFile({ suggestedName: name, bytes, filters: [{ name: format === 'xlsx' ? 'Excel' : 'CSV', extensions: [format] }] });
      if (saved.saved) setMessage({ kind: 'ok', text: t('dataio.exported', { file: saved.name }) });
    } catch {
      setMessage({ kind: 'error', text: t('dataio.exportFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card panel" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('dataio.analysisTitle')}</h2>
      <p className="muted">{t('dataio.analysisIntro')}</p>
      <div className="field-row">
        <Field label={t('dataio.format')}>
          {(id) => (
            <select id={id} value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')} data-testid="analysis-format">
              <option value="xlsx">{t('dataio.formatXlsx')}</option>
              <option value="csv">{t('dataio.formatCsv')}</option>
            </select>
          )}
        </Field>
        <Field label={t('dataio.language')}>{(id) => <LanguageSelect id={id} value={lang} onChange={setLang} testId="analysis-language" />}</Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={includePrivate} onChange={(e) => setIncludePrivate(e.target.checked)} />
        <span>{t('dataio.includePrivate')}</span>
      </label>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy || interviews === 0} data-testid="export-analysis">
          {t('dataio.exportAnalysis')}
        </button>
      </div>
      {interviews === 0 && <p className="empty-state">{t('dataio.nothingToExport')}</p>}
      {busy && <p aria-busy="true">{t('dataio.exporting')}</p>}
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="analysis-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
