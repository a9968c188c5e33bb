/**
 * One written text with its editor: the rich text, its review state, and — when two
 * people edited it — the two versions side by side for the lead to choose from. Used for
 * report sections and findings (`section:…`, `finding:…`); with `lang` and `extra`, a
 * translation of one (issue #10).
 */
import { forwardRef, useCallback, useId, useImperativeHandle, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import type { TextExtra } from '../../db/repo';
import type { Assessment, Dataset, RichText, TextValue } from '../../../shared/model/types';
import { EMPTY_RICH, currentText } from '../../../shared/narrative';
import { RichTextEditor, type RichTextEditorHandle } from '../../components/richtext/RichTextEditor';
import { useRouter } from '../../state/router';
import { TextAttachments } from './TextAttachments';
import { TextConflict } from './TextConflict';
import { editLang, usePending, useUpdateText } from './save';

type Editable = Extract<TextValue, { kind: 'section' | 'finding' }>;

export const TextSlotEditor = forwardRef<RichTextEditorHandle, { assessment: Assessment; dataset: Dataset; textKey: string; kind: 'section' | 'finding'; label: string; testId: string; compact?: boolean; lang?: Lang; extra?: TextExtra }>(
  function TextSlotEditor(props, ref) {
    const { t } = useTranslation();
    const update = useUpdateText(props.assessment);
    const navigate = useRouter((s) => s.navigate);
    const { assessment, textKey, kind } = props;
    // The source language unless a caller (a translation) names another; `extra` travels with each write.
    const lang = props.lang ?? editLang(props.dataset, textKey);
    const { extra } = props;
    const slot = currentText(props.dataset, textKey, lang);
    const stored = slot.value && slot.value.kind === kind ? (slot.value as Editable) : undefined;
    const empty: Editable = useMemo(() => (kind === 'section' ? { kind: 'section', body: EMPTY_RICH, state: 'draft' } : { kind: 'finding', body: EMPTY_RICH, state: 'draft' }), [kind]);
    const value = stored ?? empty;
    const reviewedId = useId();
    const [reviewed, setReviewed] = usePending(value.state === 'reviewed');
    const editor = useRef<RichTextEditorHandle>(null);
    useImperativeHandle(ref, () => ({
      insertRef: (id: string) => editor.current?.insertRef(id),
      focus: () => editor.current?.focus(),
      flush: () => editor.current?.flush(),
    }));
    const onChange = useCallback((body: RichText) => void update(textKey, lang, empty, (v) => ({ ...(v as Editable), body }), extra), [update, textKey, lang, empty, extra]);
    const openRef = useCallback((itemId: string) => navigate({ name: 'assessment', assessmentId: assessment.id, tab: 'consolidation', itemId }), [navigate, assessment.id]);
    const refHref = useCallback((itemId: string) => `#/a/${encodeURIComponent(assessment.id)}/consolidation/${encodeURIComponent(itemId)}`, [assessment.id]);
    return (
      <div className="text-slot">
        {slot.conflict && <TextConflict assessment={props.assessment} heads={slot.heads} lang={lang} />}
        <RichTextEditor ref={editor} value={value.body} onChange={onChange} label={props.label} lang={lang} compact={props.compact} refHref={refHref} onOpenRef={openRef} testId={props.testId} />
        <div className="text-slot-footer">
          <label className="checkbox" htmlFor={reviewedId}>
            <input
              id={reviewedId}
              type="checkbox"
              checked={reviewed}
              onChange={(e) => {
                setReviewed(e.target.checked);
                const state = e.target.checked ? 'reviewed' : 'draft';
                // A pending edit of the text is queued first; the state joins the stored value.
                editor.current?.flush();
                void update(textKey, lang, empty, (v) => ({ ...(v as Editable), state }), extra);
              }}
              data-testid={`${props.testId}-reviewed`}
            />
            <span>{t('writing.reviewed')}</span>
          </label>
          <span className="muted">{t('writing.writtenIn', { language: LANGUAGE_NAMES[lang] })}</span>
        </div>
        <TextAttachments assessment={props.assessment} textKey={textKey} />
      </div>
    );
  },
);
