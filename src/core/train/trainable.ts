import type { Network } from '../graph/network';
import type { ParamFilter } from './optimizer';

/**
 * The parameters an optimizer may update: not those marked trainable: false (a node's own
 * statistics or centres), nor any of a frozen node's, frozen by name here or by
 * `trainable: false` on the node in the model file (fine-tuning trains only some layers).
 */
export function trainableFilter(net: Network, frozen: readonly string[] = []): ParamFilter {
  const frozenIds = new Set(frozen);
  for (const node of net.model.nodes) {
    if (node.trainable === false) frozenIds.add(node.id);
  }
  return (nodeId, name) => !frozenIds.has(nodeId) && net.plan.byId.get(nodeId)?.paramSpecs[name]?.trainable !== false;
}
