/** UI state of the Translate area (Zustand): target language, filters, view. The report's pre-flight sets it before linking here. */
import { create } from 'zustand';
import type { Lang } from '../../../shared/i18n';
import type { UnitPart } from '../../../shared/translation';

export type StateFilter = 'all' | 'missing' | 'outdated' | 'notReviewed';

interface TranslateViewState {
  lang: Lang | undefined;
  state: StateFilter;
  part: UnitPart | 'all';
  group: string;
  query: string;
  view: 'list' | 'single';
  /** A unit to show first (a link from the report's pre-flight). */
  focusUnit: string | undefined;
  set(patch: Partial<Omit<TranslateViewState, 'set'>>): void;
}

export const useTranslateView = create<TranslateViewState>((set) => ({
  lang: undefined,
  state: 'all',
  part: 'all',
  group: '',
  query: '',
  view: 'list',
  focusUnit: undefined,
  set: (patch) => set(patch),
}));
