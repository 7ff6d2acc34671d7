import { always, defineAction } from './types';

export interface MoveNodesArgs {
  /** New top-left corner per node id, in flow coordinates. */
  positions: Record<string, { x: number; y: number }>;
}

/** One undo entry per drag: the canvas calls this when the drag ends, not while it moves. */
export const moveNodesAction = defineAction<MoveNodesArgs, void>({
  label: 'Move',
  enabled: always,
  perform(state, { positions }) {
    let moved = false;
    const nodes = state.model.nodes.map((node) => {
      const to = positions[node.id];
      if (!to) return node;
      const x = Math.round(to.x);
      const y = Math.round(to.y);
      if (node.position?.x === x && node.position?.y === y) return node;
      moved = true;
      return { ...node, position: { x, y } };
    });
    if (!moved) return { ok: true, value: undefined };
    return { ok: true, value: undefined, edit: { model: { ...state.model, nodes } } };
  },
});
