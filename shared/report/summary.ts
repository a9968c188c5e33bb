/** What a report rests on, in numbers: printed by `readiness report` (and usable by the app). */
import type { Lang } from '../i18n';
import type { Dataset } from '../model/types';
import { finalAnswers } from '../consolidation';
import { conflicts, liveDataset } from '../merge';
import { headingText, reportOutline } from '../narrative';

export interface ReportSummary {
  readonly interviews: number;
  /** Slots (answers, consolidated answers, texts) with more than one current version. */
  readonly conflicts: number;
  /** Questions whose consolidated answer the lead marked reviewed. */
  readonly reviewed: number;
  /** Questions answered by a draft: the lead's not yet reviewed, or drafted from the interviews. */
  readonly drafted: number;
  /** Relevant questions nobody answered. */
  readonly notDiscussed: number;
  /** Sections of the full report with nothing written (headings in `lang`); the Introduction and annexes are generated when empty. */
  readonly emptySections: readonly string[];
  /** Sections of the full report that hold written text. */
  readonly sections: number;
}

/** What the report tab shows before building: over the live records (deleted ones never count). */
export function reportSummary(stored: Dataset, lang: Lang): ReportSummary {
  const dataset = liveDataset(stored);
  const final = finalAnswers(dataset);
  let reviewed = 0;
  let drafted = 0;
  let notDiscussed = 0;
  for (const a of final.answers.values()) {
    if (a.source === 'consolidated' && a.value?.review === 'reviewed') reviewed++;
    else if (a.source === 'consolidated' || a.source === 'draft') drafted++;
    else if (final.relevance.get(a.questionId)?.relevant !== false) notDiscussed++;
  }
  const written = reportOutline(dataset, lang).filter((e) => !e.generated);
  return {
    interviews: dataset.interviews.length,
    conflicts: conflicts(dataset).length,
    reviewed,
    drafted,
    notDiscussed,
    emptySections: written.filter((e) => e.state === 'empty').map(headingText),
    sections: written.length,
  };
}
