import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { skipReason, tokenLabel } from '../../../shared/checklist/answerLabels';
import { CATALOGUE_ITEMS, displayNumber, itemLabel, itemTexts, type CatalogueItem } from '../../../shared/checklist/catalogue';
import { pageOf } from '../../../shared/checklist/pages';
import { consolidatedView } from '../../../shared/consolidation';
import { LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import { CHECKLIST_PARTS, type Assessment, type ChecklistPart, type Dataset } from '../../../shared/model/types';
import { formatPersonName } from '../../../shared/stakeholders/honorific';
import { ProgressBar } from '../../components/ProgressBar';
import { repo } from '../../db';
import { formatDate } from '../../i18n';
import { ConsolidatedEditor } from './ConsolidatedEditor';

type Filter = 'all' | 'unresolved' | 'conflict' | 'hasIssues';
const QUESTIONS: readonly CatalogueItem[] = CATALOGUE_ITEMS.filter((i) => i.role === 'question');

/** The lead goes through the questions in checklist order and writes the consolidated answer of each. */
export function ConsolidationTab({ assessment, itemId }: { assessment: Assessment; itemId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dataset = useLiveQuery(() => repo.liveDataset(assessment.id), [assessment.id]);
  const [part, setPart] = useState<ChecklistPart | ''>('');
  const [section, setSection] = useState('');
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [selectedId, setSelectedId] = useState<string>(itemId ?? '');
  // A link to one item (a reference in the report's text) opens it, whatever the filters were.
  const [linked, setLinked] = useState(itemId);
  if (itemId !== linked) {
    setLinked(itemId);
    if (itemId) {
      setSelectedId(itemId);
      setPart('');
      setSection('');
      setStatus('');
      setFilter('all');
    }
  }

  const partsInUse = useMemo(() => new Set(dataset?.interviews.flatMap((iv) => iv.parts) ?? []), [dataset]);
  const rows = useMemo(() => {
    if (!dataset) return [];
    return QUESTIONS.filter((q) => partsInUse.has(q.part)).map((q) => {
      const v = consolidatedView(dataset, q.id);
      return {
        item: q,
        section: pageOf(q.id)?.id ?? '',
        review: v.consolidated.head?.value.review ?? 'draft',
        hasConsolidated: v.current.source === 'consolidated',
        conflict: v.consolidated.conflict || v.slots.some((s) => s.conflict),
        choice: v.current.value.choice ?? '',
        answeredBy: v.slots.filter((s) => s.state === 'answered').length,
      };
    });
  }, [dataset, partsInUse]);

  const visible = useMemo(
    () =>
      rows.filter(
        (r) =>
          (!part || r.item.part === part) &&
          (!section || r.section === section) &&
          (!status || r.choice === status) &&
          (filter === 'all' || (filter === 'unresolved' && r.review !== 'reviewed') || (filter === 'conflict' && r.conflict) || (filter === 'hasIssues' && r.review === 'hasIssues')),
      ),
    [rows, part, section, status, filter],
  );
  const selected = visible.find((r) => r.item.id === selectedId) ?? visible[0];
  const reviewed = rows.filter((r) => r.review === 'reviewed').length;
  const index = selected ? visible.indexOf(selected) : -1;

  const go = useCallback(
    (delta: number) => {
      const next = visible[index + delta];
      if (next) {
        setSelectedId(next.item.id);
        // The next question opens at its title, wherever the previous one was scrolled to.
        requestAnimationFrame(() => {
          const title = document.getElementById('consolidation-question');
          title?.scrollIntoView({ block: 'start' });
          title?.focus({ preventScroll: true });
        });
      }
    },
    [visible, index],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key === 'PageDown') {
        e.preventDefault();
        go(1);
      } else if (e.altKey && e.key === 'PageUp') {
        e.preventDefault();
        go(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (!dataset) return <p className="loading">{t('common.loading')}</p>;
  if (dataset.interviews.length === 0) return <p className="empty-state">{t('consolidation.noInterviews')}</p>;
  const sections = [...new Set(rows.filter((r) => !part || r.item.part === part).map((r) => r.section))];

  return (
    <div className="tab-content consolidation">
      <div className="toolbar">
        <label className="inline-field">
          <span>{t('consolidation.part')}</span>
          <select value={part} onChange={(e) => { setPart(e.target.value as ChecklistPart | ''); setSection(''); }}>
            <option value="">{t('consolidation.allParts')}</option>
            {CHECKLIST_PARTS.filter((p) => partsInUse.has(p)).map((p) => (
              <option key={p} value={p}>{t(`parts.${p}`)}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('consolidation.section')}</span>
          <select value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">{t('consolidation.allSections')}</option>
            {sections.map((s) => (
              <option key={s} value={s}>{`${displayNumber(s)} ${itemTexts(lang, s).title ?? ''}`.trim()}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('consolidation.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('consolidation.anyStatus')}</option>
            {['yes', 'partial', 'no', 'dontKnow', 'na'].map((s) => (
              <option key={s} value={s}>{tokenLabel(lang, 'A1.1', s)}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('consolidation.show')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="consolidation-filter">
            <option value="all">{t('consolidation.filter.all')}</option>
            <option value="unresolved">{t('consolidation.filter.unresolved')}</option>
            <option value="conflict">{t('consolidation.filter.conflict')}</option>
            <option value="hasIssues">{t('consolidation.filter.hasIssues')}</option>
          </select>
        </label>
        <span className="toolbar-spacer" />
        <ProgressBar answered={reviewed} relevant={rows.length} label={t('consolidation.progress')} text={t('consolidation.reviewedOf', { reviewed, total: rows.length })} />
      </div>
      <div className="consolidation-body">
        <nav className="question-list" aria-label={t('consolidation.questions')}>
          <p className="muted">{t('consolidation.count', { count: visible.length })}</p>
          <ol>
            {visible.map((r) => (
              <li key={r.item.id}>
                <button
                  type="button"
                  className={`question-link${r.item.id === selected?.item.id ? ' current' : ''}`}
                  aria-current={r.item.id === selected?.item.id ? 'true' : undefined}
                  onClick={() => setSelectedId(r.item.id)}
                >
                  <span className="item-number">{displayNumber(r.item.id) || '•'}</span>
                  <span className="question-link-text">{itemLabel(lang, r.item.id)}</span>
                  <span className={`review-dot review-${r.review}${r.conflict ? ' has-conflict' : ''}`} title={t(`consolidation.review.${r.review}`)} aria-label={t(`consolidation.review.${r.review}`)} />
                </button>
              </li>
            ))}
          </ol>
        </nav>
        {selected ? (
          <QuestionReview key={selected.item.id} dataset={dataset} item={selected.item} lang={lang} onNext={() => go(1)} onPrevious={() => go(-1)} position={t('consolidation.position', { current: index + 1, total: visible.length })} />
        ) : (
          <p className="empty-state">{t('consolidation.nothingMatches')}</p>
        )}
      </div>
    </div>
  );
}

function QuestionReview(props: { dataset: Dataset; item: CatalogueItem; lang: Lang; onNext: () => void; onPrevious: () => void; position: string }) {
  const { t, i18n } = useTranslation();
  const { dataset, item, lang } = props;
  const view = useMemo(() => consolidatedView(dataset, item.id), [dataset, item.id]);
  const [showAll, setShowAll] = useState(false);
  const texts = itemTexts(lang, item.id);
  // Answers (and skip-logic reasons) get a card each; the rest are listed in one line.
  const slots = view.slots.filter((s) => s.state === 'answered' || s.state === 'notApplicable' || (showAll && s.state !== 'notDiscussed'));
  const notDiscussed = view.slots.filter((s) => s.state === 'notDiscussed');
  const hidden = showAll ? 0 : view.slots.filter((s) => s.state === 'notCovered').length;
  return (
    <section className="question-review" aria-labelledby="consolidation-question">
      <div className="review-head">
        <div className="review-nav">
          <button type="button" onClick={props.onPrevious} aria-keyshortcuts="Alt+PageUp">← {t('consolidation.previous')}</button>
          <span className="muted">{props.position}</span>
          <button type="button" onClick={props.onNext} aria-keyshortcuts="Alt+PageDown">{t('consolidation.next')} →</button>
        </div>
        <h2 id="consolidation-question" tabIndex={-1}>
          <span className="item-number">{displayNumber(item.id)}</span> {texts.text ?? texts.title}
        </h2>
        {texts.instruction && <p className="instruction">{texts.instruction}</p>}
      </div>

      {/* From 1280 px: the answers scroll on the left, the lead's editor stays in view on the right. */}
      <div className="review-panes">
        <div className="review-answers">
          <h3>{t('consolidation.stakeholderAnswers', { count: view.slots.filter((s) => s.state === 'answered').length })}</h3>
          <div className="answers-grid" data-testid="stakeholder-answers">
            {slots.map((s) => {
              const v = s.head?.value;
              return (
                <article key={s.interview.id} className={`answer-card state-${s.state}${s.conflict ? ' conflict' : ''}`}>
                  <header>
                    <p className="answer-org">{s.interview.organization}</p>
                    <p className="muted small-text">{s.stakeholders.map((p) => formatPersonName(i18n.language as Lang, p.honorific, p.name)).join(', ')}</p>
                    <p className="muted small-text">
                      {s.interview.interviewerName} · {formatDate(i18n.language, s.interview.date)} · <span lang={s.interview.language}>{LANGUAGE_NAMES[s.interview.language]}</span>
                    </p>
                  </header>
                  {s.state === 'answered' && v && (
                    <div className="answer-content" lang={s.interview.language}>
                      {v.choice && <p className={`status-pill status-${v.choice}`}>{tokenLabel(lang, item.id, v.choice)}</p>}
                      {v.choices && v.choices.length > 0 && <p>{v.choices.map((c) => tokenLabel(lang, item.id, c)).join(', ')}</p>}
                      {typeof v.number === 'number' && <p>{v.number}%</p>}
                      {v.date && <p>{v.date}</p>}
                      {(['elaboration', 'response', 'furtherInfo'] as const).map((f) => v[f] && <p key={f} className="pre-wrap">{v[f]}</p>)}
                      {v.timeline && <p className="timeline"><strong>{t('wizard.field.timeline')}:</strong> {v.timeline}</p>}
                      {v.documents && <p className="muted small-text"><strong>{t('wizard.field.documents')}:</strong> {v.documents}</p>}
                      {s.conflict && <p className="notice warning">{t('consolidation.slotConflict', { count: s.heads.length })}</p>}
                    </div>
                  )}
                  {s.state === 'notApplicable' && <p className="skip-reason">{skipReason(lang, s.relevance)}</p>}
                  {s.state === 'notDiscussed' && <p className="muted">{t('consolidation.notDiscussed')}</p>}
                  {s.state === 'notCovered' && <p className="muted">{t('consolidation.notCovered')}</p>}
                </article>
              );
            })}
          </div>
          {notDiscussed.length > 0 && (
            <div className="not-discussed small-text" data-testid="not-discussed">
              <span className="muted">{t('consolidationLayout.notDiscussedWith', { count: notDiscussed.length })}</span>
              <ul className="inline-list">
                {notDiscussed.map((s) => (
                  <li key={s.interview.id} title={`${s.interview.interviewerName} · ${formatDate(i18n.language, s.interview.date)}`}>
                    {s.interview.organization}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {hidden > 0 && (
            <button type="button" className="link-button" onClick={() => setShowAll(true)} data-testid="show-not-covered">
              {t('consolidation.showNotCovered', { count: hidden })}
            </button>
          )}
        </div>
        <div className="review-editor" data-testid="review-editor">
          <ConsolidatedEditor assessmentId={dataset.assessment.id} item={item} view={view} lang={lang} />
        </div>
      </div>
    </section>
  );
}
