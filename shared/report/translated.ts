/**
 * The report's texts in the report language: consolidated answers, organisation names,
 * positions and the action plan's agencies read their translation of slot (key, report
 * language); the narrative goes through `textIn` (shared/narrative). Where a text has no
 * translation it prints in the source language, and with `untranslated: 'mark'` it is
 * marked: "[en] " before it and its runs tagged with the source language (w:lang), so
 * Word checks its spelling as English. Interview answers of questions the lead did not
 * consolidate are printed as typed (they are not the lead's texts and are not translated).
 */
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import { currentText, interviewKey, sourceLanguage, stakeholderKey, textIn } from '../narrative';
import { ANSWER_FIELDS } from '../translation/units';
import type { FinalAnswer } from '../consolidation';
import type { ReportValue } from './format';
import { LANGUAGE_TAGS } from './kit';

export type UntranslatedMode = 'mark' | 'source';

/** A text to print and, when it is in another language than the report, that language's tag. */
export interface Printed {
  readonly text: string;
  /** w:lang of the runs (e.g. "en-GB"), only for marked texts. */
  readonly language?: string;
}

export interface ReportTexts {
  readonly mode: UntranslatedMode;
  /** The marker of a text printed in `lang` instead of the report language, or undefined. */
  marker(lang: Lang): { prefix: string; language: string } | undefined;
  /** The language a narrative key prints in when it is not the report language (not translated), else undefined. */
  foreign(key: string): Lang | undefined;
  /** A final answer's value with its texts in the report language where translated (marked where not). */
  answer(final: FinalAnswer | undefined, value: ReportValue | undefined): { value: ReportValue | undefined; language?: string };
  /** A stakeholder's organisation or position in the report language. */
  stakeholder(id: string, field: 'organization' | 'position', source: string): Printed;
  /** An interview's organisation in the report language. */
  interviewOrganization(id: string, source: string): Printed;
  /** An agency name: the translation of the organisation of that name, if any. */
  agency(name: string): string;
}

/** Where the report's texts come from in `lang`. */
export function reportTexts(dataset: Dataset, lang: Lang, mode: UntranslatedMode): ReportTexts {
  const src = sourceLanguage(dataset.assessment);
  const translating = lang !== src;
  const marker = (l: Lang) => (mode === 'mark' && l !== lang ? { prefix: `[${l}] `, language: LANGUAGE_TAGS[l] } : undefined);
  const nameIn = (key: string): string | undefined => {
    const v = currentText(dataset, key, lang).value;
    return v?.kind === 'name' && v.text.trim() !== '' ? v.text.trim() : undefined;
  };
  const name = (key: string, source: string): Printed => {
    if (!translating || source.trim() === '') return { text: source };
    const t = nameIn(key);
    if (t !== undefined) return { text: t };
    const m = marker(src);
    return m ? { text: `${m.prefix}${source}`, language: m.language } : { text: source };
  };
  // Organisation names as typed → their translation (any stakeholder or interview of that name).
  let agencies: Map<string, string> | undefined;
  const agencyMap = () => {
    if (agencies) return agencies;
    agencies = new Map();
    if (!translating) return agencies;
    for (const s of dataset.stakeholders) {
      const t = nameIn(stakeholderKey(s.id, 'organization'));
      if (t && !agencies.has(s.organization.trim())) agencies.set(s.organization.trim(), t);
    }
    for (const iv of dataset.interviews) {
      const t = nameIn(interviewKey(iv.id));
      if (t && !agencies.has(iv.organization.trim())) agencies.set(iv.organization.trim(), t);
    }
    return agencies;
  };
  return {
    mode,
    marker,
    foreign(key) {
      const t = textIn(dataset, key, lang);
      return t && !t.translated && t.lang !== lang ? t.lang : undefined;
    },
    answer(final, value) {
      if (!translating || !value || final?.source !== 'consolidated') return { value };
      const tr = currentText(dataset, `consolidated:${final.questionId}`, lang).value;
      const t = tr?.kind === 'answer' ? (tr as Record<string, unknown>) : {};
      const out: Record<string, unknown> = { ...value };
      let marked = false;
      for (const f of ANSWER_FIELDS) {
        const text = value[f];
        if (typeof text !== 'string' || text.trim() === '') continue;
        const translated = t[f];
        if (typeof translated === 'string') out[f] = translated;
        else {
          const m = marker(src);
          if (m) {
            out[f] = `${m.prefix}${text}`;
            marked = true;
          }
        }
      }
      const m = marker(src);
      return { value: out as ReportValue, ...(marked && m ? { language: m.language } : {}) };
    },
    stakeholder: (id, field, source) => name(stakeholderKey(id, field), source),
    interviewOrganization: (id, source) => name(interviewKey(id), source),
    agency: (n) => agencyMap().get(n.trim()) ?? n,
  };
}
