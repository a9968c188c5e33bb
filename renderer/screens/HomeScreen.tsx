import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../shared/i18n';
import { Dialog } from '../components/Dialog';
import { DateField } from '../components/DateField';
import { Field } from '../components/Field';
import { repo, useProfile } from '../db';
import { assessmentProblems } from '../../shared/corrections/validate';
import { formatDate } from '../i18n';
import { useRouter } from '../state/router';
import { ProfileSetup } from './ProfileSetup';
import { ImportPanel } from './exchange/ImportPanel';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  // Live only: deleted assessments leave the list (a backup's import restores them).
  const assessments = useLiveQuery(() => repo.liveAssessments(), []);
  const counts = useLiveQuery(async () => {
    const m = new Map<string, number>();
    for (const a of await repo.liveAssessments()) m.set(a.id, (await repo.liveRecords(a.id)).interviews.length);
    return m;
  }, []);
  const [creating, setCreating] = useState(false);
  const [editingProfile, setEditingProfile] = useState(false);
  const [importing, setImporting] = useState(false);

  if (profile === undefined) return null;
  if (profile === null) {
    return (
      <section aria-labelledby="home-title" className="screen narrow">
        <h1 id="home-title">{t('profile.title')}</h1>
        <ProfileSetup />
      </section>
    );
  }

  return (
    <section aria-labelledby="home-title" className="screen">
      <div className="screen-header">
        <h1 id="home-title">{t('home.title')}</h1>
        <div className="header-buttons">
          <button type="button" onClick={() => setImporting(true)} data-testid="home-import">
            {t('home.import')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-assessment">
            {t('home.new')}
          </button>
        </div>
      </div>
      <p className="muted">
        {t('home.signedInAs', { name: profile.name, organization: profile.organization || '—' })}{' '}
        <button type="button" className="link-button" onClick={() => setEditingProfile(true)}>
          {t('home.editProfile')}
        </button>
      </p>
      {assessments && assessments.length === 0 && <p className="empty-state">{t('home.empty')}</p>}
      {assessments && assessments.length > 0 && (
        <ul className="card-list" aria-label={t('home.title')}>
          {assessments.map((a) => (
            <li key={a.id} className="card assessment-card">
              <button
                type="button"
                className="card-link"
                onClick={() => navigate({ name: 'assessment', assessmentId: a.id, tab: 'interviews' })}
              >
                <span className="card-title">{a.title || a.country}</span>
                <span className="card-meta">
                  {a.country}
                  {a.periodStart && ` · ${formatDate(i18n.language, a.periodStart)} – ${formatDate(i18n.language, a.periodEnd)}`}
                  {' · '}
                  {t('home.interviewCount', { count: counts?.get(a.id) ?? 0 })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {creating && <NewAssessmentDialog onClose={() => setCreating(false)} />}
      {importing && (
        <Dialog title={t('home.import')} onClose={() => setImporting(false)} wide testId="home-import-dialog">
          <ImportPanel />
        </Dialog>
      )}
      {editingProfile && (
        <Dialog title={t('profile.title')} onClose={() => setEditingProfile(false)}>
          <ProfileSetup initial={profile} onDone={() => setEditingProfile(false)} />
        </Dialog>
      )}
    </section>
  );
}

function NewAssessmentDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const [country, setCountry] = useState('');
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [languages, setLanguages] = useState<Lang[]>(['en']);
  const valid = assessmentProblems({ country, periodStart, periodEnd, reportLanguages: languages }).length === 0;
  return (
    <Dialog title={t('assessment.newTitle')} onClose={props.onClose} testId="new-assessment-dialog">
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!valid) return;
          const a = await repo.createAssessment({
            country,
            title: title.trim() || t('assessment.defaultTitle', { country: country.trim() }),
            periodStart,
            periodEnd,
            reportLanguages: languages,
          });
          props.onClose();
          navigate({ name: 'assessment', assessmentId: a.id, tab: 'stakeholders' });
        }}
      >
        <Field label={t('assessment.country')}>
          {(id) => <input id={id} type="text" value={country} onChange={(e) => setCountry(e.target.value)} required autoFocus maxLength={200} />}
        </Field>
        <Field label={t('assessment.title')} hint={t('assessment.titleHint')}>
          {(id, hint) => <input id={id} type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={hint} maxLength={300} />}
        </Field>
        <div className="field-row">
          <Field label={t('assessment.periodStart')}>
            {(id) => <DateField id={id} value={periodStart} onChange={setPeriodStart} testId="period-start" />}
          </Field>
          <Field label={t('assessment.periodEnd')}>
            {(id) => <DateField id={id} value={periodEnd} min={periodStart || undefined} onChange={setPeriodEnd} testId="period-end" />}
          </Field>
        </div>
        <fieldset className="field">
          <legend>{t('assessment.reportLanguages')}</legend>
          <div className="checkbox-row">
            {LANGUAGES.map((l) => (
              <label key={l} className="checkbox">
                <input
                  type="checkbox"
                  checked={languages.includes(l)}
                  onChange={(e) => setLanguages((prev) => (e.target.checked ? [...prev, l] : prev.filter((x) => x !== l)))}
                />
                <span lang={l}>{LANGUAGE_NAMES[l]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            {t('assessment.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
