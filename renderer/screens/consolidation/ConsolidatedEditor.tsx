import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenLabel } from '../../../shared/checklist/answerLabels';
import type { CatalogueItem } from '../../../shared/checklist/catalogue';
import type { ConsolidatedView } from '../../../shared/consolidation';
import type { Lang } from '../../../shared/i18n';
import type { ConsolidatedValue, ReviewState } from '../../../shared/model/types';
import { AttachmentsField } from '../../components/AttachmentsField';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { repo, useProfile } from '../../db';
import { AnswerControls } from '../wizard/AnswerControls';

const REVIEW_STATES: readonly ReviewState[] = ['draft', 'reviewed', 'hasIssues'];

/**
 * The consolidated answer of one question: starts from the lead's saved answer, else the
 * draft rule's; every change is saved (debounced) as a consolidated revision.
 */
export function ConsolidatedEditor(props: { assessmentId: string; item: CatalogueItem; view: ConsolidatedView; lang: Lang }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const { item, view } = props;
  const [value, setValue] = useState<ConsolidatedValue>(view.current.value);
  const [status, setStatus] = useState<'saved' | 'pending' | 'draft'>(view.current.source === 'consolidated' ? 'saved' : 'draft');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(value);
  const labelId = useId();

  const save = async (v: ConsolidatedValue) => {
    if (!profile) return;
    await repo.saveConsolidated({ assessmentId: props.assessmentId, questionId: item.id }, v, profile);
    setStatus('saved');
  };
  const change = (patch: Partial<ConsolidatedValue>) => {
    const next = { ...latest.current, ...patch } as ConsolidatedValue;
    for (const k of Object.keys(next) as Array<keyof ConsolidatedValue>) if (next[k] === undefined || next[k] === '') delete (next as unknown as Record<string, unknown>)[k];
    latest.current = next;
    setValue(next);
    setStatus('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(latest.current), 400);
  };
  // Leaving the question saves what was typed.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void save(latest.current);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const summary = view.draft.summary;
  return (
    <section className="consolidated-editor card" aria-labelledby={labelId}>
      <div className="editor-header">
        <h3 id={labelId}>{t('consolidation.consolidatedAnswer')}</h3>
        <span className={`save-indicator save-${status === 'pending' ? 'pending' : 'saved'}`} role="status" data-testid="consolidated-status">
          {status === 'draft' ? t('consolidation.fromDraft') : status === 'pending' ? t('save.pending') : `✓ ${t('save.saved')}`}
        </span>
      </div>
      {summary.tallies.length > 0 && (
        <p className="muted small-text">
          {t('consolidation.tally')}{' '}
          {summary.tallies.map((x) => `${x.token === 'notApplicable' ? t('consolidation.notApplicableShort') : tokenLabel(props.lang, item.id, x.token)}: ${x.count}`).join(' · ')}
        </p>
      )}
      <AnswerControls item={item} value={value} lang={props.lang} labelledBy={labelId} onChange={(p) => change(p)} onClear={() => change({ choice: undefined, choices: undefined, number: undefined, date: undefined })} />
      {(item.fields ?? []).map((f) => (
        <label key={f} className="answer-field">
          <span className="field-label">{t(`wizard.field.${f}`)}</span>
          {f === 'timeline' ? (
            <input type="text" value={value.timeline ?? ''} onChange={(e) => change({ timeline: e.target.value })} />
          ) : (
            <AutoGrowTextarea value={value[f] ?? ''} onChange={(e) => change({ [f]: e.target.value })} data-testid={`consolidated-${f}`} />
          )}
        </label>
      ))}
      <fieldset className="review-state">
        <legend>{t('consolidation.reviewLegend')}</legend>
        <div className="choice-group">
          {REVIEW_STATES.map((r) => (
            <label key={r} className={`choice${value.review === r ? ' checked' : ''}`}>
              <input type="radio" name={`review-${item.id}`} checked={value.review === r} onChange={() => change({ review: r })} data-testid={`review-${r}`} />
              <span>{t(`consolidation.review.${r}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="answer-field">
        <span className="field-label">{t('consolidation.comment')}</span>
        <input type="text" value={value.comment ?? ''} onChange={(e) => change({ comment: e.target.value })} />
      </label>
      <AttachmentsField assessmentId={props.assessmentId} link={{ kind: 'consolidated', questionId: item.id }} label={t('documents.title')} />
      <div className="form-actions">
        <button type="button" onClick={() => change({ ...view.draft.value, review: value.review })}>
          {t('consolidation.useDraft')}
        </button>
      </div>
    </section>
  );
}
