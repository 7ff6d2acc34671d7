import type { NodeJson } from '../../core/graph/model';
import { findKind } from '../../core/layers/registry';
import { nodeIdsOf, uniqueNodeId } from './model-edits';
import { always, defineAction, refuse } from './types';

export interface AddNodeArgs {
  type: string;
  /** Top-left corner in flow coordinates. */
  position: { x: number; y: number };
}

/** Adds a node of a kind with its default config and selects it; the value is its new id. */
export const addNodeAction = defineAction<AddNodeArgs, string>({
  label: 'Add node',
  enabled: always,
  perform(state, { type, position }) {
    const kind = findKind(type);
    if (!kind) return refuse(`There is no node kind '${type}'.`);
    const id = uniqueNodeId(type, nodeIdsOf(state.model));
    const node: NodeJson = {
      id,
      type,
      config: structuredClone(kind.defaultConfig) as Record<string, unknown>,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
    };
    return {
      ok: true,
      value: id,
      edit: {
        model: { ...state.model, nodes: [...state.model.nodes, node] },
        selection: { nodeIds: [id], edgeIds: [] },
      },
    };
  },
});
