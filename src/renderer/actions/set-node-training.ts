import type { InitConfigJson } from '../../core/graph/model';
import { findNode, replaceNode } from './model-edits';
import { always, defineAction, refuse } from './types';

export interface SetNodeTrainingArgs {
  nodeId: string;
  /** false freezes the node's parameters during training (fine-tuning); true removes the flag. */
  trainable?: boolean;
  /** The initialiser of one parameter; null goes back to the node type's default. */
  init?: { param: string; initializer: InitConfigJson | null };
}

/** A node's training options: frozen or not, and how each missing parameter is initialised. */
export const setNodeTrainingAction = defineAction<SetNodeTrainingArgs, void>({
  label: 'Change training options',
  enabled: always,
  perform(state, { nodeId, trainable, init }) {
    const node = findNode(state.model, nodeId);
    if (!node) return refuse(`No node has the id '${nodeId}'.`);
    const model = replaceNode(state.model, nodeId, (n) => {
      let next = n;
      if (trainable !== undefined) {
        const { trainable: _old, ...rest } = next;
        next = trainable ? rest : { ...rest, trainable: false };
      }
      if (init) {
        const { [init.param]: _old, ...others } = next.init ?? {};
        const inits = init.initializer === null ? others : { ...others, [init.param]: init.initializer };
        const { init: _inits, ...rest } = next;
        next = Object.keys(inits).length ? { ...rest, init: inits } : rest;
      }
      return next;
    });
    if (JSON.stringify(model) === JSON.stringify(state.model)) return { ok: true, value: undefined };
    return { ok: true, value: undefined, edit: { model } };
  },
});
