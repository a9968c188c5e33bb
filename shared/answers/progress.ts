/**
 * Interview progress: relevant questions answered out of relevant questions, overall and
 * per wizard page. Skip logic decides relevance; answers to skipped questions are kept
 * but do not count.
 */
import { answerTokens, isAnswered } from '../checklist/answerLabels';
import { itemsForParts } from '../checklist/catalogue';
import { wizardPages, type WizardPage } from '../checklist/pages';
import { evaluateRelevance, type Relevance } from '../checklist/relevance';
import type { AnswerValue, ChecklistPart } from '../model/types';

export interface Progress {
  answered: number;
  relevant: number;
}

export interface PageProgress extends Progress {
  /** Relevant questions of the page still without an answer, in page order. */
  unanswered: string[];
}

export interface InterviewProgress extends Progress {
  byPage: Map<string, PageProgress>;
  relevance: Map<string, Relevance>;
}

/**
 * Progress over pages whose relevance is already known (the wizard keeps it up to date
 * as choices change, so it need not be evaluated again per keystroke).
 */
export function progressOfPages(
  pages: readonly WizardPage[],
  relevance: ReadonlyMap<string, Relevance>,
  answerOf: (questionId: string) => AnswerValue | undefined,
): Progress & { byPage: Map<string, PageProgress> } {
  const byPage = new Map<string, PageProgress>();
  let answered = 0;
  let relevant = 0;
  for (const page of pages) {
    const p: PageProgress = { answered: 0, relevant: 0, unanswered: [] };
    for (const item of page.items) {
      if (item.role !== 'question' || !relevance.get(item.id)?.relevant) continue;
      p.relevant++;
      if (isAnswered(answerOf(item.id))) p.answered++;
      else p.unanswered.push(item.id);
    }
    byPage.set(page.id, p);
    answered += p.answered;
    relevant += p.relevant;
  }
  return { answered, relevant, byPage };
}

export function interviewProgress(parts: readonly ChecklistPart[], answers: ReadonlyMap<string, AnswerValue>): InterviewProgress {
  const items = itemsForParts(parts);
  const relevance = evaluateRelevance(items, (id) => answerTokens(answers.get(id)));
  return { ...progressOfPages(wizardPages(parts), relevance, (id) => answers.get(id)), relevance };
}
