import type { GraphState } from '../stores/graph-store';
import type { Result } from './types';

/**
 * Undo and redo are one move in opposite directions: take the newest entry from one stack,
 * make it the document, and push the document it replaces onto the other stack.
 */
export function travel(state: GraphState, from: 'past' | 'future'): Result<undefined> {
  const to = from === 'past' ? 'future' : 'past';
  const entry = state[from][state[from].length - 1];
  if (!entry) return { ok: true, value: undefined };
  return {
    ok: true,
    value: undefined,
    patch: {
      model: entry.model,
      selection: entry.selection,
      [from]: state[from].slice(0, -1),
      [to]: [...state[to], { model: state.model, selection: state.selection, label: entry.label }],
    },
  };
}
