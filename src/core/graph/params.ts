import type { Params } from '../layers/kind';
import { formatShape, sameShape } from '../tensor/shape';
import { type DType, Tensor } from '../tensor/tensor';
import { initialise } from '../train/init';
import { Rng } from '../train/rng';
import type { Plan } from './compile';
import { type Issue, jsonPath } from './issues';
import type { ModelJson, TensorJson } from './model';

/**
 * Checks each stored parameter against what its node needs (a known name and the right shape),
 * and that per-node initialisers name parameters the node has.
 */
export function checkParams(model: ModelJson, plan: Plan): Issue[] {
  const issues: Issue[] = [];
  model.nodes.forEach((node, i) => {
    const planNode = plan.byId.get(node.id);
    // Without an inferred shape (an error upstream) the node's parameters are unknown, not absent.
    if (!planNode?.outputShape) return;
    const specs = planNode.paramSpecs;
    const unknown = (name: string, path: string) => {
      const known = Object.keys(specs);
      issues.push({
        message: `${planNode.kind.label} has no parameter '${name}'${known.length ? ` (it has ${known.join(', ')})` : ''}`,
        path,
        nodeId: node.id,
      });
    };
    for (const name of Object.keys(node.init ?? {})) {
      if (!specs[name]) unknown(name, jsonPath(['nodes', i, 'init', name]));
    }
    for (const [name, value] of Object.entries(node.params ?? {})) {
      const path = `$.nodes[${i}].params.${name}`;
      const spec = specs[name];
      if (!spec) {
        unknown(name, path);
      } else if (!sameShape(value.shape, spec.shape)) {
        issues.push({
          message: `parameter ${name} has shape ${formatShape(value.shape)} but this node needs ${formatShape(spec.shape)}`,
          path: `${path}.shape`,
          nodeId: node.id,
        });
      }
    }
  });
  return issues;
}

/**
 * The tensors of every node's parameters: the stored values where the model has them, the
 * node's `init` for that parameter, else its type's initialiser (seeded), where it does not. Nodes
 * are visited in plan order so that initial values do not depend on how the file orders its nodes.
 */
export function materializeParams(model: ModelJson, plan: Plan, dtype: DType, seed = 0): Map<string, Params> {
  const rng = new Rng(seed);
  const stored = new Map(model.nodes.map((n) => [n.id, { values: n.params ?? {}, init: n.init }]));
  const out = new Map<string, Params>();
  for (const node of plan.nodes) {
    const params: Params = {};
    for (const [name, spec] of Object.entries(node.paramSpecs)) {
      const value = stored.get(node.id)?.values[name];
      params[name] =
        value && sameShape(value.shape, spec.shape)
          ? Tensor.fromArray(value.shape, value.data, dtype)
          : initialise(stored.get(node.id)?.init?.[name] ?? spec.init, spec.shape, rng, dtype);
    }
    out.set(node.id, params);
  }
  return out;
}

export function tensorToJson(t: Tensor): TensorJson {
  return { shape: [...t.shape], data: Array.from(t.data) };
}

/** The model with these parameter values stored in it; everything else is kept as it was. */
export function withParams(model: ModelJson, params: Map<string, Params>): ModelJson {
  return {
    ...model,
    nodes: model.nodes.map((node) => {
      const p = params.get(node.id);
      if (!p || Object.keys(p).length === 0) return node;
      const json: Record<string, TensorJson> = {};
      for (const [name, t] of Object.entries(p)) json[name] = tensorToJson(t.cast('float32'));
      return { ...node, params: json };
    }),
  };
}
