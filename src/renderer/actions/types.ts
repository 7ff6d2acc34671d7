import type { Issue } from '../../core/graph/issues';
import type { ModelJson } from '../../core/graph/model';
import type { GraphState, Selection } from '../stores/graph-store';

/** A refused command: the reason is shown to the user as it is. */
export interface Refusal {
  ok: false;
  reason: string;
  /** Problems with line numbers, for a dialog (a file that did not load). */
  issues?: Issue[];
  /** Message per config field, for a form (a value the schema rejects). */
  fieldErrors?: Record<string, string>;
}

/** An undoable change to the document. */
export interface Edit {
  model: ModelJson;
  selection?: Selection;
  mergeKey?: string;
}

export interface Performed<V> {
  ok: true;
  value: V;
  edit?: Edit;
  /** State that changes without an undo entry: selection, clipboard, history itself, file name. */
  patch?: Partial<GraphState>;
}

export type Result<V> = Performed<V> | Refusal;

export type Outcome<V> = { ok: true; value: V } | Refusal;

/**
 * One user command. `perform` reads the state and says what changes; it never writes the store,
 * so the registry can record undo in one place and tests can call it on any state.
 */
export interface ActionSpec<A, V> {
  label: string;
  /** Like "Mod+Z": Mod is Cmd on macOS and Ctrl elsewhere. */
  shortcut?: string;
  /** Further keys that run it (Backspace for Delete). */
  aliases?: string[];
  enabled(state: GraphState): boolean;
  perform(state: GraphState, args: A): Result<V>;
}

export function defineAction<A = void, V = void>(spec: ActionSpec<A, V>): ActionSpec<A, V> {
  return spec;
}

export function refuse(reason: string, extra: Omit<Refusal, 'ok' | 'reason'> = {}): Refusal {
  return { ok: false, reason, ...extra };
}

export const always = (): boolean => true;
