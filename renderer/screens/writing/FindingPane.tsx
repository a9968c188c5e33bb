/**
 * The findings of one area (A1 … B7, I.A … IV.E) beside their evidence: the area's
 * consolidated answers (status and text), its readiness score, conflicts and unreviewed
 * answers, and each stakeholder's own answer one click away. A question's "Insert
 * reference" puts its id into the text where the caret was.
 */
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenLabel } from '../../../shared/checklist/answerLabels';
import { CATALOGUE_ITEMS, getItem, itemLabel, itemTexts, type CatalogueItem } from '../../../shared/checklist/catalogue';
import { consolidatedView, readinessSummary } from '../../../shared/consolidation';
import type { Lang } from '../../../shared/i18n';
import type { AnswerValue, Assessment, ConsolidatedValue, Dataset } from '../../../shared/model/types';
import { areaNumber, findingAreas, findingKey } from '../../../shared/narrative';
import { formatPersonName } from '../../../shared/stakeholders/honorific';
import type { RichTextEditorHandle } from '../../components/richtext/RichTextEditor';
import { formatNumber } from '../../i18n';
import { useRouter } from '../../state/router';
import type { WritingPane } from './store';
import { TextSlotEditor } from './TextSlotEditor';

/** Whether `item` lies under `areaId` in the catalogue. */
function isUnder(item: CatalogueItem, areaId: string): boolean {
  let p: string | null | undefined = item.parent;
  while (p) {
    if (p === areaId) return true;
    p = getItem(p)?.parent;
  }
  return false;
}

function statusText(lang: Lang, questionId: string, v: AnswerValue | ConsolidatedValue): string {
  if (v.choice) return tokenLabel(lang, questionId, v.choice);
  if (v.choices?.length) return v.choices.map((c) => tokenLabel(lang, questionId, c)).join(', ');
  if (typeof v.number === 'number') return `${v.number}%`;
  return v.date ?? '';
}

function answerText(v: AnswerValue | ConsolidatedValue): string {
  return [v.elaboration, v.response, v.other, v.furtherInfo].filter((x) => x && x.trim() !== '').join('\n');
}

export function FindingPane(props: { assessment: Assessment; dataset: Dataset; area: string; lang: Lang; back: ReactNode; onOpen: (p: WritingPane) => void }) {
  const { t } = useTranslation();
  const editor = useRef<RichTextEditorHandle>(null);
  const { dataset, area, lang } = props;
  const areas = useMemo(() => [...findingAreas('technical'), ...findingAreas('legal')], []);
  const index = areas.findIndex((a) => a.id === area);
  const prev = areas[index - 1];
  const next = areas[index + 1];
  const title = `${areaNumber(area)}. ${itemLabel(lang, area)}`;
  return (
    <section className="card panel writing-pane" aria-labelledby="writing-pane-title">
      <div className="pane-nav">
        {props.back}
        <span className="toolbar-spacer" />
        {prev && (
          <button type="button" onClick={() => props.onOpen({ kind: 'finding', area: prev.id })} data-testid="finding-prev">
            ← {prev.id}
          </button>
        )}
        {next && (
          <button type="button" onClick={() => props.onOpen({ kind: 'finding', area: next.id })} data-testid="finding-next">
            {next.id} →
          </button>
        )}
      </div>
      <h2 id="writing-pane-title" tabIndex={-1}>
        {title}
      </h2>
      <div className="finding-layout">
        <div className="finding-text">
          <TextSlotEditor key={area} ref={editor} assessment={props.assessment} dataset={dataset} textKey={findingKey(area)} kind="finding" label={t('writing.findingsOf', { area: title })} testId="finding" />
        </div>
        <Evidence assessment={props.assessment} dataset={dataset} area={area} lang={lang} onInsert={(id) => editor.current?.insertRef(id)} />
      </div>
    </section>
  );
}

function Evidence(props: { assessment: Assessment; dataset: Dataset; area: string; lang: Lang; onInsert: (itemId: string) => void }) {
  const { t } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const { dataset, area, lang } = props;
  const rows = useMemo(() => {
    const questions = CATALOGUE_ITEMS.filter((q) => q.role === 'question' && isUnder(q, area));
    return questions.map((q) => {
      const v = consolidatedView(dataset, q.id);
      const review = v.consolidated.head?.value.review;
      return {
        item: q,
        view: v,
        status: statusText(lang, q.id, v.current.value),
        text: answerText(v.current.value),
        conflict: v.consolidated.conflict || v.slots.some((s) => s.conflict),
        unreviewed: review !== 'reviewed',
        answered: v.slots.filter((s) => s.state === 'answered'),
      };
    });
  }, [dataset, area, lang]);
  const score = useMemo(() => readinessSummary(dataset).groups.find((g) => g.id === area)?.counts.score ?? null, [dataset, area]);
  const conflicts = rows.filter((r) => r.conflict).length;
  const unreviewed = rows.filter((r) => r.unreviewed && r.answered.length > 0).length;
  return (
    <aside className="evidence" aria-labelledby="evidence-title" data-testid="evidence">
      <h3 id="evidence-title">{t('writing.evidence')}</h3>
      <p className="evidence-facts">
        <span data-testid="evidence-score">{t('writing.score', { score: score === null ? '—' : `${formatNumber(lang, score, { maximumFractionDigits: 0 })}%` })}</span>
        {' · '}
        <span>{t('writing.conflicts', { count: conflicts })}</span>
        {' · '}
        <span>{t('writing.unreviewed', { count: unreviewed })}</span>
      </p>
      <ol className="evidence-list">
        {rows.map((r) => (
          <li key={r.item.id} className="evidence-item" data-item-id={r.item.id}>
            <div className="evidence-head">
              <button type="button" className="link-button item-number" onClick={() => navigate({ name: 'assessment', assessmentId: props.assessment.id, tab: 'consolidation', itemId: r.item.id })} aria-label={t('writing.openConsolidation', { id: r.item.id })}>
                {r.item.id}
              </button>
              <span className="evidence-question">{itemTexts(lang, r.item.id).text ?? itemLabel(lang, r.item.id)}</span>
            </div>
            <p className="evidence-answer">
              {r.status && <strong>{r.status}. </strong>}
              {r.text || (r.status ? '' : <span className="muted">{t('writing.noAnswer')}</span>)}
            </p>
            <div className="evidence-tags">
              {r.view.current.source === 'draft' && r.answered.length > 0 && <span className="badge">{t('writing.draftAnswer')}</span>}
              {r.unreviewed && r.answered.length > 0 && <span className="badge warn">{t('writing.notReviewed')}</span>}
              {r.conflict && <span className="badge warn">{t('writing.conflict')}</span>}
              <button type="button" className="small" onClick={() => props.onInsert(r.item.id)} aria-label={t('writing.insertRefTo', { id: r.item.id })} data-testid={`insert-ref-${r.item.id}`}>
                {t('writing.insertRef')}
              </button>
            </div>
            {r.answered.length > 0 && (
              <details className="evidence-individual">
                <summary>{t('writing.individual', { count: r.answered.length })}</summary>
                <ul className="plain-list">
                  {r.answered.map((s) => (
                    <li key={s.interview.id}>
                      <strong>{s.interview.organization}</strong>
                      {s.stakeholders.length > 0 && <span className="muted"> ({s.stakeholders.map((p) => formatPersonName(lang, p.honorific, p.name)).join(', ')})</span>}
                      {': '}
                      {s.head && statusText(lang, r.item.id, s.head.value)}
                      {s.head && answerText(s.head.value) && <span className="evidence-own"> {answerText(s.head.value)}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
