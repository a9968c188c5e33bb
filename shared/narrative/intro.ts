/**
 * The generated default Introduction (section I): purpose, methodology with the numbers
 * from the data (interviews, people, organisations, period, interviewers), the Framework
 * Agreement, the workshop if one was held, and the report's structure. The lead can
 * replace it by writing `section:introduction`.
 */
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import type { RichText } from '../model/types';
import { REPORT_STRINGS, countText, fill, formatPeriod } from '../report/strings';
import { paragraphs } from './rich';
import { countryName } from './outline';

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter((v) => v !== ''))];
}

/** The facts the Introduction and the methodology print, computed from the data. */
export interface FieldworkFacts {
  readonly interviews: number;
  readonly organizations: number;
  /** People who took part in an interview. */
  readonly stakeholders: number;
  readonly workshopParticipants: number;
  /** "YYYY-MM-DD" or "" (the assessment's period, else the interview dates). */
  readonly from: string;
  readonly to: string;
  readonly interviewers: readonly string[];
  readonly languages: readonly Lang[];
}

export function fieldworkFacts(dataset: Dataset): FieldworkFacts {
  const interviews = dataset.interviews;
  const dates = interviews.map((iv) => iv.date).filter((d) => d !== '').sort();
  return {
    interviews: interviews.length,
    organizations: unique(interviews.map((iv) => iv.organization)).length,
    stakeholders: new Set(interviews.flatMap((iv) => iv.stakeholderIds)).size,
    workshopParticipants: dataset.stakeholders.filter((s) => s.workshop).length,
    from: dataset.assessment.periodStart || dates[0] || '',
    to: dataset.assessment.periodEnd || dates[dates.length - 1] || '',
    interviewers: unique(interviews.map((iv) => iv.interviewerName)),
    languages: unique(interviews.map((iv) => iv.language)) as Lang[],
  };
}

/** The default Introduction in `lang`. */
export function defaultIntroduction(dataset: Dataset, lang: Lang): RichText {
  const S = REPORT_STRINGS[lang];
  const I = S.introduction;
  const f = fieldworkFacts(dataset);
  const country = countryName(dataset, lang);
  const period = formatPeriod(lang, f.from, f.to);
  const method = fill(I.method, {
    period: period ? fill(I.period, { period }) : I.noPeriod,
    interviewers: f.interviewers.join(S.listSeparator) || S.answer.empty,
    interviews: countText(lang, f.interviews, I.interviews),
    stakeholders: countText(lang, f.stakeholders, I.stakeholders),
    organizations: countText(lang, f.organizations, I.organizations),
  });
  return paragraphs(fill(I.purpose, { country }), method, f.workshopParticipants > 0 ? I.workshop : '', fill(I.framework, { country }), I.structure);
}
