/**
 * Which answer values the checklist allows, defined once: the bundle reader, the import
 * and the questionnaire import check answers and consolidated answers with
 * `checkAnswerValue`; `allowedValues` describes the rules (docs, `readiness checklist`).
 *
 * Two kinds of problem:
 * - `impossible`: no catalogue allows it (a percentage of −5 or 150, a date "2021-13", an
 *   option chosen twice). Always refused.
 * - `catalogue`: this catalogue does not allow it (a status "maybe", an unknown option id,
 *   a number on a status question, a field the question does not have, an answer to a
 *   heading). Refused when the data was recorded with this catalogue; kept and flagged when
 *   it was recorded with another one of the same major version (a newer catalogue may have
 *   added the option).
 *
 * Fast: one rule per item, built on first use; a value is checked member by member.
 */
import { BAND_TOKENS, STATUS_TOKENS, YES_NO_TOKENS } from './answerLabels';
import { getItem, type CatalogueItem } from './catalogue';

/** The members of an answer value and of a consolidated value. */
export type ValueField =
  | 'choice'
  | 'choices'
  | 'number'
  | 'date'
  | 'other'
  | 'elaboration'
  | 'timeline'
  | 'response'
  | 'furtherInfo'
  | 'documents'
  | 'notes'
  | 'review'
  | 'comment';

export interface ValueProblem {
  readonly questionId: string;
  /** The member at fault, or "value" when the item takes no answer at all. */
  readonly field: ValueField | 'value';
  /** What was found, printable and short (strings quoted, cut at 40 characters). */
  readonly found: string;
  /** What the checklist allows there, e.g. "one of yes, partial, no, dontKnow, na". */
  readonly allowed: string;
  readonly severity: 'impossible' | 'catalogue';
}

export type ValueRole = 'answer' | 'consolidated';

/** A percentage's range and a year-month date: true of every catalogue. */
export const PERCENTAGE_MIN = 0;
export const PERCENTAGE_MAX = 100;
const YEAR_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** Always allowed on a question: documents mentioned, private notes (answers), review state and comment (consolidated). */
const COMMON: Record<ValueRole, readonly ValueField[]> = {
  answer: ['documents', 'notes'],
  consolidated: ['documents', 'review', 'comment'],
};

interface Rule {
  readonly item: CatalogueItem;
  readonly fields: Record<ValueRole, ReadonlySet<string>>;
  /** Tokens a `choice` may hold, per role (consolidated answers may also say "na"). */
  readonly tokens: Record<ValueRole, ReadonlySet<string>>;
  /** Option ids `choices` may hold. */
  readonly options: ReadonlySet<string>;
}

function structuralField(kind: CatalogueItem['kind']): ValueField | undefined {
  switch (kind) {
    case 'status':
    case 'yesNo':
    case 'band':
    case 'singleSelect':
      return 'choice';
    case 'multiSelect':
      return 'choices';
    case 'percentage':
      return 'number';
    case 'date':
      return 'date';
    default:
      return undefined;
  }
}

function choiceTokensOf(item: CatalogueItem): readonly string[] {
  switch (item.kind) {
    case 'status':
      return STATUS_TOKENS;
    case 'yesNo':
      return YES_NO_TOKENS;
    case 'band':
      return BAND_TOKENS;
    case 'singleSelect':
      return item.options ?? [];
    default:
      return [];
  }
}

function buildRule(item: CatalogueItem): Rule {
  const structural = structuralField(item.kind);
  const own = [...(structural ? [structural] : []), ...(item.fields ?? []), ...(item.otherOption ? (['other'] as const) : [])];
  const tokens = choiceTokensOf(item);
  // The drafted consolidated answer of a question skipped in every interview is "na"
  // (shared/consolidation/draft.ts), also on select questions, whose options lack it.
  const selectable = structural === 'choice' || structural === 'choices';
  return {
    item,
    fields: {
      answer: new Set([...own, ...COMMON.answer]),
      consolidated: new Set([...own, ...COMMON.consolidated, ...(item.kind === 'multiSelect' ? (['choice'] as const) : [])]),
    },
    tokens: { answer: new Set(tokens), consolidated: new Set(selectable ? [...tokens, 'na'] : tokens) },
    options: new Set(item.kind === 'multiSelect' ? (item.options ?? []) : []),
  };
}

const rules = new Map<string, Rule | null>();

function ruleOf(questionId: string): Rule | null {
  let r = rules.get(questionId);
  if (r === undefined) {
    const item = getItem(questionId);
    r = item ? buildRule(item) : null;
    rules.set(questionId, r);
  }
  return r;
}

/** A short, printable rendering of a found value. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return `[${v.slice(0, 5).map(shown).join(', ')}${v.length > 5 ? ', …' : ''}]`;
  return String(v);
}

const oneOf = (values: Iterable<string>) => {
  const list = [...values];
  return list.length === 0 ? 'nothing' : `one of ${list.join(', ')}`;
};

/** What kind of answer an item takes, in words. */
function takes(item: CatalogueItem): string {
  switch (item.kind) {
    case 'status':
    case 'yesNo':
    case 'band':
    case 'singleSelect':
      return `a choice (${[...choiceTokensOf(item)].join(', ')})`;
    case 'multiSelect':
      return `options (choices: ${(item.options ?? []).join(', ')})`;
    case 'percentage':
      return 'a percentage (number)';
    case 'date':
      return 'a year and month (date)';
    default:
      return 'text only';
  }
}

/**
 * The problems of one answer value (or consolidated value) recorded for `questionId`;
 * empty when it is fine. An id the catalogue does not know gets only the checks that hold
 * in every catalogue (its answers are flagged as unknown questions elsewhere).
 */
export function checkAnswerValue(questionId: string, value: object, role: ValueRole = 'answer'): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const v = value as Readonly<Record<string, unknown>>;
  const add = (field: ValueField | 'value', found: string, allowed: string, severity: ValueProblem['severity']) =>
    problems.push({ questionId, field, found, allowed, severity });

  // True of every catalogue.
  const n = v.number;
  if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n) || n < PERCENTAGE_MIN || n > PERCENTAGE_MAX))
    add('number', shown(n), `a percentage from ${PERCENTAGE_MIN} to ${PERCENTAGE_MAX}`, 'impossible');
  const d = v.date;
  if (d !== undefined && (typeof d !== 'string' || !YEAR_MONTH.test(d))) add('date', shown(d), 'a year and month, YYYY-MM (e.g. 2022-03)', 'impossible');
  const cs = v.choices;
  if (Array.isArray(cs) && new Set(cs).size !== cs.length) add('choices', shown(cs), 'each option at most once', 'impossible');

  const rule = ruleOf(questionId);
  if (rule === null) return problems;
  const item = rule.item;
  if (item.role !== 'question') {
    add('value', 'an answer', `no answer: ${questionId} is a ${item.role}, not a question`, 'catalogue');
    return problems;
  }
  const fields = rule.fields[role];
  for (const k in v) {
    if (v[k] === undefined || fields.has(k)) continue;
    add(k as ValueField, shown(v[k]), `the fields of ${questionId}, which takes ${takes(item)}: ${[...fields].join(', ')}`, 'catalogue');
  }
  const choice = v.choice;
  if (typeof choice === 'string' && fields.has('choice')) {
    const tokens = rule.tokens[role];
    if (!tokens.has(choice)) add('choice', shown(choice), oneOf(tokens), 'catalogue');
  }
  if (Array.isArray(cs) && fields.has('choices')) {
    for (const c of cs) {
      if (typeof c === 'string' && rule.options.has(c)) continue;
      add('choices', shown(c), oneOf(rule.options), 'catalogue');
      break;
    }
  }
  return problems;
}

/** What an item allows, for documentation and the `readiness checklist` command. */
export interface AllowedValues {
  readonly questionId: string;
  /** False for sections, headings and lead-ins: no answer at all. */
  readonly answerable: boolean;
  readonly kind?: CatalogueItem['kind'];
  /** Members an answer value may have. */
  readonly fields: readonly string[];
  /** Tokens of `choice` (status, yes/no, band, single select). */
  readonly choice?: readonly string[];
  /** Option ids of `choices` (multi select). */
  readonly choices?: readonly string[];
  /** `number` range (percentage). */
  readonly number?: { readonly min: number; readonly max: number };
  /** `date` format. */
  readonly date?: 'YYYY-MM';
}

export function allowedValues(questionId: string): AllowedValues | undefined {
  const rule = ruleOf(questionId);
  if (!rule) return undefined;
  const item = rule.item;
  if (item.role !== 'question') return { questionId, answerable: false, fields: [] };
  const structural = structuralField(item.kind);
  return {
    questionId,
    answerable: true,
    ...(item.kind ? { kind: item.kind } : {}),
    fields: [...rule.fields.answer],
    ...(structural === 'choice' ? { choice: [...rule.tokens.answer] } : {}),
    ...(structural === 'choices' ? { choices: [...rule.options] } : {}),
    ...(structural === 'number' ? { number: { min: PERCENTAGE_MIN, max: PERCENTAGE_MAX } } : {}),
    ...(structural === 'date' ? { date: 'YYYY-MM' as const } : {}),
  };
}

/** "A2.1.1 choice: found "maybe"; allowed: one of yes, partial, no, dontKnow, na" */
export function describeValueProblem(p: ValueProblem): string {
  return `${p.questionId} ${p.field}: found ${p.found}; allowed: ${p.allowed}`;
}
