/**
 * Writing texts from the Report area: every edit is one repo.saveText on the slot (key,
 * lang) — in place while the head has not left this computer, else a child of all heads
 * (which also resolves a conflict).
 *
 * Edits of one field (a cell, the review state, the text) are read-modify-write on the
 * stored value, run one after another in a queue, so two quick edits of the same slot
 * (text typed, then a priority chosen) both survive. A small store tracks writes in flight
 * for the save indicator; a failed write says so and keeps the text on screen.
 */
import { useCallback, useState } from 'react';
import { create } from 'zustand';
import type { Lang } from '../../../shared/i18n';
import type { Assessment, Dataset, TextValue } from '../../../shared/model/types';
import { currentText, sourceLanguage, sourceText } from '../../../shared/narrative';
import { repo, useProfile } from '../../db';
import type { TextExtra } from '../../db/repo';

interface SaveState {
  pending: number;
  failed: boolean;
  begin(): void;
  end(ok: boolean): void;
}

export const useSaveState = create<SaveState>((set) => ({
  pending: 0,
  failed: false,
  begin: () => set((s) => ({ pending: s.pending + 1 })),
  end: (ok) => set((s) => ({ pending: Math.max(0, s.pending - 1), failed: !ok })),
}));

/** The language a text is edited in: its source version's, else the assessment's source language. */
export function editLang(dataset: Dataset, key: string): Lang {
  return sourceText(dataset, key)?.lang ?? sourceLanguage(dataset.assessment);
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs writes one after another (each reads what the previous one stored). */
function enqueue(task: () => Promise<void>): Promise<void> {
  useSaveState.getState().begin();
  const run = queue.then(task).then(
    () => useSaveState.getState().end(true),
    (e: unknown) => {
      console.error(e);
      useSaveState.getState().end(false);
    },
  );
  queue = run;
  return run;
}

export type TextChange = (stored: TextValue) => TextValue;

/**
 * Returns `update(key, lang, fallback, change, extra?)`: stores `change(stored value)` —
 * the slot's current value, or `fallback` when it holds nothing of that kind yet. A plain
 * TextValue as `change` replaces the value. `extra` is a translation's provenance.
 */
export function useUpdateText(assessment: Assessment) {
  const profile = useProfile();
  return useCallback(
    (key: string, lang: Lang, fallback: TextValue, change: TextChange | TextValue, extra?: TextExtra) =>
      enqueue(async () => {
        if (!profile) return;
        let next: TextValue;
        if (typeof change === 'function') {
          const texts = await repo.texts(assessment.id);
          // Only `texts` (and the assessment) are read to find the slot's current value.
          const stored = currentText({ assessment, texts } as unknown as Dataset, key, lang).value;
          next = change(stored && stored.kind === fallback.kind ? stored : fallback);
        } else next = change;
        await repo.saveText({ assessmentId: assessment.id, key, lang }, next, profile, extra);
      }),
    [assessment, profile],
  );
}

/** Returns `write(key, value, lang?)`: stores one value (through the same queue). */
export function useWriteText(assessment: Assessment) {
  const update = useUpdateText(assessment);
  return useCallback((key: string, value: TextValue, lang?: Lang) => update(key, lang ?? sourceLanguage(assessment), value, value), [update, assessment]);
}

/**
 * A control's value shown at once while its write is under way: the chosen value until
 * the stored value changes (the write came back, or someone else's edit arrived).
 */
export function usePending<T>(stored: T): [T, (value: T) => void] {
  const [pending, setPending] = useState<{ value: T; over: T } | null>(null);
  const shown = pending && Object.is(pending.over, stored) ? pending.value : stored;
  return [shown, (value: T) => setPending({ value, over: stored })];
}
