import type { Network } from '../core';
import type { LoadResult, PlanNodeSummary } from '../protocol/results';

/** The plan of a compiled network as `load` reports it: nodes in run order with shapes and parameter counts. */
export function summarizeNetwork(network: Network): LoadResult {
  const names = new Map(network.model.nodes.map((n) => [n.id, n.name]));
  const nodes: PlanNodeSummary[] = network.plan.nodes.map((node) => {
    const params = Object.entries(node.paramSpecs).map(([name, spec]) => ({
      name,
      shape: [...spec.shape],
      count: spec.shape.reduce((a, b) => a * b, 1),
    }));
    const name = names.get(node.id);
    return {
      id: node.id,
      type: node.kind.type,
      label: node.kind.label,
      category: node.kind.category,
      ...(name ? { name } : {}),
      describe: node.kind.describe(node.config),
      inputs: [...node.inputs],
      outputShape: [...(node.outputShape ?? [])],
      params,
      paramCount: params.reduce((sum, p) => sum + p.count, 0),
    };
  });
  const { model, plan } = network;
  return {
    ...(model.name ? { name: model.name } : {}),
    ...(model.description ? { description: model.description } : {}),
    dtype: network.dtype,
    batch: plan.batch,
    nodes,
    inputIds: [...plan.inputIds],
    lossIds: [...plan.lossIds],
    paramCount: nodes.reduce((sum, n) => sum + n.paramCount, 0),
    hasSample: model.sample !== undefined,
    hasTarget: model.sample?.target !== undefined,
    issues: [],
  };
}
