/**
 * The checklist catalogue model. Structure lives in shared/checklist/data/*.ts
 * (ids, hierarchy, answer kinds, skip-logic conditions); every human-readable text
 * lives in locales/<lang>/<checklist>.json keyed by item id, so a translation never
 * touches structure and structure never needs translating.
 */

/** The three instruments a consultant works through. */
export type ChecklistId = 'technical' | 'legal' | 'appendix';

/**
 * section  – a titled grouping (A, A1, B7, I, I.A …); may carry an intro and provisions.
 * heading  – a numbered heading inside a section with no answer of its own (A2.1, A3.4, B7.1).
 * lead-in  – a numbered stem that only introduces its sub-items and is not answered itself.
 * question – an item that takes an answer.
 */
export type ItemRole = 'section' | 'heading' | 'lead-in' | 'question';

/**
 * status      – Yes / Partially / No (Don't know and Not applicable always available)
 * yesNo       – Yes / No (Don't know and Not applicable always available)
 * band        – High (70–100%) / Medium (20–69%) / Low (0–19%)
 * percentage  – a number 0–100
 * singleSelect– one of `options` (appendix tick boxes such as Completed / Ongoing …)
 * multiSelect – any of `options` (B7.4 documents, B7.2 stakeholder groups, permit types)
 * text        – free text only (the text field(s) named in `fields` carry the answer)
 * date        – a year/month (appendix "when is it going to commence?")
 */
export type AnswerKind =
  | 'status'
  | 'yesNo'
  | 'band'
  | 'percentage'
  | 'singleSelect'
  | 'multiSelect'
  | 'text'
  | 'date';

/**
 * Text fields that accompany the structured answer.
 * elaboration – technical: "Elaboration on status/issues/future plan"
 * timeline    – technical: "Timeline (if relevant) for future plan"
 * response    – legal: "Response"
 * furtherInfo – appendix: "Please provide further information, such as website, date of implementation, etc."
 */
export type AnswerField = 'elaboration' | 'timeline' | 'response' | 'furtherInfo';

/** Tokens an answer can be compared with in a condition. */
export type StatusToken = 'yes' | 'partial' | 'no' | 'dontKnow' | 'na';

/**
 * Skip logic as data. `item` is the controlling item's id; `is` lists the answer tokens
 * (status tokens, or option ids for select kinds) that make the dependent item relevant.
 */
export type Condition =
  | { readonly item: string; readonly is: readonly string[] }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] };

export interface ItemSpec {
  /** Stable id in the seed's numbering: "A2.1.1.1", "I.A.1", "APP.2.3". */
  readonly id: string;
  /** Id of the enclosing item, or null for a top-level section. */
  readonly parent: string | null;
  readonly role: ItemRole;
  /** Questions only. */
  readonly kind?: AnswerKind;
  /** Questions only: the text fields that apply. */
  readonly fields?: readonly AnswerField[];
  /** singleSelect / multiSelect: option ids in display order; texts in locales under `options`. */
  readonly options?: readonly string[];
  /** The option id that asks the respondent to specify (e.g. "others (please specify)"). */
  readonly otherOption?: string;
  /** Relevance rule; absent means always relevant. */
  readonly condition?: Condition;
}

/** Texts of one item in one language (locales/<lang>/<checklist>.json → items[id]). */
export interface ItemTexts {
  /** Sections and headings: the title without its number. */
  readonly title?: string;
  /** Questions and lead-ins: the wording without its number. */
  readonly text?: string;
  /** An instruction printed with the question, e.g. "If yes, please answer A2.1.1.1–A2.1.1.6." */
  readonly instruction?: string;
  /** Paragraphs introducing a section. */
  readonly intro?: readonly string[];
  /** Legal: "Related provisions of the Framework Agreement" bullets. */
  readonly provisions?: readonly string[];
  /** Footnotes attached to the item, e.g. "This is an issue of policy nature." */
  readonly footnotes?: readonly string[];
  /** Option id → label for select kinds. */
  readonly options?: Readonly<Record<string, string>>;
  /** A note printed under the item (appendix: "Note: Partially connected means …"). */
  readonly note?: string;
  /** Short assessor guidance in the project's own words. */
  readonly guidance?: string;
}

/** One language's texts for one checklist. */
export interface ChecklistTexts {
  /** The annex title and its "Scope and structure of the checklist" paragraphs. */
  readonly checklist: { readonly title: string; readonly intro: readonly string[] };
  readonly items: Readonly<Record<string, ItemTexts>>;
}
