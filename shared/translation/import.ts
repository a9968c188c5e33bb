/**
 * What an imported translation file (XLIFF or XLSX) does, checked against the dataset
 * before anything is written: the edits to apply, the units flagged and why, or the whole
 * file refused. Messages in kk, ru and en (locales/<lang>/translation-import.json).
 */
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import en from '../../locales/en/translation-import.json';
import ru from '../../locales/ru/translation-import.json';
import kk from '../../locales/kk/translation-import.json';
import { translationUnits } from './units';
import type { UnitEdit } from './write';

export type RefusalCode = 'tooLarge' | 'notUtf8' | 'malformed' | 'doctype' | 'entity' | 'tooManyElements' | 'notXliff' | 'wrongVersion' | 'otherAssessment' | 'language' | 'notXlsx' | 'columns';

/** Why a whole file is refused (nothing is written). */
export interface ImportRefusal {
  readonly code: RefusalCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type IssueCode = 'unknownId' | 'sourceChanged';

/** A unit that is not applied, and why. */
export interface ImportIssue {
  readonly unitId: string;
  readonly code: IssueCode;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly lang: Lang;
      /** Edits to hand to `translationRevisions` (units whose target differs are written; the same text writes nothing). */
      readonly edits: UnitEdit[];
      readonly issues: ImportIssue[];
      /** Units in the file. */
      readonly total: number;
      /** Units of the file with no translation in it (left as they are). */
      readonly empty: number;
      /** Units whose translation is already the current one (nothing to write). */
      readonly unchanged: number;
    }
  | { readonly ok: false; readonly refusal: ImportRefusal };

/** A unit as a file has it: the same shape from XLIFF and XLSX. */
export interface FileUnit {
  readonly id: string;
  readonly source: string;
  readonly target: string | undefined;
  readonly reviewed: boolean;
  /** The translator marked the unit done (XLIFF state translated/reviewed/final; XLSX state translated/reviewed). */
  readonly confirmed: boolean;
}

const norm = (s: string) => s.replace(/\r\n?/g, '\n');

/** Units of a file checked against the dataset's current units in `lang`. */
export function checkUnits(dataset: Dataset, lang: Lang, fileUnits: readonly FileUnit[]): ImportResult {
  const current = new Map(translationUnits(dataset, lang).map((u) => [u.id, u]));
  const edits: UnitEdit[] = [];
  const issues: ImportIssue[] = [];
  let empty = 0;
  let unchanged = 0;
  for (const fu of fileUnits) {
    const u = current.get(fu.id);
    if (!u) issues.push({ unitId: fu.id, code: 'unknownId' });
    else if (norm(fu.source) !== norm(u.source)) issues.push({ unitId: fu.id, code: 'sourceChanged' });
    else if (fu.target === undefined || fu.target.trim() === '') empty++;
    // An outdated translation sent back untouched and not marked done stays outdated.
    else if (u.state === 'outdated' && norm(fu.target) === u.target && !fu.confirmed) continue;
    else if (norm(fu.target) === u.target && (u.state === 'translated' || u.state === 'reviewed') && fu.reviewed === (u.state === 'reviewed')) unchanged++;
    else edits.push({ unitId: fu.id, target: norm(fu.target), reviewed: fu.reviewed });
  }
  return { ok: true, lang, edits, issues, total: fileUnits.length, empty, unchanged };
}

type Messages = typeof en;
const MESSAGES: Record<Lang, Messages> = { en, ru, kk };

function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => (Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : ''));
}

/** The message for a refused file, in the user's language. */
export function refusalMessage(lang: Lang, r: ImportRefusal): string {
  const M = MESSAGES[lang] ?? MESSAGES.en;
  const vars: Record<string, string | number> = { ...(r.params ?? {}) };
  if (typeof vars.limit === 'number' && r.code === 'tooLarge') vars.limit = `${Math.round(vars.limit / (1024 * 1024))} ${lang === 'en' ? 'MB' : 'МБ'}`;
  const text = fill(M.refused[r.code], vars);
  return `${M.refusedLead} ${text}`.trim();
}

/** The message for a unit not applied. */
export function issueMessage(lang: Lang, issue: ImportIssue): string {
  const M = MESSAGES[lang] ?? MESSAGES.en;
  return fill(M.issue[issue.code], { id: issue.unitId });
}
