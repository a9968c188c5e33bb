/**
 * A returned questionnaire, checked against what is recorded: the preview the user reviews
 * (answers found, ambiguous ticks, rows not recognised, questions left empty, differences
 * with the recorded answers) and, after they choose, the Dataset of new revisions that goes
 * through the ordinary import pipeline (planImport + applyPlan, or a bundle from the CLI).
 *
 * Written replies are revisions by "Written reply" (byName, in the questionnaire's
 * language) whose deviceId is `docx-sha256:<hash of the file>`; the app's import log records
 * the same hash as the file's payload hash.
 */
import { CATALOGUE_HASH, CATALOGUE_VERSION, getItem, itemsForParts, isCompatibleCatalogue } from '../checklist/catalogue';
import { sha256, toHex } from '../bundle/crypto';
import type { BundleManifest } from '../bundle/schema';
import { indexDataset } from '../consolidation';
import { fill } from '../checklist/answerLabels';
import type { Lang } from '../i18n';
import type { AnswerRevision, AnswerValue, Dataset, Id, Interview } from '../model/types';
import { questionnaireContent, questionnaireTarget, type QuestionnaireTarget } from './build';
import { DocxError, MAX_FILE_BYTES, readDocx, type DocxErrorCode } from './docx';
import { normalizeLabel } from './layout';
import { checkAnswerValue, describeValueProblem } from '../checklist/values';
import { readReplyBody, type QuestionnaireInfo, type RowAnswer } from './read';
import { QUESTIONNAIRE_STRINGS } from './strings';
import { liveDataset } from '../merge/tombstones';

export type ReplyErrorCode = DocxErrorCode | 'notQuestionnaire' | 'otherAssessment' | 'noRows';

export interface ReplyError {
  readonly code: ReplyErrorCode;
  readonly params: { readonly file: string; readonly size?: number; readonly limit?: number; readonly detail?: string };
}

/** The message for a refused file, in the user's language. */
export function replyErrorMessage(lang: Lang, error: ReplyError): string {
  const E = QUESTIONNAIRE_STRINGS[lang].errors;
  const p = error.params;
  return fill(E[error.code], {
    file: p.file,
    size: p.size !== undefined ? (Math.round((p.size / 1048576) * 10) / 10).toString() : '',
    limit: String(Math.round((p.limit ?? MAX_FILE_BYTES) / 1048576)),
    detail: p.detail ?? '',
  });
}

/**
 * new       – nothing recorded; the file answers it
 * same      – the file says what is recorded
 * differs   – the file says something else than what is recorded
 * ambiguous – the ticks cannot be one answer (or the status could not be read)
 * empty     – the row is there but left empty
 */
export type ReplyState = 'new' | 'same' | 'differs' | 'ambiguous' | 'empty';

export interface ReplyQuestion {
  readonly questionId: string;
  readonly state: ReplyState;
  /** What the file says (only the fields it filled in). */
  readonly found: AnswerValue;
  /** The recorded answer (head revision), if any. */
  readonly recorded: AnswerValue | undefined;
  /** Heads of the recorded slot: the parents of a new revision. */
  readonly parents: readonly Id[];
  readonly ambiguity?: RowAnswer['ambiguity'];
}

export interface ReplyPreview {
  readonly fileName: string;
  readonly sha256: string;
  readonly info: QuestionnaireInfo;
  /** The interview the answers go to; undefined when the questionnaire was for an organisation not yet interviewed. */
  readonly interview: Interview | undefined;
  readonly target: QuestionnaireTarget;
  /** Every question row found, in document order. */
  readonly questions: readonly ReplyQuestion[];
  /** Questions of the questionnaire's parts whose rows are missing (deleted). */
  readonly missing: readonly string[];
  /** Rows no question was found for, with the question row above them. */
  readonly unrecognised: ReadonlyArray<{ readonly text: string; readonly after?: string }>;
  /** Text typed outside the tables. */
  readonly outside: readonly string[];
  /** The catalogue the questionnaire was made with differs (same major version: still read). */
  readonly catalogueDiffers: boolean;
}

export type ReplyCheck = { readonly ok: true; readonly preview: ReplyPreview } | { readonly ok: false; readonly error: ReplyError };

type MutableValue = { -readonly [K in keyof AnswerValue]: AnswerValue[K] };

const TEXT_KEYS = ['other', 'elaboration', 'timeline', 'response', 'furtherInfo'] as const;

/** Comparable text: list markers and whitespace do not count. */
function comparable(text: string | undefined): string {
  return (text ?? '')
    .split(/\r\n|\r|\n/)
    .map((l) => normalizeLabel(l.replace(/^\s*[-•]\s+/, '')))
    .filter((l) => l !== '')
    .join('\n');
}

function saysAnything(v: AnswerValue): boolean {
  return !!v.choice || (v.choices?.length ?? 0) > 0 || typeof v.number === 'number' || !!v.date || TEXT_KEYS.some((k) => !!v[k]?.trim());
}

/** Whether every field the file filled in says the same as the recorded answer. */
function sameAsRecorded(found: AnswerValue, recorded: AnswerValue): boolean {
  if (found.choice !== undefined && found.choice !== recorded.choice) return false;
  if (found.choices !== undefined && [...found.choices].sort().join(';') !== [...(recorded.choices ?? [])].sort().join(';')) return false;
  if (found.number !== undefined && found.number !== recorded.number) return false;
  if (found.date !== undefined && found.date !== recorded.date) return false;
  return TEXT_KEYS.every((k) => found[k] === undefined || comparable(found[k]) === comparable(recorded[k]));
}

/** The recorded answer with what the file filled in (an empty cell never erases a recorded text). */
export function mergedValue(recorded: AnswerValue | undefined, found: AnswerValue, choice?: string): AnswerValue {
  const out: MutableValue = { ...(recorded ?? {}) };
  for (const [k, v] of Object.entries(found) as Array<[keyof AnswerValue, unknown]>) {
    if (v === undefined || v === '') continue;
    (out as Record<string, unknown>)[k] = v;
  }
  if (choice !== undefined) out.choice = choice;
  return out;
}

async function fileHash(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}

/**
 * Reads a returned questionnaire and compares it with the dataset it belongs to. Nothing is
 * written; a file that cannot be read safely, or belongs elsewhere, is an error.
 */
export async function checkReply(stored: Dataset, fileName: string, bytes: Uint8Array): Promise<ReplyCheck> {
  const dataset = liveDataset(stored);
  const fail = (code: ReplyErrorCode, params: Omit<ReplyError['params'], 'file'> = {}): ReplyCheck => ({ ok: false, error: { code, params: { file: fileName, ...params } } });
  if (bytes.length > MAX_FILE_BYTES) return fail('tooLarge', { size: bytes.length, limit: MAX_FILE_BYTES });
  let read;
  try {
    read = readReplyBody(readDocx(bytes));
  } catch (err) {
    if (err instanceof DocxError) return fail(err.code, err.code === 'tooLarge' ? { size: bytes.length, limit: MAX_FILE_BYTES } : { detail: err.detail });
    return fail('damaged', { detail: err instanceof Error ? err.message : String(err) });
  }
  const info = read.info;
  if (!info) return fail('notQuestionnaire');
  if (info.assessmentId !== dataset.assessment.id) return fail('otherAssessment');
  if (read.rows.length === 0) return fail('noRows');

  const interview = dataset.interviews.find((iv) => iv.id === info.interviewId);
  const target: QuestionnaireTarget =
    (interview ? questionnaireTarget(dataset, { interviewId: interview.id }, () => info.interviewId) : questionnaireTarget(dataset, { organization: info.organization }, () => info.interviewId)) ?? {
      interviewId: info.interviewId,
      organization: info.organization,
      stakeholders: [],
      interview: undefined,
    };
  const index = indexDataset(dataset);
  const questions: ReplyQuestion[] = read.rows.map((read) => {
    // What the checklist does not allow for this question is not taken (shared/checklist/values.ts).
    const problems = checkAnswerValue(read.questionId, read.value);
    const row: RowAnswer =
      problems.length === 0
        ? read
        : {
            questionId: read.questionId,
            value: Object.fromEntries(Object.entries(read.value).filter(([k]) => !problems.some((p) => p.field === k))) as AnswerValue,
            ambiguity: { tokens: read.ambiguity?.tokens ?? [], text: [read.ambiguity?.text, ...problems.map(describeValueProblem)].filter(Boolean).join('\n') },
          };
    const state = interview ? index.answerState(interview.id, row.questionId) : { head: undefined, heads: [] as AnswerRevision[] };
    const recorded = state.head?.value;
    const parents = state.heads.map((h) => h.id).sort();
    const base = { questionId: row.questionId, found: row.value, recorded, parents, ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}) };
    if (row.ambiguity) return { ...base, state: 'ambiguous' as const };
    if (!saysAnything(row.value)) return { ...base, state: 'empty' as const };
    if (!recorded || !saysAnything(recorded)) return { ...base, state: 'new' as const };
    return { ...base, state: sameAsRecorded(row.value, recorded) ? ('same' as const) : ('differs' as const) };
  });

  const present = new Set(read.rows.map((r) => r.questionId));
  const missing = itemsForParts(info.parts)
    .filter((i) => i.role === 'question' && !present.has(i.id))
    .map((i) => i.id);

  // What we wrote outside the question rows (cover, headings, intros) is not the respondent's.
  const ours = new Set(
    questionnaireContent(dataset, { lang: info.lang, parts: info.parts, target, prefill: info.prefilled })
      .bodyTexts.flatMap((t) => t.split(/\r\n|\r|\n/))
      .map(normalizeLabel),
  );
  const typed = (text: string) => text.split('\n').some((l) => normalizeLabel(l) !== '' && !ours.has(normalizeLabel(l)));
  return {
    ok: true,
    preview: {
      fileName,
      sha256: await fileHash(bytes),
      info,
      interview,
      target,
      questions,
      missing,
      unrecognised: read.unrecognised.filter((u) => typed(u.text.split(' | ').join('\n'))),
      outside: read.outside.filter(typed),
      catalogueDiffers: info.catalogueVersion !== CATALOGUE_VERSION && isCompatibleCatalogue(info.catalogueVersion || '0.0.0'),
    },
  };
}

// ---- Decisions and the import ----------------------------------------------------------

/** Per question: take the file's answer, keep the recorded one, or (ambiguous ticks) take one ticked option. */
export type ReplyDecision = 'file' | 'recorded' | { readonly choice: string };

/** What the import does by default: new and different answers come from the file; ambiguous ticks keep the recorded status (the file's texts still count). */
export function defaultDecision(q: ReplyQuestion): ReplyDecision {
  return q.state === 'same' || q.state === 'empty' ? 'recorded' : 'file';
}

/** The revisions a decision set writes: only questions whose answer actually changes. */
export function replyRevisions(
  preview: ReplyPreview,
  decisions: ReadonlyMap<string, ReplyDecision>,
  opts: { readonly now: string; readonly newId: () => Id; readonly assessmentId: Id },
): AnswerRevision[] {
  const byName = QUESTIONNAIRE_STRINGS[preview.info.lang].writtenReply;
  const out: AnswerRevision[] = [];
  for (const q of preview.questions) {
    const decision = decisions.get(q.questionId) ?? defaultDecision(q);
    if (decision === 'recorded' || q.state === 'empty' || q.state === 'same') continue;
    const item = getItem(q.questionId);
    if (!item) continue;
    // Ambiguous ticks: the file's choice is not taken unless one was picked.
    const found: AnswerValue = q.state === 'ambiguous' ? { ...q.found, choice: undefined } : q.found;
    const value = mergedValue(q.recorded, found, typeof decision === 'object' ? decision.choice : undefined);
    if (q.recorded && sameAsRecorded(value, q.recorded) && sameAsRecorded(q.recorded, value)) continue;
    if (!saysAnything(value)) continue;
    out.push({
      id: opts.newId(),
      assessmentId: opts.assessmentId,
      interviewId: preview.info.interviewId,
      questionId: q.questionId,
      value: cleanValue(value),
      at: opts.now,
      by: WRITTEN_REPLY_ID,
      byName,
      deviceId: replyDeviceId(preview.sha256),
      parents: [...q.parents],
    });
  }
  return out;
}

function cleanValue(v: AnswerValue): AnswerValue {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as AnswerValue;
}

export const WRITTEN_REPLY_ID = 'written-reply';

export function replyDeviceId(sha256Hex: string): string {
  return `docx-sha256:${sha256Hex}`;
}

/**
 * The Dataset to import: the assessment, the interview (a new one, dated today, when the
 * questionnaire was sent to an organisation not yet interviewed) with its stakeholders, and
 * the new revisions.
 */
export function replyDataset(
  dataset: Dataset,
  preview: ReplyPreview,
  decisions: ReadonlyMap<string, ReplyDecision>,
  opts: { readonly now: string; readonly newId: () => Id },
): Dataset {
  const answers = replyRevisions(preview, decisions, { ...opts, assessmentId: dataset.assessment.id });
  const byName = QUESTIONNAIRE_STRINGS[preview.info.lang].writtenReply;
  const interview: Interview = preview.interview ?? {
    id: preview.info.interviewId,
    assessmentId: dataset.assessment.id,
    stakeholderIds: preview.target.stakeholders.map((s) => s.id),
    organization: preview.target.organization || preview.info.organization,
    date: opts.now.slice(0, 10),
    place: '',
    language: preview.info.lang,
    parts: [...preview.info.parts],
    status: 'completed',
    interviewerId: WRITTEN_REPLY_ID,
    interviewerName: byName,
    deviceId: replyDeviceId(preview.sha256),
    createdAt: opts.now,
    updatedAt: opts.now,
  };
  const people = new Set(interview.stakeholderIds);
  return {
    assessment: dataset.assessment,
    stakeholders: dataset.stakeholders.filter((s) => people.has(s.id)),
    interviews: [interview],
    answers,
    consolidated: [],
    texts: [],
    tombstones: [],
    attachments: [],
  };
}

/** A manifest for importing a reply Dataset in the app: the file's hash stands for the payload hash in the import log. */
export function replyManifest(preview: ReplyPreview, reply: Dataset, opts: { readonly now: string; readonly bundleId: string; readonly appVersion: string }): BundleManifest {
  return {
    bundleId: opts.bundleId,
    exportedAt: opts.now,
    interviewer: { id: WRITTEN_REPLY_ID, name: QUESTIONNAIRE_STRINGS[preview.info.lang].writtenReply, organization: preview.target.organization },
    deviceId: replyDeviceId(preview.sha256),
    appVersion: opts.appVersion,
    catalogueVersion: CATALOGUE_VERSION,
    catalogueHash: CATALOGUE_HASH,
    kind: 'interviews',
    assessmentId: reply.assessment.id,
    counts: {
      stakeholders: reply.stakeholders.length,
      interviews: reply.interviews.length,
      answers: reply.answers.length,
      consolidated: 0,
      texts: 0,
      tombstones: 0,
      attachments: 0,
    },
    payloadSha256: preview.sha256,
  };
}
