/**
 * The data model shared by the wizard, bundles, merge, consolidation and the report.
 * Plain serialisable records; ids are random UUIDs, times ISO 8601 strings (UTC).
 *
 * Entities (assessment, stakeholder, interview) are small records merged last-writer-wins
 * by `updatedAt`. Answers are revisions, merged as a set union by id (see shared/answers).
 */
import type { Lang } from '../i18n';

export type Id = string;
/** ISO 8601 timestamp, e.g. "2026-11-25T12:43:53.123Z". */
export type Timestamp = string;
/** Calendar date "YYYY-MM-DD". */
export type CalendarDate = string;

export interface Assessment {
  readonly id: Id;
  readonly country: string;
  readonly title: string;
  /** Fieldwork period. */
  readonly periodStart: CalendarDate | '';
  readonly periodEnd: CalendarDate | '';
  /** Languages the report will be produced in. */
  readonly reportLanguages: readonly Lang[];
  /** The catalogue version the assessment was created with (CATALOGUE_VERSION). */
  readonly catalogueVersion: string;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

/** The person using this device. */
export interface Interviewer {
  readonly id: Id;
  readonly name: string;
  readonly organization: string;
  /** Generated once per device and kept. */
  readonly deviceId: Id;
}

export const SECTORS = ['government', 'private', 'association', 'international', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export interface Stakeholder {
  readonly id: Id;
  readonly assessmentId: Id;
  readonly organization: string;
  /** "Mr." / "Ms." as in the seed's Annex I, or empty. */
  readonly honorific: string;
  readonly name: string;
  readonly position: string;
  readonly sector: Sector;
  readonly contacts: string;
  readonly notes: string;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
  /** Interviewer who last changed it. */
  readonly updatedBy: Id;
}

/** Parts of the instruments an interview can cover. */
export const CHECKLIST_PARTS = ['techA', 'techB', 'appendix', 'legalI', 'legalII', 'legalIII', 'legalIV'] as const;
export type ChecklistPart = (typeof CHECKLIST_PARTS)[number];

export type InterviewStatus = 'draft' | 'completed';

export interface Interview {
  readonly id: Id;
  readonly assessmentId: Id;
  /** One or more people of one organisation. */
  readonly stakeholderIds: readonly Id[];
  readonly organization: string;
  readonly date: CalendarDate | '';
  readonly place: string;
  /** The language the interview is conducted in (answers are typed in it). */
  readonly language: Lang;
  readonly parts: readonly ChecklistPart[];
  readonly status: InterviewStatus;
  readonly interviewerId: Id;
  readonly interviewerName: string;
  readonly deviceId: Id;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

/**
 * One answer as typed. Which fields apply depends on the item's kind and fields in the
 * catalogue; absent means not given.
 */
export interface AnswerValue {
  /** status / yesNo / band / singleSelect: the chosen token ("yes", "partial", "no", "dontKnow", "na", "high", an option id). */
  readonly choice?: string;
  /** multiSelect: chosen option ids. */
  readonly choices?: readonly string[];
  /** percentage: 0–100. */
  readonly number?: number;
  /** date kind: "YYYY-MM". */
  readonly date?: string;
  /** Text for the "please specify" option. */
  readonly other?: string;
  readonly elaboration?: string;
  readonly timeline?: string;
  readonly response?: string;
  readonly furtherInfo?: string;
  /** "Documents and laws mentioned". */
  readonly documents?: string;
  /** Private interviewer notes: never exported to a report. */
  readonly notes?: string;
}

/** The lead's review state of a consolidated answer. */
export type ReviewState = 'draft' | 'reviewed' | 'hasIssues';

export interface ConsolidatedValue extends Omit<AnswerValue, 'notes'> {
  readonly review: ReviewState;
  readonly comment?: string;
}

/** Fields every revision carries: who, when, where, and its ancestry. */
export interface RevisionBase {
  readonly id: Id;
  readonly assessmentId: Id;
  readonly questionId: string;
  readonly at: Timestamp;
  readonly by: Id;
  readonly byName: string;
  readonly deviceId: Id;
  /** Revisions this one supersedes (empty for the first). Two parents resolve a conflict. */
  readonly parents: readonly Id[];
}

/** An interview answer revision. The answer "slot" is (interviewId, questionId). */
export interface AnswerRevision extends RevisionBase {
  readonly interviewId: Id;
  readonly value: AnswerValue;
}

/** A consolidated answer revision, one slot per (assessmentId, questionId). */
export interface ConsolidatedRevision extends RevisionBase {
  readonly value: ConsolidatedValue;
}

/** Everything a bundle carries for one assessment (also the shape of a merged dataset). */
export interface Dataset {
  readonly assessment: Assessment;
  readonly stakeholders: readonly Stakeholder[];
  readonly interviews: readonly Interview[];
  readonly answers: readonly AnswerRevision[];
  readonly consolidated: readonly ConsolidatedRevision[];
}
