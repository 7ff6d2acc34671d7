import { defineAction } from './types';

/** Forgets every stored parameter: the next run starts from freshly initialised weights (the training seed's). */
export const resetWeightsAction = defineAction<void, void>({
  label: 'Reset weights',
  enabled: (state) => state.model.nodes.some((n) => n.params !== undefined),
  perform(state) {
    const nodes = state.model.nodes.map(({ params: _dropped, ...rest }) => rest);
    return { ok: true, value: undefined, edit: { model: { ...state.model, nodes } } };
  },
});
