import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewProgress } from '../../../shared/answers/progress';
import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import { CHECKLIST_PARTS, type AnswerValue, type Assessment, type ChecklistPart, type Stakeholder } from '../../../shared/model/types';
import { formatPersonName } from '../../../shared/stakeholders/honorific';
import { presetParts } from '../../../shared/stakeholders/presets';
import { Dialog } from '../../components/Dialog';
import { LanguageSelect } from '../../components/LanguageSelect';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { currentBySlot } from '../../db/repo';
import { db, repo, useProfile } from '../../db';
import { formatDate } from '../../i18n';
import { useRouter } from '../../state/router';

export function InterviewsTab({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  const [onlyMine, setOnlyMine] = useState(false);
  const data = useLiveQuery(async () => {
    const [interviews, answers, stakeholders] = await Promise.all([
      db.interviews.where('assessmentId').equals(assessment.id).toArray(),
      repo.answersByInterview(assessment.id),
      db.stakeholders.where('assessmentId').equals(assessment.id).toArray(),
    ]);
    return { interviews, answers, stakeholders };
  }, [assessment.id]);

  const rows = useMemo(() => {
    if (!data) return [];
    const byInterview = data.answers;
    const people = new Map(data.stakeholders.map((s) => [s.id, s]));
    return data.interviews
      .map((iv) => {
        const current = currentBySlot(byInterview.get(iv.id) ?? [], (r) => r.questionId);
        const values = new Map<string, AnswerValue>([...current].map(([q, c]) => [q, c.head.value]));
        const p = interviewProgress(iv.parts, values);
        const conflicts = [...current.values()].filter((c) => c.conflict).length;
        return { iv, progress: p, conflicts, people: iv.stakeholderIds.map((id) => people.get(id)).filter((s): s is Stakeholder => !!s) };
      })
      .sort((a, b) => (a.iv.date === b.iv.date ? (a.iv.createdAt < b.iv.createdAt ? 1 : -1) : a.iv.date < b.iv.date ? 1 : -1));
  }, [data]);

  if (!data || !profile) return null;
  const visible = onlyMine ? rows.filter((r) => r.iv.interviewerId === profile.id) : rows;

  return (
    <div className="tab-content">
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
          <span>{t('interviews.onlyMine')}</span>
        </label>
        <span className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => setCreating(true)} disabled={data.stakeholders.length === 0} data-testid="new-interview">
          {t('interviews.new')}
        </button>
      </div>
      {data.stakeholders.length === 0 && (
        <p className="notice">
          {t('interviews.needStakeholders')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'assessment', assessmentId: assessment.id, tab: 'stakeholders' })}>
            {t('tabs.stakeholders')}
          </button>
        </p>
      )}
      {visible.length === 0 ? (
        <p className="empty-state">{t('interviews.empty')}</p>
      ) : (
        <ul className="card-list" aria-label={t('tabs.interviews')}>
          {visible.map(({ iv, progress, conflicts, people }) => (
            <li key={iv.id} className="card interview-card">
              <div className="interview-card-main">
                <h3 className="card-title">{iv.organization}</h3>
                <p className="card-meta">{people.map((p) => formatPersonName(i18n.language as Lang, p.honorific, p.name)).join(', ')}</p>
                <p className="card-meta">
                  {formatDate(i18n.language, iv.date)}
                  {iv.place && ` · ${iv.place}`} · <span lang={iv.language}>{LANGUAGE_NAMES[iv.language]}</span> · {t('interviews.by', { name: iv.interviewerName })}
                </p>
                <p className="card-meta">{iv.parts.map((p) => t(`parts.${p}`)).join(', ')}</p>
              </div>
              <div className="interview-card-side">
                <span className={`badge status-${iv.status}`}>{t(`interviews.status.${iv.status}`)}</span>
                {conflicts > 0 && <span className="badge warn">{t('interviews.conflicts', { count: conflicts })}</span>}
                <ProgressBar answered={progress.answered} relevant={progress.relevant} label={t('interviews.progressOf', { organization: iv.organization })} />
                <button type="button" className="primary" onClick={() => navigate({ name: 'interview', assessmentId: assessment.id, interviewId: iv.id })}>
                  {iv.status === 'draft' ? t('interviews.continue') : t('interviews.open')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <NewInterviewDialog
          stakeholders={data.stakeholders}
          onClose={() => setCreating(false)}
          onCreate={async (input) => {
            const iv = await repo.createInterview({ ...input, assessmentId: assessment.id }, profile);
            setCreating(false);
            navigate({ name: 'interview', assessmentId: assessment.id, interviewId: iv.id });
          }}
        />
      )}
    </div>
  );
}

interface InterviewInput {
  stakeholderIds: string[];
  organization: string;
  date: string;
  place: string;
  language: Lang;
  parts: ChecklistPart[];
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function NewInterviewDialog(props: { stakeholders: Stakeholder[]; onClose: () => void; onCreate: (i: InterviewInput) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const organizations = [...new Set(props.stakeholders.map((s) => s.organization))].sort((a, b) => a.localeCompare(b, i18n.language));
  const [organization, setOrganization] = useState(organizations[0] ?? '');
  const people = props.stakeholders.filter((s) => s.organization === organization);
  const [selected, setSelected] = useState<string[]>(people.map((p) => p.id));
  const [date, setDate] = useState(today());
  const [place, setPlace] = useState('');
  const [language, setLanguage] = useState<Lang>((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Lang) : 'en');
  const preset = (ids: string[]) => {
    const chosen = props.stakeholders.filter((s) => ids.includes(s.id));
    return presetParts(chosen[0]?.sector ?? 'other', chosen.map((s) => s.position));
  };
  const [parts, setParts] = useState<ChecklistPart[]>(preset(selected));
  const choosePeople = (ids: string[]) => {
    setSelected(ids);
    setParts(preset(ids));
  };
  const valid = selected.length > 0 && parts.length > 0;
  return (
    <Dialog title={t('interviews.newTitle')} onClose={props.onClose} wide testId="new-interview-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void props.onCreate({ stakeholderIds: selected, organization, date, place, language, parts });
        }}
      >
        <Field label={t('stakeholders.organization')}>
          {(id) => (
            <select
              id={id}
              value={organization}
              onChange={(e) => {
                setOrganization(e.target.value);
                choosePeople(props.stakeholders.filter((s) => s.organization === e.target.value).map((s) => s.id));
              }}
            >
              {organizations.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field">
          <legend>{t('interviews.people')}</legend>
          <div className="checkbox-list">
            {people.map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.includes(p.id)}
                  onChange={(e) => choosePeople(e.target.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id))}
                />
                <span>
                  {formatPersonName(i18n.language as Lang, p.honorific, p.name)}
                  {p.position && <span className="muted"> — {p.position}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field-row">
          <Field label={t('interviews.date')}>{(id) => <DateField id={id} value={date} onChange={setDate} testId="interview-date" />}</Field>
          <Field label={t('interviews.place')}>{(id) => <input id={id} type="text" value={place} onChange={(e) => setPlace(e.target.value)} maxLength={300} />}</Field>
          <Field label={t('interviews.language')}>
            {(id) => <LanguageSelect id={id} value={language} onChange={setLanguage} />}
          </Field>
        </div>
        <fieldset className="field">
          <legend>{t('interviews.parts')}</legend>
          <p className="field-hint">{t('interviews.partsHint')}</p>
          <div className="checkbox-grid">
            {CHECKLIST_PARTS.map((p) => (
              <label key={p} className="checkbox">
                <input type="checkbox" checked={parts.includes(p)} onChange={(e) => setParts(e.target.checked ? CHECKLIST_PARTS.filter((x) => x === p || parts.includes(x)) : parts.filter((x) => x !== p))} />
                <span>{t(`parts.${p}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            {t('interviews.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
