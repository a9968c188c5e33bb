/**
 * The open interview's editing state (Zustand). Answers are loaded once from IndexedDB and
 * edited here so typing never waits for the database; every edit is handed to the saver
 * (autosave.ts), which writes it ahead at once and into the interview's record within a second. `choiceVersion` changes only when a
 * structured answer changes, so skip logic is recomputed only then, not per keystroke.
 */
import { create } from 'zustand';
import type { AnswerValue, Interview, Interviewer } from '../../../shared/model/types';
import { repo } from '../../db';
import { AnswerSaver, type SaveStatus } from './autosave';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const saver = new AnswerSaver(
  { writeAhead: (edits) => repo.writeAhead(edits), fold: (edit) => repo.foldEdit(edit) },
  undefined,
  undefined,
  typeof localStorage === 'undefined' ? undefined : localStorage,
);

interface WizardState {
  interview: Interview | undefined;
  who: Interviewer | undefined;
  values: Record<string, AnswerValue>;
  conflicts: ReadonlySet<string>;
  choiceVersion: number;
  saveStatus: SaveStatus;
  load(interview: Interview, who: Interviewer): Promise<void>;
  update(questionId: string, patch: Partial<AnswerValue>): void;
  clearChoice(questionId: string): void;
}

const STRUCTURED: ReadonlyArray<keyof AnswerValue> = ['choice', 'choices', 'number', 'date'];

function clean(value: Mutable<AnswerValue>): AnswerValue {
  for (const k of Object.keys(value) as Array<keyof AnswerValue>) {
    const v = value[k];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete value[k];
  }
  return value;
}

export const useWizard = create<WizardState>((set, get) => ({
  interview: undefined,
  who: undefined,
  values: {},
  conflicts: new Set(),
  choiceVersion: 0,
  saveStatus: saver.status,

  async load(interview, who) {
    await saver.flush();
    const current = await repo.interviewAnswers(interview.id);
    const values: Record<string, AnswerValue> = {};
    const conflicts = new Set<string>();
    for (const [qid, c] of current) {
      values[qid] = c.head.value;
      if (c.conflict) conflicts.add(qid);
    }
    set({ interview, who, values, conflicts, choiceVersion: get().choiceVersion + 1 });
  },

  update(questionId, patch) {
    const { interview, who, values } = get();
    if (!interview || !who) return;
    const next = clean({ ...values[questionId], ...patch });
    const structural = STRUCTURED.some((k) => k in patch);
    set({ values: { ...values, [questionId]: next }, ...(structural ? { choiceVersion: get().choiceVersion + 1 } : {}) });
    saver.set({ slot: { assessmentId: interview.assessmentId, interviewId: interview.id, questionId }, value: next, who });
  },

  clearChoice(questionId) {
    get().update(questionId, { choice: undefined, choices: undefined, number: undefined, date: undefined, other: undefined });
  },
}));

saver.subscribe((saveStatus) => useWizard.setState({ saveStatus }));
