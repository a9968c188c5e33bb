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
  /**
   * Format 2. The date printed on the report's cover ("YYYY-MM-DD"); absent or "" falls back
   * to the end of the fieldwork period.
   */
  readonly reportDate?: CalendarDate | '';
  /**
   * Format 2. The language the lead writes the report's texts in (consolidated answers,
   * narrative): the source of every translation. Absent: the first report language, else "en".
   */
  readonly sourceLanguage?: Lang;
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
  /** Format 2. Took part in the validation workshop: listed in Annex II. */
  readonly workshop?: boolean;
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

// ---- Format 2: written texts, translations, deletions, attachments ----------------------
//
// One mechanism for everything written (docs/architecture): the report's narrative, its
// recommendations and action plan rows, the survey figures and the translation of any text
// are TextRevisions in slots (key, lang), merged as a set union by id like answers. A
// deletion of a text is a revision of its slot whose value is `{kind: 'deleted'}`; a
// deletion of an entity is a Tombstone. See docs/narrative.md (texts and keys) and
// docs/bundle-format.md (how they travel).

/** Inline content of a rich text: plain runs, item references and footnotes. Never markup. */
export type RichInline =
  | { readonly t: 'text'; readonly text: string; readonly bold?: boolean; readonly italic?: boolean }
  /** A reference to a checklist item ("A2.1.1"): a link in the app, the id in Word. */
  | { readonly t: 'ref'; readonly itemId: string }
  /** A footnote: a Word footnote in the report. */
  | { readonly t: 'footnote'; readonly text: string };

/** One block of a rich text. `level` (0–2) nests list items. */
export interface RichBlock {
  readonly kind: 'paragraph' | 'bullet' | 'numbered';
  readonly level?: number;
  readonly inlines: readonly RichInline[];
}

/** Structured text (the findings, recommendations, narrative sections): not HTML. */
export interface RichText {
  readonly blocks: readonly RichBlock[];
}

/** The lead's review state of a written text. */
export type TextState = 'draft' | 'reviewed';

export type ReportPart = 'technical' | 'legal';

/** One group of measures of the UN Global Survey (ids in shared/narrative/survey.ts) and its rate 0–100, null if not given. */
export interface SurveyRate {
  readonly group: string;
  readonly rate: number | null;
}
export type Priority = 'high' | 'medium' | 'low' | '';

/**
 * The value of a text slot, by kind. Keys and which kind each holds are in
 * shared/narrative/keys.ts. A translation holds the same kind as its source, with the
 * texts translated (structural fields such as `order` are read from the source).
 */
export type TextValue =
  /** `section:<id>`: a report section's title override and body (executive summary, introduction, …). */
  | { readonly kind: 'section'; readonly title?: string; readonly body: RichText; readonly state: TextState }
  /** `finding:<areaId>`: findings for one checklist area (A1 … B7, I.A … IV.E). */
  | { readonly kind: 'finding'; readonly body: RichText; readonly state: TextState }
  /** `rec:<id>`: one recommendation, numbered by `order` within its part. */
  | {
      readonly kind: 'recommendation';
      readonly part: ReportPart;
      /** The area it sits under (A1 … B7, I.A … IV.E). */
      readonly area: string;
      readonly order: number;
      readonly body: RichText;
      /** Checklist item ids it rests on. */
      readonly items: readonly string[];
      /** Keys of findings (`finding:A2`) it follows from. */
      readonly findings: readonly string[];
      readonly state: TextState;
    }
  /** `action:<id>`: one action plan row; `parent` (an action id) makes it a sub-action. */
  | {
      readonly kind: 'action';
      readonly part: ReportPart;
      readonly area: string;
      readonly parent: string;
      readonly order: number;
      readonly text: RichText;
      readonly priority: Priority;
      readonly timeline: string;
      readonly capacityBuilding: { readonly needed: 'yes' | 'no' | ''; readonly text: string };
      /** Agency names (picked from the assessment's organisations or typed). */
      readonly agencies: readonly string[];
      /** Ids of the recommendations (`rec:<id>` keys) it implements. */
      readonly recommendations: readonly string[];
    }
  /** `survey:<year>`: UN Global Survey figures for one survey year. */
  | {
      readonly kind: 'survey';
      readonly year: number;
      /** The country's implementation rate per group of measures. */
      readonly rates: readonly SurveyRate[];
      /** The country's overall implementation rate, 0–100, or null if not given. */
      readonly overall: number | null;
      /** Averages to compare with ("Asia-Pacific", "North and Central Asia"). */
      readonly comparisons: readonly { readonly label: string; readonly overall: number | null; readonly rates: readonly SurveyRate[] }[];
    }
  /** A translated name (`name:country`, `stakeholder:<id>:organization`, …): translations only. */
  | { readonly kind: 'name'; readonly text: string }
  /** `consolidated:<questionId>`: a translation of the consolidated answer's texts. */
  | {
      readonly kind: 'answer';
      readonly elaboration?: string;
      readonly timeline?: string;
      readonly response?: string;
      readonly other?: string;
      readonly furtherInfo?: string;
      readonly documents?: string;
    }
  /** The slot's text was deleted (a recommendation or action row removed). */
  | { readonly kind: 'deleted'; readonly reason?: string };

/** A revision of one text slot (key, lang). Heads and conflicts as for answers. */
export interface TextRevision {
  readonly id: Id;
  readonly assessmentId: Id;
  readonly key: string;
  /** The language this version is written in. */
  readonly lang: Lang;
  /**
   * A translation: the id of the source revision it was made from (a TextRevision of the
   * same key, or for `consolidated:<q>` a ConsolidatedRevision). Absent on a source text.
   * "Outdated" is a comparison with the source's current head, not a stored flag.
   */
  readonly translates?: Id;
  /** A translation's review state. */
  readonly translationState?: 'translated' | 'reviewed';
  readonly value: TextValue;
  readonly at: Timestamp;
  readonly by: Id;
  readonly byName: string;
  readonly deviceId: Id;
  readonly parents: readonly Id[];
}

export type TombstoneTarget = 'assessment' | 'stakeholder' | 'interview' | 'attachment';

/**
 * The deletion of an entity. It wins over every version of the target whose `updatedAt` is
 * not newer than the tombstone's `at` (so a later edit or an undo, which writes a newer
 * version, brings the record back). A deleted interview takes its answers with it.
 */
export interface Tombstone {
  readonly id: Id;
  readonly assessmentId: Id;
  readonly target: TombstoneTarget;
  readonly targetId: Id;
  /** Why: typed by the user, or e.g. "merged" for a duplicate stakeholder. */
  readonly reason: string;
  /** Duplicate stakeholders: the stakeholder the deleted one was merged into. */
  readonly replacedBy?: Id;
  readonly at: Timestamp;
  readonly by: Id;
  readonly byName: string;
  readonly deviceId: Id;
}

/** Where an attachment is cited. */
export type AttachmentLink =
  | { readonly kind: 'answer'; readonly interviewId: Id; readonly questionId: string }
  | { readonly kind: 'consolidated'; readonly questionId: string }
  | { readonly kind: 'text'; readonly key: string };

/**
 * A supporting document (its bytes travel as a separate entry of a format 2 bundle and are
 * stored once per device, content-addressed). Merged last-writer-wins like other entities.
 */
export interface Attachment {
  readonly id: Id;
  readonly assessmentId: Id;
  /** SHA-256 of the bytes, lower-case hex: the key of the bytes. */
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  /** The original file name (display only: never used as a path). */
  readonly fileName: string;
  readonly title: string;
  /** Date received, "YYYY-MM-DD" or "". */
  readonly received: CalendarDate | '';
  /** The organisation that provided it. */
  readonly organization: string;
  readonly links: readonly AttachmentLink[];
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
  readonly updatedBy: Id;
}

/** Everything a bundle carries for one assessment (also the shape of a merged dataset). */
export interface Dataset {
  readonly assessment: Assessment;
  readonly stakeholders: readonly Stakeholder[];
  readonly interviews: readonly Interview[];
  readonly answers: readonly AnswerRevision[];
  readonly consolidated: readonly ConsolidatedRevision[];
  /** Format 2 (empty when read from format 1). */
  readonly texts: readonly TextRevision[];
  readonly tombstones: readonly Tombstone[];
  readonly attachments: readonly Attachment[];
}

/** A dataset as format 1 carries it: no texts, tombstones or attachments, nor the fields format 2 added. */
export interface DatasetV1 {
  readonly assessment: Omit<Assessment, 'reportDate' | 'sourceLanguage'>;
  readonly stakeholders: readonly Omit<Stakeholder, 'workshop'>[];
  readonly interviews: readonly Interview[];
  readonly answers: readonly AnswerRevision[];
  readonly consolidated: readonly ConsolidatedRevision[];
}
