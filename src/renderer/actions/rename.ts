import { findNode, replaceNode } from './model-edits';
import { always, defineAction, refuse } from './types';

export interface RenameArgs {
  nodeId: string;
  /** Empty clears the name, and the node shows its id. */
  name: string;
  mergeKey?: string;
}

const MAX_NAME = 200;

export const renameAction = defineAction<RenameArgs, void>({
  label: 'Rename',
  enabled: always,
  perform(state, { nodeId, name, mergeKey }) {
    const node = findNode(state.model, nodeId);
    if (!node) return refuse(`No node has the id '${nodeId}'.`);
    if (name.length > MAX_NAME) return refuse(`A name holds at most ${MAX_NAME} characters.`);
    const trimmed = name.trim();
    if ((node.name ?? '') === trimmed) return { ok: true, value: undefined };
    const model = replaceNode(state.model, nodeId, ({ name: _old, ...rest }) =>
      trimmed ? { ...rest, name: trimmed } : rest,
    );
    return { ok: true, value: undefined, edit: { model, mergeKey } };
  },
});
