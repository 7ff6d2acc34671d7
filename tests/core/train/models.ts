import type { ModelJson, NodeJson } from '../../../src/core/graph/model';
import { findKind } from '../../../src/core/layers/registry';

/** A chain input -> (dense -> activation)* -> loss as model JSON; an activation 'none' adds no node. */
export function mlpModel(
  inputShape: number[],
  layers: { units: number; activation: string }[],
  loss: string,
): ModelJson {
  const nodes: NodeJson[] = [{ id: 'x', type: 'input', config: { shape: inputShape } }];
  if (inputShape.length > 1) nodes.push({ id: 'flat', type: 'flatten', config: {} });
  layers.forEach((layer, i) => {
    nodes.push({ id: `dense${i}`, type: 'dense', config: { units: layer.units } });
    if (layer.activation !== 'none') nodes.push({ id: `act${i}`, type: layer.activation, config: {} });
  });
  nodes.push({ id: 'loss', type: loss, config: {} });
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id }));
  return { format: 'backprop-studio.model', version: 1, nodes, edges };
}

/** The first loss type of the list that the registry has (losses are added while this is written). */
export function firstKnown(...types: string[]): string {
  const found = types.find((t) => findKind(t));
  if (!found) throw new Error(`none of ${types.join(', ')} is registered`);
  return found;
}
