import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnswered } from '../../../shared/checklist/answerLabels';
import { displayNumber, itemTexts, type CatalogueItem } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import type { AnswerField } from '../../../shared/checklist/types';
import { AttachmentsField } from '../../components/AttachmentsField';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { AnswerControls, isInlineKind } from './AnswerControls';
import { saver, useWizard } from './store';

interface Props {
  item: CatalogueItem;
  lang: Lang;
  secondLang: Lang | '';
  /** Empty when relevant; otherwise "Not applicable (A2.1.4 answered No)". */
  skipReason: string;
  conflict: boolean;
  /** Supporting documents are attached to this answer. */
  hasFiles?: boolean;
  /** Focus mode: one question, large, on a screen the interviewee may see (no private notes). */
  presenting?: boolean;
}

/** Texts of the item in one language. */
function ItemText({ item, lang, id, secondary }: { item: CatalogueItem; lang: Lang; id?: string; secondary?: boolean }) {
  const texts = itemTexts(lang, item.id);
  return (
    <div lang={lang} className={secondary ? 'item-text secondary' : 'item-text'}>
      <p id={id} className="question-text">
        {texts.text ?? texts.title}
        {texts.instruction && <span className="instruction"> {texts.instruction}</span>}
      </p>
      {texts.note && <p className="note">{texts.note}</p>}
    </div>
  );
}

/** The free-text fields that carry the answer itself; the timeline sits beside them. */
const MAIN_FIELDS: readonly AnswerField[] = ['elaboration', 'response', 'furtherInfo'];

/** Characters of question text (about two lines beside the chips) up to which the chips sit on its line. */
const INLINE_TEXT_LIMIT = 120;

/**
 * One question in the compact density of a live interview: number, text and the answer
 * chips on one line where they fit; the elaboration (3 lines, growing) with the timeline
 * and the less used panels beside it.
 */
export const QuestionCard = memo(function QuestionCard({ item, lang, secondLang, skipReason, conflict, hasFiles = false, presenting = false }: Props) {
  const { t } = useTranslation();
  const value = useWizard((s) => s.values[item.id]);
  const update = useWizard((s) => s.update);
  const clearChoice = useWizard((s) => s.clearChoice);
  const interview = useWizard((s) => s.interview);
  const [showKept, setShowKept] = useState(false);
  const [moreOpen, setMoreOpen] = useState(() => !!(value?.documents || value?.notes || hasFiles));
  // Files are found after the first render (and may come with an import): show them when they appear.
  useEffect(() => {
    if (hasFiles) setMoreOpen(true);
  }, [hasFiles]);
  const [guidanceOpen, setGuidanceOpen] = useState(false);
  const textId = useId();
  const moreId = useId();
  const guidanceId = useId();
  const texts = itemTexts(lang, item.id);
  const number = displayNumber(item.id);

  if (item.role === 'heading') {
    return (
      <div className="item-heading" data-item-id={item.id} id={`item-${item.id}`}>
        <h3 lang={lang}>
          {number && <span className="item-number">{number}</span>} {texts.title}
        </h3>
        {secondLang && secondLang !== lang && (
          <p className="secondary" lang={secondLang}>
            {itemTexts(secondLang, item.id).title}
          </p>
        )}
        {(texts.intro ?? []).map((p, i) => (
          <p key={i} className="intro" lang={lang}>
            {p}
          </p>
        ))}
      </div>
    );
  }

  const answered = isAnswered(value);
  const notApplicable = skipReason !== '';
  const collapsed = notApplicable && !showKept;
  const fields = item.fields ?? [];
  const mainFields = fields.filter((f) => MAIN_FIELDS.includes(f));
  // The chips share the question's line only beside a short question; beside a long one
  // they would squeeze it into a narrow column.
  const textLength = (texts.text ?? texts.title ?? '').length + (texts.instruction?.length ?? 0);
  const inline = isInlineKind(item) && textLength <= INLINE_TEXT_LIMIT && !(secondLang && secondLang !== lang) && !presenting;
  const controls = (
    <AnswerControls item={item} value={value} lang={lang} labelledBy={textId} onChange={(p) => update(item.id, p)} onClear={() => clearChoice(item.id)} />
  );

  return (
    <article
      className={`question-card${notApplicable ? ' not-applicable' : ''}${answered ? ' answered' : ''}${conflict ? ' conflict' : ''}${presenting ? ' presenting' : ''}`}
      data-item-id={item.id}
      id={`item-${item.id}`}
      aria-labelledby={textId}
      tabIndex={-1}
    >
      {(texts.intro ?? []).map((p, i) => (
        <p key={i} className="intro" lang={lang}>
          {p}
        </p>
      ))}
      <div className="question-line">
        <header className="question-header">
          {number && (
            <span className="item-number" aria-hidden="true">
              {number}
            </span>
          )}
          <div className="question-texts">
            <span className="visually-hidden">{number} </span>
            <ItemText item={item} lang={lang} id={textId} />
            {secondLang && secondLang !== lang && <ItemText item={item} lang={secondLang} secondary />}
          </div>
        </header>
        {!collapsed && inline && <div className="question-line-controls" onBlur={() => void saver.flush()}>{controls}</div>}
        {answered && !notApplicable && (
          <span className="badge ok answered-badge" role="img" aria-label={t('wizard.answered')}>
            ✓
          </span>
        )}
      </div>

      {notApplicable && (
        <p className="skip-reason">
          {skipReason}
          {answered && (
            <>
              {' · '}
              <button type="button" className="link-button" aria-expanded={showKept} onClick={() => setShowKept(!showKept)}>
                {showKept ? t('wizard.hideKept') : t('wizard.showKept')}
              </button>
            </>
          )}
        </p>
      )}
      {conflict && <p className="notice warning">{t('wizard.conflictNotice')}</p>}

      {!collapsed && (
        <div className="question-body" onBlur={() => void saver.flush()}>
          {!inline && controls}
          <div className={`answer-fields${mainFields.length === 0 ? ' no-main' : ''}`}>
            {mainFields.length > 0 && (
              <div className="answer-main">
                {mainFields.map((f) => (
                  <label key={f} className={`answer-field field-${f}`}>
                    <span className="field-label">{t(`wizard.field.${f}`)}</span>
                    <AutoGrowTextarea rows={3} value={value?.[f] ?? ''} onChange={(e) => update(item.id, { [f]: e.target.value })} lang={lang} />
                  </label>
                ))}
              </div>
            )}
            <div className="answer-side">
              {fields.includes('timeline') && (
                <label className="answer-field field-timeline">
                  <span className="field-label">{t('wizard.field.timeline')}</span>
                  <input type="text" value={value?.timeline ?? ''} onChange={(e) => update(item.id, { timeline: e.target.value })} />
                </label>
              )}
              <div className="card-toggles">
                <button
                  type="button"
                  className="toggle-link"
                  aria-expanded={moreOpen}
                  aria-controls={moreOpen ? moreId : undefined}
                  title={presenting ? undefined : t('wizard.moreFields')}
                  onClick={() => setMoreOpen(!moreOpen)}
                >
                  {presenting ? t('wizardLayout.documentsToggleShared') : t('wizardLayout.documentsToggle')}
                  {(value?.documents || hasFiles || (!presenting && value?.notes)) && <span aria-hidden="true"> •</span>}
                </button>
                {texts.guidance && !presenting && (
                  <button
                    type="button"
                    className="toggle-link"
                    aria-expanded={guidanceOpen}
                    aria-controls={guidanceOpen ? guidanceId : undefined}
                    title={t('wizard.guidance')}
                    onClick={() => setGuidanceOpen(!guidanceOpen)}
                  >
                    {t('wizardLayout.guidanceToggle')}
                  </button>
                )}
              </div>
            </div>
          </div>
          {moreOpen && (
            <div className="more-fields" id={moreId}>
              <label className="answer-field">
                <span className="field-label">{t('wizard.field.documents')}</span>
                <AutoGrowTextarea value={value?.documents ?? ''} onChange={(e) => update(item.id, { documents: e.target.value })} />
              </label>
              {interview && (
                <AttachmentsField
                  assessmentId={interview.assessmentId}
                  link={{ kind: 'answer', interviewId: interview.id, questionId: item.id }}
                  label={t('documents.title')}
                  organization={interview.organization}
                />
              )}
              {!presenting && (
                <label className="answer-field notes-field">
                  <span className="field-label">{t('wizard.field.notes')}</span>
                  <AutoGrowTextarea value={value?.notes ?? ''} onChange={(e) => update(item.id, { notes: e.target.value })} />
                </label>
              )}
            </div>
          )}
          {guidanceOpen && texts.guidance && !presenting && (
            <p className="guidance" id={guidanceId} lang={lang}>
              {texts.guidance}
            </p>
          )}
          {(texts.footnotes ?? []).map((f, i) => (
            <p key={i} className="footnote" lang={lang}>
              {f}
            </p>
          ))}
        </div>
      )}
    </article>
  );
});
