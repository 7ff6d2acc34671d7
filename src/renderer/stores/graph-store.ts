import { create } from 'zustand';
import type { EdgeJson } from '../../core/graph/model';
import { emptyModel, type ModelJson, type NodeJson } from '../../core/graph/model';

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

/** What undo restores: the document and what was selected in it. */
export interface HistoryEntry {
  model: ModelJson;
  selection: Selection;
  /** The command that moved away from this state, for "Undo Rename". */
  label: string;
  /** Consecutive edits with the same key (typing into one field) collapse into one entry. */
  mergeKey?: string;
}

export interface Clipboard {
  nodes: NodeJson[];
  edges: EdgeJson[];
  /** How many times it has been pasted: each paste lands a step further from the originals. */
  pasteCount: number;
}

export interface GraphState {
  /** The document, in the file format itself: saving is formatting it. */
  model: ModelJson;
  selection: Selection;
  fileName: string | null;
  /** The host's token for the document's file on disk (desktop), to save over it; null when there is none. */
  fileHandle: number | null;
  /** The model as last opened or saved; the document is dirty when it is another object. */
  savedModel: ModelJson;
  past: HistoryEntry[];
  future: HistoryEntry[];
  clipboard: Clipboard | null;
  /** Bumped when another document is opened, so the canvas knows to fit it into view. */
  documentId: number;
}

export const emptySelection: Selection = { nodeIds: [], edgeIds: [] };

export function initialGraphState(model: ModelJson = emptyModel()): GraphState {
  return {
    model,
    selection: emptySelection,
    fileName: null,
    fileHandle: null,
    savedModel: model,
    past: [],
    future: [],
    clipboard: null,
    documentId: 0,
  };
}

/** The editor's document store. Changes go through actions/registry.ts, which records undo. */
export const useGraphStore = create<GraphState>()(() => initialGraphState());

export function resetGraphStore(model?: ModelJson): void {
  useGraphStore.setState(initialGraphState(model), true);
}

export function isDirty(state: GraphState): boolean {
  return state.model !== state.savedModel;
}

export function edgeId(edge: EdgeJson): string {
  return `${edge.from}->${edge.to}`;
}

export function hasSelection(state: GraphState): boolean {
  return state.selection.nodeIds.length > 0 || state.selection.edgeIds.length > 0;
}
