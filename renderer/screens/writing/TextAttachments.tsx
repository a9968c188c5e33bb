/**
 * The supporting documents of one written text (an `AttachmentLink` of kind `text`), shown
 * under its editor in the Report writing area: drop, paste or choose files as on an answer.
 */
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../shared/model/types';
import { AttachmentsField } from '../../components/AttachmentsField';

export function TextAttachments(props: { assessment: Assessment; textKey: string }) {
  const { t } = useTranslation();
  return <AttachmentsField assessmentId={props.assessment.id} link={{ kind: 'text', key: props.textKey }} label={t('documents.title')} />;
}
