import { type GraphState, type HistoryEntry, useGraphStore } from '../stores/graph-store';
import { addNodeAction } from './add-node';
import { applyParamsAction } from './apply-params';
import { connectAction } from './connect';
import { copyAction } from './copy';
import { cutAction } from './cut';
import { deleteSelectionAction } from './delete-selection';
import { loadModelAction } from './load-model';
import { markSavedAction } from './mark-saved';
import { moveNodesAction } from './move-nodes';
import { newModelAction } from './new-model';
import { pasteAction } from './paste';
import { redoAction } from './redo';
import { renameAction } from './rename';
import { saveModelAction } from './save-model';
import { selectAction } from './select';
import { selectAllAction } from './select-all';
import { setSampleAction } from './set-sample';
import { trainingActions } from './training-actions';
import type { ActionSpec, Edit, Outcome, Result } from './types';
import { undoAction } from './undo';
import { updateConfigAction } from './update-config';

/** Every command of the editor. Keyboard, menus and buttons all run them through runAction. */
export const actions = {
  'add-node': addNodeAction,
  connect: connectAction,
  'delete-selection': deleteSelectionAction,
  cut: cutAction,
  copy: copyAction,
  paste: pasteAction,
  'select-all': selectAllAction,
  select: selectAction,
  undo: undoAction,
  redo: redoAction,
  'update-config': updateConfigAction,
  rename: renameAction,
  'move-nodes': moveNodesAction,
  'new-model': newModelAction,
  'load-model': loadModelAction,
  'save-model': saveModelAction,
  'mark-saved': markSavedAction,
  'apply-params': applyParamsAction,
  'set-sample': setSampleAction,
  ...trainingActions,
} satisfies Record<string, ActionSpec<never, unknown>>;

type Actions = typeof actions;
export type ActionId = keyof Actions;
export type ActionArgs<I extends ActionId> = Parameters<Actions[I]['perform']>[1];
export type ActionValue<I extends ActionId> = ReturnType<Actions[I]['perform']> extends Result<infer V> ? V : never;
/** Commands that need nothing but the state: the ones a key or a button can run. */
export type PlainActionId = { [I in ActionId]: [ActionArgs<I>] extends [void] ? I : never }[ActionId];

const HISTORY_LIMIT = 200;

/** Runs one command against the store; undo is recorded here and nowhere else. */
export function runAction<I extends ActionId>(
  id: I,
  ...args: [ActionArgs<I>] extends [void] ? [] : [ActionArgs<I>]
): Outcome<ActionValue<I>> {
  const action: ActionSpec<unknown, unknown> = actions[id];
  const state = useGraphStore.getState();
  if (!action.enabled(state)) return { ok: false, reason: `${action.label} is not available now.` };
  const result = action.perform(state, args[0]);
  if (!result.ok) return result;
  const next: Partial<GraphState> = { ...result.patch };
  if (result.edit) Object.assign(next, recordEdit(state, result.edit, action.label));
  if (Object.keys(next).length) useGraphStore.setState(next);
  return { ok: true, value: result.value as ActionValue<I> };
}

function recordEdit(state: GraphState, edit: Edit, label: string): Partial<GraphState> {
  if (edit.model === state.model) return edit.selection ? { selection: edit.selection } : {};
  const next: Partial<GraphState> = { model: edit.model, future: [] };
  if (edit.selection) next.selection = edit.selection;
  const top = state.past[state.past.length - 1];
  const merges = edit.mergeKey !== undefined && top?.mergeKey === edit.mergeKey && state.future.length === 0;
  if (!merges) {
    const entry: HistoryEntry = { model: state.model, selection: state.selection, label, mergeKey: edit.mergeKey };
    next.past = [...state.past, entry].slice(-HISTORY_LIMIT);
  }
  return next;
}

export function isEnabled(id: ActionId): boolean {
  return actions[id].enabled(useGraphStore.getState());
}
