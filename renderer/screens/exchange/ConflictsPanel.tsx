import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenLabel } from '../../../shared/checklist/answerLabels';
import { itemLabel } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import { conflicts, isQuestionConflict, type QuestionConflict as Conflict } from '../../../shared/merge';
import { applyPassage, hasWords, passagesToOffer, wordDiff, type DiffPart } from '../../../shared/merge/textDiff';
import type { AnswerValue, Assessment, ConsolidatedValue, RevisionBase } from '../../../shared/model/types';
import { Dialog } from '../../components/Dialog';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { repo, useProfile } from '../../db';
import { formatDateTime } from '../../i18n';

/**
 * Every slot with two head revisions, and a side-by-side view to resolve each: the words
 * each version alone has are marked, and a combined answer starts from one version with
 * the other's differing passages offered to insert.
 */
export function ConflictsPanel({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const data = useLiveQuery(async () => {
    const dataset = await repo.liveDataset(assessment.id);
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

type TextField = 'elaboration' | 'response' | 'timeline' | 'furtherInfo' | 'documents';
const TEXT_FIELDS: readonly TextField[] = ['elaboration', 'response', 'timeline', 'furtherInfo', 'documents'];
type AnyValue = AnswerValue | ConsolidatedValue;

function choiceText(lang: Lang, questionId: string, v: AnyValue): string {
  if (v.choice) return tokenLabel(lang, questionId, v.choice);
  if (v.choices?.length) return v.choices.map((c) => tokenLabel(lang, questionId, c)).join(', ');
  if (typeof v.number === 'number') return `${v.number}%`;
  return v.date ?? '';
}

/**
 * One version's text with the words only it has marked, as <ins> (exposed to assistive
 * technology as an insertion: what this version adds over the other).
 */
function MarkedText({ parts, side }: { parts: readonly DiffPart[]; side: 'a' | 'b' }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === 'same') return <span key={i}>{side === 'a' ? p.a : p.b}</span>;
        if ((p.kind === 'onlyA') !== (side === 'a')) return null;
        const text = p.kind === 'onlyA' ? p.a : p.b;
        if (!hasWords(text)) return <span key={i}>{text}</span>;
        // Spacing around the passage stays outside the highlight.
        const [, lead = '', words = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text) ?? [];
        return (
          <span key={i}>
            {lead}
            <ins className="diff-only">
              {words}
            </ins>
            {trail}
          </span>
        );
      })}
    </>
  );
}

function ConflictDialog({ conflict, lang, onClose }: { conflict: Conflict; lang: Lang; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const heads = conflict.heads as readonly RevisionBase[] as ReadonlyArray<RevisionBase & { value: AnyValue }>;
  const field: 'elaboration' | 'response' = heads.some((h) => h.value.response) ? 'response' : 'elaboration';
  const [baseIndex, setBaseIndex] = useState(0);
  const [combined, setCombined] = useState(() => heads[0]!.value[field] ?? '');
  const [used, setUsed] = useState<ReadonlySet<number>>(new Set());
  const sameAuthor = new Set(heads.map((h) => h.by)).size < heads.length;
  // Each version is compared with the next one (the first with the second).
  const other = (i: number) => (i === 0 ? 1 : 0);
  const textLang = lang; // word boundaries are found the same way in kk, ru and en
  const otherIndex = other(baseIndex);
  const passages = useMemo(
    () => passagesToOffer(heads[baseIndex]!.value[field] ?? '', heads[otherIndex]!.value[field] ?? '', textLang),
    [heads, baseIndex, otherIndex, field, textLang],
  );
  const save = async (value: AnyValue) => {
    if (!profile) return;
    // Saving on a conflicted slot creates a revision whose parents are all the heads.
    if (conflict.kind === 'answer') {
      await repo.saveAnswer({ assessmentId: conflict.heads[0]!.assessmentId, interviewId: conflict.interviewId, questionId: conflict.questionId }, value as AnswerValue, profile);
    } else {
      await repo.saveConsolidated({ assessmentId: conflict.assessmentId, questionId: conflict.questionId }, value as ConsolidatedValue, profile);
    }
    onClose();
  };
  const allRows: Array<{ key: 'choice' | TextField; label: string }> = [
    { key: 'choice', label: t('conflicts.answer') },
    ...TEXT_FIELDS.map((f) => ({ key: f, label: t(`wizard.field.${f}`) })),
  ];
  const rows = allRows.filter((r) => heads.some((h) => (r.key === 'choice' ? choiceText(lang, conflict.questionId, h.value) : h.value[r.key])));
  const differing = rows.filter((r) => {
    const values = heads.map((h) => (r.key === 'choice' ? choiceText(lang, conflict.questionId, h.value) : (h.value[r.key] ?? '')));
    return values.some((v) => v !== values[0]);
  }).length;

  return (
    <Dialog title={t('conflicts.dialogTitle', { id: conflict.questionId })} onClose={onClose} wide testId="conflict-dialog">
      <p className="muted">{itemLabel(lang, conflict.questionId)}</p>
      <p className="small-text">{t('conflictDiff.summary', { count: differing })}</p>
      <div className="side-by-side">
        {heads.map((h, i) => {
          const o = heads[other(i)]!;
          return (
            <div key={h.id} className="version card" data-testid={`version-${i + 1}`}>
              <h3>{t('conflicts.version', { n: i + 1 })}</h3>
              <p className="muted version-who">
                {t('conflictDiff.who', { name: h.byName, when: formatDateTime(i18n.language, h.at) })}
                {sameAuthor && <> · {t('conflictDiff.otherComputer')}</>}
              </p>
              <dl className="value-summary">
                {rows.map(({ key, label }) => {
                  const mine = key === 'choice' ? choiceText(lang, conflict.questionId, h.value) : (h.value[key] ?? '');
                  const theirs = key === 'choice' ? choiceText(lang, conflict.questionId, o.value) : (o.value[key] ?? '');
                  const parts = i === 0 ? wordDiff(mine, theirs, textLang) : wordDiff(theirs, mine, textLang);
                  return (
                    <div key={key} className={mine === theirs ? 'same-value' : 'differs'}>
                      <dt>
                        {label}
                        {mine === theirs && <span className="muted"> · {t('conflictDiff.same')}</span>}
                      </dt>
                      <dd className="pre-wrap">{mine === '' ? <span className="muted">—</span> : <MarkedText parts={parts} side={i === 0 ? 'a' : 'b'} />}</dd>
                    </div>
                  );
                })}
              </dl>
              <button type="button" className="primary" onClick={() => void save(h.value)} data-testid={`keep-version-${i + 1}`}>
                {t('conflicts.keep')}
              </button>
            </div>
          );
        })}
      </div>
      <section className="combine" aria-labelledby="combine-title">
        <h3 id="combine-title">{t('conflicts.combine')}</h3>
        <fieldset className="review-state">
          <legend>{t('conflictDiff.startFrom')}</legend>
          <div className="choice-group">
            {heads.map((h, i) => (
              <label key={h.id} className={`choice${baseIndex === i ? ' checked' : ''}`}>
                <input
                  type="radio"
                  name="combine-base"
                  checked={baseIndex === i}
                  onChange={() => {
                    setBaseIndex(i);
                    setCombined(h.value[field] ?? '');
                    setUsed(new Set());
                  }}
                  data-testid={`combine-from-${i + 1}`}
                />
                <span>{t('conflicts.version', { n: i + 1 })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="answer-field">
          <span className="field-label">{t(`wizard.field.${field}`)}</span>
          <AutoGrowTextarea value={combined} onChange={(e) => setCombined(e.target.value)} data-testid="combined-text" />
        </label>
        {passages.length > 0 ? (
          <div className="passages">
            <p className="field-label">{t('conflictDiff.offered', { n: otherIndex + 1, count: passages.length })}</p>
            <ul className="plain-list" data-testid="offered-passages">
              {passages.map((p, k) => (
                <li key={k} className="passage">
                  <span className="passage-text">
                    {p.replaces && (
                      <>
                        <del>{p.replaces}</del> →{' '}
                      </>
                    )}
                    <ins className="diff-only">{p.text}</ins>
                  </span>
                  <span className="passage-actions">
                    <button
                      type="button"
                      className="small"
                      disabled={used.has(k)}
                      onClick={() => {
                        setCombined((c) => applyPassage(c, p, 'insert'));
                        setUsed((u) => new Set(u).add(k));
                      }}
                      data-testid={`insert-passage-${k + 1}`}
                    >
                      {used.has(k) ? t('conflictDiff.used') : t('conflictDiff.insert')}
                    </button>
                    {p.replaces && !used.has(k) && (
                      <button
                        type="button"
                        className="small"
                        onClick={() => {
                          setCombined((c) => applyPassage(c, p, 'replace'));
                          setUsed((u) => new Set(u).add(k));
                        }}
                      >
                        {t('conflictDiff.replace')}
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted small-text">{t('conflictDiff.nothingToOffer')}</p>
        )}
        <div className="form-actions">
          <button type="button" onClick={() => void save({ ...heads[baseIndex]!.value, [field]: combined })} data-testid="save-combined">
            {t('conflicts.saveCombined')}
          </button>
        </div>
      </section>
    </Dialog>
  );
}
