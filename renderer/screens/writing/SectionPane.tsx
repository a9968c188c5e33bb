/** A report section's own text (executive summary, introduction, conclusion, part intros). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import type { Assessment, Dataset } from '../../../shared/model/types';
import { currentText, defaultIntroduction, headingText, sectionKey, sectionTitle, type SectionId } from '../../../shared/narrative';
import { TextSlotEditor } from './TextSlotEditor';
import { editLang, useWriteText } from './save';

/** The numbers of the sections with a text of their own (as reportOutline numbers them). */
const NUMBERS: Partial<Record<SectionId, string>> = { introduction: 'I', context: 'II', technical: 'III', legal: 'IV', recommendations: 'V', recommendationsTechnical: 'A', recommendationsLegal: 'B', actionPlan: 'VI', conclusion: 'VII' };

export function SectionPane(props: { assessment: Assessment; dataset: Dataset; id: SectionId; lang: Lang; back: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const write = useWriteText(props.assessment);
  const heading = headingText({ number: NUMBERS[props.id] ?? '', title: sectionTitle(props.dataset, props.id, props.lang).title });
  const key = sectionKey(props.id);
  const lang = editLang(props.dataset, key);
  const written = currentText(props.dataset, key, lang).value;
  return (
    <section className="card panel writing-pane" aria-labelledby="writing-pane-title">
      {props.back}
      <h2 id="writing-pane-title" tabIndex={-1}>
        {heading}
      </h2>
      {props.id === 'introduction' && (!written || written.kind !== 'section' || written.body.blocks.length === 0) && (
        <div className="notice">
          <p>{t('writing.introGenerated')}</p>
          <button type="button" onClick={() => void write(key, { kind: 'section', body: defaultIntroduction(props.dataset, lang), state: 'draft' }, lang)} data-testid="intro-from-default">
            {t('writing.introStart')}
          </button>
        </div>
      )}
      <TextSlotEditor assessment={props.assessment} dataset={props.dataset} textKey={key} kind="section" label={t('writing.textOf', { title: heading })} testId={`section-${props.id}`} compact={!!props.children} />
      {props.children}
    </section>
  );
}
