import { create } from 'zustand';
import type { Issue } from '../../core/graph/issues';

export type ToastTone = 'info' | 'error';

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

export interface IssuesDialog {
  title: string;
  issues: Issue[];
}

export interface UiState {
  toast: Toast | null;
  issuesDialog: IssuesDialog | null;
  examplesOpen: boolean;
  preferencesOpen: boolean;
  showToast(message: string, tone?: ToastTone): void;
  dismissToast(id: number): void;
  showIssues(dialog: IssuesDialog): void;
  closeIssues(): void;
  showExamples(): void;
  closeExamples(): void;
  showPreferences(): void;
  closePreferences(): void;
}

let nextToastId = 1;

/** Transient UI state: the toast and the dialogs. Nothing here is part of the document. */
export const useUiStore = create<UiState>()((set) => ({
  toast: null,
  issuesDialog: null,
  examplesOpen: false,
  preferencesOpen: false,
  showToast: (message, tone = 'info') => set({ toast: { id: nextToastId++, message, tone } }),
  dismissToast: (id) => set((s) => (s.toast?.id === id ? { toast: null } : s)),
  showIssues: (dialog) => set({ issuesDialog: dialog }),
  closeIssues: () => set({ issuesDialog: null }),
  showExamples: () => set({ examplesOpen: true }),
  closeExamples: () => set({ examplesOpen: false }),
  showPreferences: () => set({ preferencesOpen: true }),
  closePreferences: () => set({ preferencesOpen: false }),
}));
