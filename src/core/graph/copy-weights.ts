import { formatShape, sameShape } from '../tensor/shape';
import { compiledModel } from './compiled';
import type { ModelJson, TensorJson } from './model';

export interface CopiedParam {
  nodeId: string;
  param: string;
}

export interface SkippedParam extends CopiedParam {
  reason: string;
}

export interface CopyWeightsResult {
  model: ModelJson;
  copied: CopiedParam[];
  skipped: SkippedParam[];
}

/**
 * The target model with the source model's stored weights copied in, node by node: a parameter is
 * copied when the source has a node with the same id storing a parameter of that name and of the
 * shape the target needs (pre-training, then fine-tuning a changed architecture). Every parameter
 * of the target that is not copied is listed with the reason; it keeps its own value, or stays
 * missing and is initialised as usual.
 */
export function copyWeightsFrom(target: ModelJson, source: ModelJson): CopyWeightsResult {
  const { model: parsed, plan } = compiledModel(target);
  const sourceNodes = new Map(source.nodes.map((n) => [n.id, n]));
  const copied: CopiedParam[] = [];
  const skipped: SkippedParam[] = [];
  const nodes = parsed.nodes.map((node) => {
    const specs = plan.byId.get(node.id)?.paramSpecs ?? {};
    const names = Object.keys(specs);
    if (names.length === 0) return node;
    const from = sourceNodes.get(node.id);
    const params: Record<string, TensorJson> = { ...node.params };
    for (const param of names) {
      const value = from?.params?.[param];
      const need = specs[param].shape;
      if (value && sameShape(value.shape, need)) {
        params[param] = { shape: [...value.shape], data: [...value.data] };
        copied.push({ nodeId: node.id, param });
      } else {
        const reason = !from
          ? 'the source has no node with this id'
          : !value
            ? `the source node stores no ${param}`
            : `shape ${formatShape(value.shape)} in the source, ${formatShape(need)} here`;
        skipped.push({ nodeId: node.id, param, reason });
      }
    }
    return Object.keys(params).length ? { ...node, params } : node;
  });
  return { model: { ...parsed, nodes }, copied, skipped };
}
