/**
 * Corrections of an assessment's details (the rules are the creation's, shared/corrections)
 * and its deletion (a tombstone, confirmed by typing its title, with a backup offered first).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_EXTENSION } from '../../../shared/bundle';
import { assessmentProblems } from '../../../shared/corrections/validate';
import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import type { Assessment, Interviewer } from '../../../shared/model/types';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { LanguageSelect } from '../../components/LanguageSelect';
import { repo } from '../../db';
import { exportBundle, suggestedBundleName } from '../../db/exchange';
import { APP_VERSION, getBridge } from '../../platform';
import { useRouter } from '../../state/router';
import { useUndo } from '../../state/undo';
import { saver } from '../wizard/store';

export function EditAssessmentDialog(props: { assessment: Assessment; onClose: () => void }) {
  const { t } = useTranslation();
  const a = props.assessment;
  const [country, setCountry] = useState(a.country);
  const [title, setTitle] = useState(a.title);
  const [periodStart, setPeriodStart] = useState<string>(a.periodStart);
  const [periodEnd, setPeriodEnd] = useState<string>(a.periodEnd);
  const [languages, setLanguages] = useState<Lang[]>([...a.reportLanguages]);
  const [reportDate, setReportDate] = useState<string>(a.reportDate ?? '');
  const [sourceLanguage, setSourceLanguage] = useState<Lang>(a.sourceLanguage ?? a.reportLanguages[0] ?? 'en');
  const problems = assessmentProblems({ country, periodStart, periodEnd, reportLanguages: languages, reportDate, sourceLanguage });
  return (
    <Dialog title={t('corrections.editAssessmentTitle')} onClose={props.onClose} testId="edit-assessment-dialog">
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (problems.length > 0) return;
          await repo.updateAssessment(a.id, {
            country: country.trim(),
            title: title.trim() || t('assessment.defaultTitle', { country: country.trim() }),
            periodStart,
            periodEnd,
            // In the order the app lists languages, so the report's language order is stable.
            reportLanguages: LANGUAGES.filter((l) => languages.includes(l)),
            reportDate: reportDate as Assessment['reportDate'],
            sourceLanguage,
          });
          props.onClose();
        }}
      >
        <Field label={t('assessment.country')}>
          {(id) => <input id={id} type="text" value={country} onChange={(e) => setCountry(e.target.value)} required maxLength={200} />}
        </Field>
        <Field label={t('assessment.title')} hint={t('assessment.titleHint')}>
          {(id, hint) => <input id={id} type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={hint} maxLength={300} />}
        </Field>
        <div className="field-row">
          <Field label={t('assessment.periodStart')}>{(id) => <DateField id={id} value={periodStart} onChange={setPeriodStart} />}</Field>
          <Field label={t('assessment.periodEnd')}>{(id) => <DateField id={id} value={periodEnd} min={periodStart || undefined} onChange={setPeriodEnd} />}</Field>
        </div>
        <fieldset className="field">
          <legend>{t('assessment.reportLanguages')}</legend>
          <div className="checkbox-row">
            {LANGUAGES.map((l) => (
              <label key={l} className="checkbox">
                <input type="checkbox" checked={languages.includes(l)} onChange={(e) => setLanguages((prev) => (e.target.checked ? [...prev, l] : prev.filter((x) => x !== l)))} />
                <span lang={l}>{LANGUAGE_NAMES[l]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field-row">
          <Field label={t('corrections.reportDate')} hint={t('corrections.reportDateHint')}>
            {(id) => <DateField id={id} value={reportDate} onChange={setReportDate} />}
          </Field>
          <Field label={t('corrections.sourceLanguage')}>{(id) => <LanguageSelect id={id} value={sourceLanguage} onChange={setSourceLanguage} />}</Field>
        </div>
        {problems.length > 0 && (
          <ul className="field-problems" data-testid="assessment-problems">
            {problems.map((p) => (
              <li key={p}>{t(`corrections.problem.${p}`)}</li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={problems.length > 0} data-testid="assessment-save">
            {t('corrections.saveChanges')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function DeleteAssessmentDialog(props: { assessment: Assessment; who: Interviewer; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const offerUndo = useUndo((s) => s.offerUndo);
  const [backup, setBackup] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const a = props.assessment;
  const title = a.title || a.country;

  const exportBackup = async () => {
    setSaving(true);
    setBackup(null);
    try {
      await saver.flush();
      const { blob, dataset } = await exportBundle(repo, { assessmentId: a.id, who: props.who, appVersion: APP_VERSION, kind: 'backup' });
      const result = await getBridge().saveFile({ suggestedName: suggestedBundleName(props.who.name, new Date(), 'backup'), bytes: blob, filters: [{ name: t('exchange.bundleFiles'), extensions: [BUNDLE_EXTENSION] }] });
      if (result.saved) {
        await repo.seal(dataset);
        setBackup({ kind: 'ok', text: t('deletion.backupSaved', { file: result.name }) });
      }
    } catch {
      setBackup({ kind: 'error', text: t('deletion.backupFailed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <ConfirmDelete
      title={t('deletion.assessmentTitle')}
      testId="delete-assessment-dialog"
      onClose={props.onClose}
      typeToConfirm={{ label: t('deletion.typeToConfirm', { title }), text: title }}
      extra={
        <p>
          <button type="button" onClick={() => void exportBackup()} disabled={saving} data-testid="backup-first">
            {t('deletion.backupFirst')}
          </button>{' '}
          <span role="status" className={backup?.kind === 'error' ? 'error-text' : 'muted'}>
            {backup?.text}
          </span>
        </p>
      }
      onConfirm={async (reason) => {
        await saver.flush();
        const tombstone = await repo.deleteAssessment(a.id, props.who, reason);
        props.onClose();
        offerUndo({ message: t('deletion.assessmentDeleted', { title }), undo: () => repo.restore(tombstone), screen: '#/' });
        navigate({ name: 'home' });
      }}
    >
      <p>{t('deletion.assessmentBody', { title })}</p>
      <p>{t('deletion.assessmentRestore')}</p>
    </ConfirmDelete>
  );
}
