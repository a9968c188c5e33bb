/**
 * Interview progress: relevant questions answered out of relevant questions, overall and
 * per wizard page. Skip logic decides relevance; answers to skipped questions are kept
 * but do not count.
 */
import { answerTokens, isAnswered } from '../checklist/answerLabels';
import { itemsForParts } from '../checklist/catalogue';
import { wizardPages } from '../checklist/pages';
import { evaluateRelevance, type Relevance } from '../checklist/relevance';
import type { AnswerValue, ChecklistPart } from '../model/types';

export interface Progress {
  answered: number;
  relevant: number;
}

export interface InterviewProgress extends Progress {
  byPage: Map<string, Progress>;
  relevance: Map<string, Relevance>;
}

export function interviewProgress(parts: readonly ChecklistPart[], answers: ReadonlyMap<string, AnswerValue>): InterviewProgress {
  const items = itemsForParts(parts);
  const relevance = evaluateRelevance(items, (id) => answerTokens(answers.get(id)));
  const byPage = new Map<string, Progress>();
  let answered = 0;
  let relevant = 0;
  for (const page of wizardPages(parts)) {
    const p: Progress = { answered: 0, relevant: 0 };
    for (const item of page.items) {
      if (item.role !== 'question' || !relevance.get(item.id)?.relevant) continue;
      p.relevant++;
      if (isAnswered(answers.get(item.id))) p.answered++;
    }
    byPage.set(page.id, p);
    answered += p.answered;
    relevant += p.relevant;
  }
  return { answered, relevant, byPage, relevance };
}
