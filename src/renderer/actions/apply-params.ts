import type { TensorJson } from '../../core/graph/model';
import { always, defineAction, refuse } from './types';

export interface ApplyParamsArgs {
  /** New values per node id and parameter name; parameters not named keep theirs. */
  params: Record<string, Record<string, TensorJson>>;
}

/** Stores parameter values the engine computed (a gradient-descent step) in the document, as one undo step. */
export const applyParamsAction = defineAction<ApplyParamsArgs, void>({
  label: 'Apply update',
  enabled: always,
  perform(state, { params }) {
    const present = new Set(state.model.nodes.map((n) => n.id));
    const missing = Object.keys(params).find((id) => !present.has(id));
    if (missing) return refuse(`The model no longer has a node '${missing}'; the update was not stored.`);
    const nodes = state.model.nodes.map((node) => {
      const values = params[node.id];
      return values && Object.keys(values).length ? { ...node, params: { ...node.params, ...values } } : node;
    });
    return { ok: true, value: undefined, edit: { model: { ...state.model, nodes } } };
  },
});
