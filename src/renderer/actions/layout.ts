import type { ModelJson } from '../../core/graph/model';

const COLUMN = 240;
const ROW = 140;

/**
 * Places nodes that have no position: by depth from the inputs, left to right, stacked in each
 * column. Files written by hand or by the CLI often leave positions out.
 */
export function withLayout(model: ModelJson): ModelJson {
  if (model.nodes.every((n) => n.position)) return model;
  const depth = new Map<string, number>(model.nodes.map((n) => [n.id, 0]));
  // Longest-path depth by relaxation; a cycle (which compile reports) just stops after n rounds.
  for (let round = 0; round < model.nodes.length; round++) {
    let changed = false;
    for (const e of model.edges) {
      const d = (depth.get(e.from) ?? 0) + 1;
      if (depth.has(e.to) && d > (depth.get(e.to) ?? 0)) {
        depth.set(e.to, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rowsUsed = new Map<number, number>();
  return {
    ...model,
    nodes: model.nodes.map((node) => {
      if (node.position) return node;
      const column = depth.get(node.id) ?? 0;
      const row = rowsUsed.get(column) ?? 0;
      rowsUsed.set(column, row + 1);
      return { ...node, position: { x: column * COLUMN, y: row * ROW } };
    }),
  };
}
