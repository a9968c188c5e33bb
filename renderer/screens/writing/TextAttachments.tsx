/**
 * The attachments of one written text (`AttachmentLink` of kind `text`), shown under its
 * editor in the Report writing area. The slot for issue #11 (attachments): it renders
 * nothing until that work fills it in; every section, finding and recommendation editor
 * already places it.
 */
import type { Assessment } from '../../../shared/model/types';

export function TextAttachments(_props: { assessment: Assessment; textKey: string }) {
  return null;
}
