import { compiledModel } from '../../core/graph/compiled';
import { applyConfig } from '../../core/train/search/apply-config';
import type { SearchConfig } from '../../core/train/search/space';
import { always, defineAction, refuse } from './types';

export interface ApplySearchConfigArgs {
  config: SearchConfig;
}

/**
 * "Apply best": a search trial's hyperparameters put into the graph and its training section as
 * one edit. Core applies them to the model as the schema reads it (defaults filled in); only the
 * nodes it changed are taken from that, so the file keeps its own wording elsewhere.
 */
export const applySearchConfigAction = defineAction<ApplySearchConfigArgs, void>({
  label: 'Apply search result',
  enabled: always,
  perform(state, { config }) {
    try {
      const before = new Map(compiledModel(state.model).model.nodes.map((n) => [n.id, JSON.stringify(n)]));
      const applied = applyConfig(state.model, config);
      const changed = new Map(
        applied.nodes.filter((n) => before.get(n.id) !== JSON.stringify(n)).map((n) => [n.id, n]),
      );
      const nodes = state.model.nodes.map((n) => changed.get(n.id) ?? n);
      return { ok: true, value: undefined, edit: { model: { ...state.model, nodes, training: applied.training } } };
    } catch (e) {
      return refuse(`The configuration could not be applied: ${(e as Error).message}`);
    }
  },
});
