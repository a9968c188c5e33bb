import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnswered } from '../../../shared/checklist/answerLabels';
import { displayNumber, itemTexts, type CatalogueItem } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { AnswerControls } from './AnswerControls';
import { saver, useWizard } from './store';

interface Props {
  item: CatalogueItem;
  lang: Lang;
  secondLang: Lang | '';
  /** Empty when relevant; otherwise "Not applicable (A2.1.4 answered No)". */
  skipReason: string;
  conflict: boolean;
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

export const QuestionCard = memo(function QuestionCard({ item, lang, secondLang, skipReason, conflict }: Props) {
  const { t } = useTranslation();
  const value = useWizard((s) => s.values[item.id]);
  const update = useWizard((s) => s.update);
  const clearChoice = useWizard((s) => s.clearChoice);
  const [showKept, setShowKept] = useState(false);
  const textId = useId();
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
  const fieldLabel = (f: string) => t(`wizard.field.${f}`);

  return (
    <article
      className={`question-card${notApplicable ? ' not-applicable' : ''}${answered ? ' answered' : ''}${conflict ? ' conflict' : ''}`}
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
      <header className="question-header">
        {number && <span className="item-number" aria-hidden="true">{number}</span>}
        <div className="question-texts">
          <span className="visually-hidden">{number} </span>
          <ItemText item={item} lang={lang} id={textId} />
          {secondLang && secondLang !== lang && <ItemText item={item} lang={secondLang} secondary />}
        </div>
        {answered && !notApplicable && (
          <span className="badge ok" aria-label={t('wizard.answered')}>
            ✓
          </span>
        )}
      </header>

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
          <AnswerControls item={item} value={value} lang={lang} labelledBy={textId} onChange={(p) => update(item.id, p)} onClear={() => clearChoice(item.id)} />
          {fields.map((f) => (
            <label key={f} className={`answer-field field-${f}`}>
              <span className="field-label">{fieldLabel(f)}</span>
              {f === 'timeline' ? (
                <input type="text" value={value?.timeline ?? ''} onChange={(e) => update(item.id, { timeline: e.target.value })} />
              ) : (
                <AutoGrowTextarea value={value?.[f] ?? ''} onChange={(e) => update(item.id, { [f]: e.target.value })} lang={lang} />
              )}
            </label>
          ))}
          <details className="more-fields" open={!!(value?.documents || value?.notes)}>
            <summary>{t('wizard.moreFields')}</summary>
            <label className="answer-field">
              <span className="field-label">{t('wizard.field.documents')}</span>
              <AutoGrowTextarea value={value?.documents ?? ''} onChange={(e) => update(item.id, { documents: e.target.value })} />
            </label>
            <label className="answer-field notes-field">
              <span className="field-label">{t('wizard.field.notes')}</span>
              <AutoGrowTextarea value={value?.notes ?? ''} onChange={(e) => update(item.id, { notes: e.target.value })} />
            </label>
          </details>
          {texts.guidance && (
            <details className="guidance">
              <summary>{t('wizard.guidance')}</summary>
              <p lang={lang}>{texts.guidance}</p>
            </details>
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
