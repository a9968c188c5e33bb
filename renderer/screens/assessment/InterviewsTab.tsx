import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewProgress } from '../../../shared/answers/progress';
import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import { interviewCorrectionEffects, interviewProblems } from '../../../shared/corrections/validate';
import { CHECKLIST_PARTS, type AnswerValue, type Assessment, type ChecklistPart, type Interview, type InterviewStatus, type Stakeholder } from '../../../shared/model/types';
import { formatPersonName } from '../../../shared/stakeholders/honorific';
import { presetParts } from '../../../shared/stakeholders/presets';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { Dialog } from '../../components/Dialog';
import { LanguageSelect } from '../../components/LanguageSelect';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { currentBySlot } from '../../db/repo';
import { repo, useProfile } from '../../db';
import { formatDate } from '../../i18n';
import { useRouter } from '../../state/router';
import { useUndo } from '../../state/undo';

export function InterviewsTab({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  const [onlyMine, setOnlyMine] = useState(false);
  const [editing, setEditing] = useState<Interview | null>(null);
  const [deleting, setDeleting] = useState<Interview | null>(null);
  const [message, setMessage] = useState('');
  const offerUndo = useUndo((s) => s.offerUndo);
  const data = useLiveQuery(async () => {
    // Live records only: deleted interviews and stakeholders never show (repo.liveRecords).
    const [{ interviews, stakeholders }, answers] = await Promise.all([repo.liveRecords(assessment.id), repo.answersByInterview(assessment.id)]);
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
      <p role="status" className="status-line" data-testid="interviews-message">
        {message}
      </p>
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
                <span className="card-actions">
                  <button type="button" className="small" onClick={() => setEditing(iv)} aria-label={t('corrections.editInterviewOne', { organization: iv.organization })} data-testid="edit-interview">
                    {t('corrections.editInterview')}
                  </button>
                  <button type="button" className="small danger" onClick={() => setDeleting(iv)} aria-label={t('deletion.deleteInterviewOne', { organization: iv.organization })} data-testid="delete-interview">
                    {t('common.delete')}
                  </button>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <InterviewDialog
          stakeholders={data.stakeholders}
          initial={editing}
          onClose={() => setEditing(null)}
          onSave={async (input) => {
            const effects = interviewCorrectionEffects(editing, input);
            await repo.updateInterview(editing.id, input);
            setEditing(null);
            setMessage(
              [
                t('corrections.saved'),
                ...(effects.languageChanged ? [t('corrections.languageChanged')] : []),
                ...(effects.partsRemoved.length > 0 ? [t('corrections.partsRemoved', { parts: effects.partsRemoved.map((p) => t(`parts.${p}`)).join(', ') })] : []),
                ...(effects.partsAdded.length > 0 ? [t('corrections.partsRestored', { parts: effects.partsAdded.map((p) => t(`parts.${p}`)).join(', ') })] : []),
              ].join(' '),
            );
          }}
        />
      )}
      {deleting && (
        <ConfirmDelete
          title={t('deletion.interviewTitle')}
          testId="delete-interview-dialog"
          onClose={() => setDeleting(null)}
          onConfirm={async (reason) => {
            const tombstone = await repo.deleteInterview(deleting.id, profile, reason);
            const organization = deleting.organization;
            setDeleting(null);
            setMessage('');
            offerUndo({ message: t('deletion.interviewDeleted', { organization }), undo: () => repo.restore(tombstone) });
          }}
        >
          <p>{t('deletion.interviewBody', { organization: deleting.organization, date: formatDate(i18n.language, deleting.date) })}</p>
        </ConfirmDelete>
      )}
      {creating && (
        <InterviewDialog
          stakeholders={data.stakeholders}
          onClose={() => setCreating(false)}
          onSave={async (input) => {
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
  status?: InterviewStatus;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A new interview's details, or (with `initial`) a correction of an existing one: the same
 * form and the same rules (shared/corrections/validate.ts). A correction also says what a
 * change of language or parts does to the answers already given.
 */
function InterviewDialog(props: { stakeholders: Stakeholder[]; initial?: Interview; onClose: () => void; onSave: (i: InterviewInput) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { initial } = props;
  const organizations = [...new Set([...props.stakeholders.map((s) => s.organization), ...(initial ? [initial.organization] : [])])].sort((a, b) => a.localeCompare(b, i18n.language));
  const [organization, setOrganization] = useState(initial?.organization ?? organizations[0] ?? '');
  const [selected, setSelected] = useState<string[]>(() => (initial ? initial.stakeholderIds.filter((id) => props.stakeholders.some((s) => s.id === id)) : props.stakeholders.filter((s) => s.organization === (organizations[0] ?? '')).map((p) => p.id)));
  // The organisation's people, and anyone already chosen from elsewhere (a correction keeps them listed).
  const people = props.stakeholders.filter((s) => s.organization === organization || selected.includes(s.id));
  const [date, setDate] = useState(initial?.date ?? today());
  const [place, setPlace] = useState(initial?.place ?? '');
  const [language, setLanguage] = useState<Lang>(initial?.language ?? ((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Lang) : 'en'));
  const [status, setStatus] = useState<InterviewStatus>(initial?.status ?? 'draft');
  const preset = (ids: string[]) => {
    const chosen = props.stakeholders.filter((s) => ids.includes(s.id));
    return presetParts(chosen[0]?.sector ?? 'other', chosen.map((s) => s.position));
  };
  const [parts, setParts] = useState<ChecklistPart[]>(() => (initial ? [...initial.parts] : preset(selected)));
  const choosePeople = (ids: string[]) => {
    setSelected(ids);
    // A new interview suggests parts from the people; a correction leaves the parts to the user.
    if (!initial) setParts(preset(ids));
  };
  const problems = interviewProblems({ stakeholderIds: selected, organization, date, parts });
  const valid = problems.length === 0;
  const effects = initial ? interviewCorrectionEffects(initial, { language, parts }) : undefined;
  return (
    <Dialog title={initial ? t('corrections.editInterviewTitle') : t('interviews.newTitle')} onClose={props.onClose} wide testId={initial ? 'edit-interview-dialog' : 'new-interview-dialog'}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void props.onSave({ stakeholderIds: selected, organization, date, place, language, parts, ...(initial ? { status } : {}) });
        }}
      >
        <Field label={t('stakeholders.organization')}>
          {(id) => (
            <select
              id={id}
              value={organization}
              onChange={(e) => {
                setOrganization(e.target.value);
                if (!initial) choosePeople(props.stakeholders.filter((s) => s.organization === e.target.value).map((s) => s.id));
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
        {initial && (
          <Field label={t('corrections.status')}>
            {(id) => (
              <select id={id} value={status} onChange={(e) => setStatus(e.target.value as InterviewStatus)} data-testid="interview-status">
                {(['draft', 'completed'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`interviews.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div aria-live="polite" data-testid="correction-effects">
          {effects?.languageChanged && <p className="notice">{t('corrections.languageChanged')}</p>}
          {effects && effects.partsRemoved.length > 0 && <p className="notice">{t('corrections.partsRemoved', { parts: effects.partsRemoved.map((p) => t(`parts.${p}`)).join(', ') })}</p>}
        </div>
        {problems.length > 0 && (
          <ul className="field-problems" data-testid="interview-problems">
            {problems.map((p) => (
              <li key={p}>{t(`corrections.problem.${p}`)}</li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid} data-testid="interview-save">
            {initial ? t('corrections.saveChanges') : t('interviews.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
