/**
 * What the Word file includes (full report or annexes only), chosen in the Report writing
 * area's outline or on the Report tab: one choice per assessment, remembered on this
 * computer (localStorage). Undefined: the default (full once any narrative is written).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ReportSections = 'full' | 'annexes';

interface ReportChoices {
  sections: Record<string, ReportSections | undefined>;
  setSections(assessmentId: string, sections: ReportSections): void;
}

export const useReportChoices = create<ReportChoices>()(
  persist(
    (set) => ({
      sections: {},
      setSections: (assessmentId, sections) => set((s) => ({ sections: { ...s.sections, [assessmentId]: sections } })),
    }),
    { name: 'readiness.reportChoices', storage: createJSONStorage(() => localStorage) },
  ),
);
