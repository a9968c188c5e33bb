/**
 * Questionnaires out and back (docs/data-exchange.md): a fillable Word questionnaire for one
 * organisation, and a returned one read back as an interview's answers, previewed against
 * what is recorded and imported as "Written reply" revisions.
 */
export { buildQuestionnaire, questionnaireContent, questionnaireTarget, PROPERTY, type QuestionnaireOptions, type QuestionnaireTarget } from './build';
export { readDocx, DocxError, MAX_FILE_BYTES, type DocxErrorCode } from './docx';
export { readReply, readReplyBody, type QuestionnaireInfo, type ReadReply, type RowAnswer } from './read';
export {
  checkReply,
  defaultDecision,
  mergedValue,
  replyDataset,
  replyErrorMessage,
  replyManifest,
  replyRevisions,
  replyDeviceId,
  WRITTEN_REPLY_ID,
  type ReplyCheck,
  type ReplyDecision,
  type ReplyError,
  type ReplyErrorCode,
  type ReplyPreview,
  type ReplyQuestion,
  type ReplyState,
} from './reply';
export { bookmarkName, boxLabel, boxTokens, LAYOUTS } from './layout';
export { QUESTIONNAIRE_STRINGS, type QuestionnaireStrings } from './strings';
