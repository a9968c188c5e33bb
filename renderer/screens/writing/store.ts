/** UI state of the Report writing area (Zustand): which pane is open, per assessment. */
import { create } from 'zustand';
import type { SectionId } from '../../../shared/narrative';

export type WritingPane =
  | { kind: 'outline' }
  | { kind: 'section'; id: SectionId }
  | { kind: 'finding'; area: string }
  | { kind: 'recommendations' }
  | { kind: 'actionPlan' }
  | { kind: 'context' }
  | { kind: 'workshop' };

interface WritingState {
  panes: Record<string, WritingPane>;
  open(assessmentId: string, pane: WritingPane): void;
}

export const useWriting = create<WritingState>((set) => ({
  panes: {},
  open: (assessmentId, pane) => set((s) => ({ panes: { ...s.panes, [assessmentId]: pane } })),
}));
