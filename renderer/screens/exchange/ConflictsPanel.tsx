import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenLabel } from '../../../shared/checklist/answerLabels';
import { itemLabel } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import { conflicts, isQuestionConflict, type QuestionConflict as Conflict } from '../../../shared/merge';
import type { AnswerValue, Assessment, ConsolidatedValue } from '../../../shared/model/types';
import { Dialog } from '../../components/Dialog';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { repo, useProfile } from '../../db';
import { formatDateTime } from '../../i18n';

/** Every slot with two head revisions, and a side-by-side view to resolve each. */
export function ConflictsPanel({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const data = useLiveQuery(async () => {
    const dataset = await repo.exportDataset(assessment.id);
    // Conflicts on report texts are resolved in the Report area, beside the text.
    return { list: conflicts(dataset).filter(isQuestionConflict), interviews: new Map(dataset.interviews.map((iv) => [iv.id, iv])) };
  }, [assessment.id]);
  const [open, setOpen] = useState<Conflict | null>(null);
  if (!data) return null;
  return (
    <section className="card panel" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">
        {t('conflicts.title')} <span className="badge">{data.list.length}</span>
      </h2>
      {data.list.length === 0 ? (
        <p className="muted">{t('conflicts.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="conflict-list">
          {data.list.map((c) => (
            <li key={c.slot} className="conflict-row">
              <span className="item-number">{c.questionId}</span>
              <span className="conflict-where">
                {c.kind === 'answer' ? data.interviews.get(c.interviewId)?.organization ?? '—' : t('conflicts.consolidated')} ·{' '}
                {c.heads.map((h) => h.byName).join(' / ')}
              </span>
              <button type="button" onClick={() => setOpen(c)}>
                {t('conflicts.compare')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && <ConflictDialog conflict={open} lang={i18n.language as Lang} onClose={() => setOpen(null)} />}
    </section>
  );
}

function valueSummary(lang: Lang, questionId: string, v: AnswerValue | ConsolidatedValue): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (v.choice) rows.push(['choice', tokenLabel(lang, questionId, v.choice)]);
  if (v.choices?.length) rows.push(['choice', v.choices.map((c) => tokenLabel(lang, questionId, c)).join(', ')]);
  if (typeof v.number === 'number') rows.push(['choice', `${v.number}%`]);
  for (const f of ['elaboration', 'response', 'timeline', 'furtherInfo', 'documents'] as const) if (v[f]) rows.push([f, v[f]!]);
  return rows;
}

function ConflictDialog({ conflict, lang, onClose }: { conflict: Conflict; lang: Lang; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const heads = conflict.heads;
  const [combined, setCombined] = useState(() =>
    heads
      .map((h) => h.value.elaboration ?? h.value.response ?? '')
      .filter(Boolean)
      .join('\n'),
  );
  const field: 'elaboration' | 'response' = heads.some((h) => h.value.response) ? 'response' : 'elaboration';
  const save = async (value: AnswerValue | ConsolidatedValue) => {
    if (!profile) return;
    // Saving on a conflicted slot creates a revision whose parents are all the heads.
    if (conflict.kind === 'answer') {
      await repo.saveAnswer({ assessmentId: conflict.heads[0]!.assessmentId, interviewId: conflict.interviewId, questionId: conflict.questionId }, value as AnswerValue, profile);
    } else {
      await repo.saveConsolidated({ assessmentId: conflict.assessmentId, questionId: conflict.questionId }, value as ConsolidatedValue, profile);
    }
    onClose();
  };
  return (
    <Dialog title={t('conflicts.dialogTitle', { id: conflict.questionId })} onClose={onClose} wide testId="conflict-dialog">
      <p className="muted">{itemLabel(lang, conflict.questionId)}</p>
      <div className="side-by-side">
        {heads.map((h, i) => (
          <div key={h.id} className="version card">
            <h3>{t('conflicts.version', { n: i + 1 })}</h3>
            <p className="muted">
              {t('conflicts.who', { name: h.byName, when: formatDateTime(i18n.language, h.at), device: h.deviceId.slice(0, 8) })}
            </p>
            <dl className="value-summary">
              {valueSummary(lang, conflict.questionId, h.value).map(([k, v], j) => (
                <div key={j}>
                  <dt>{k === 'choice' ? t('conflicts.answer') : t(`wizard.field.${k}`)}</dt>
                  <dd className="pre-wrap">{v}</dd>
                </div>
              ))}
            </dl>
            <button type="button" className="primary" onClick={() => void save(h.value)} data-testid={`keep-version-${i + 1}`}>
              {t('conflicts.keep')}
            </button>
          </div>
        ))}
      </div>
      <div className="combine">
        <label className="answer-field">
          <span className="field-label">{t('conflicts.combine')}</span>
          <AutoGrowTextarea value={combined} onChange={(e) => setCombined(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" onClick={() => void save({ ...heads[0]!.value, [field]: combined })} data-testid="save-combined">
            {t('conflicts.saveCombined')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
