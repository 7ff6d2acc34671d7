import type { Plan } from '../../graph/compile';
import { compiledModel } from '../../graph/compiled';
import type { ModelJson, NodeJson, TensorJson } from '../../graph/model';
import { penaltyKeys, type TrainingJson } from '../../graph/training';
import { findKind, nodeKinds } from '../../layers/registry';
import { sameShape } from '../../tensor/shape';
import type { OptimizerConfig } from '../optimizer-factory';
import type { ScheduleConfig } from '../schedules/factory';
import { type SearchConfig, SearchError } from './space';

export interface ApplyConfigOptions {
  /** The dense node whose units a config sets; every hidden dense node without it. */
  unitsNode?: string;
}

/** Node types that can stand in for a hidden activation. */
export function activationTypes(): string[] {
  return nodeKinds.filter((k) => k.category === 'activation').map((k) => k.type);
}

/**
 * The model with a search config applied ("Apply best"): the learning rate (a schedule keeps its
 * shape and starts from the new rate), the batch size and the optimizer type (its type-specific
 * settings reset) in the training section; units of the hidden dense layers (those with another
 * dense or conv layer after them) or of the chosen node; the type of the hidden activations.
 * Stored weights whose shape no longer fits are dropped, to be initialised afresh.
 */
export function applyConfig(given: ModelJson, config: SearchConfig, options: ApplyConfigOptions = {}): ModelJson {
  const { model, plan } = compiledModel(given);
  const unitsNodes = config.units === undefined ? new Set<string>() : unitsTargets(plan, options.unitsNode);
  const activationNodes = config.activation === undefined ? new Set<string>() : hiddenNodes(plan, 'activation');
  if (config.activation !== undefined && findKind(config.activation)?.category !== 'activation') {
    throw new SearchError(`'${config.activation}' is not an activation; activations: ${activationTypes().join(', ')}`);
  }
  const nodes = model.nodes.map((node): NodeJson => {
    if (unitsNodes.has(node.id)) return { ...node, config: { ...node.config, units: config.units } };
    if (activationNodes.has(node.id) && config.activation !== undefined && node.type !== config.activation)
      return { ...node, type: config.activation, config: {} };
    return node;
  });
  const changed: ModelJson = { ...model, nodes, training: withTraining(model.training ?? {}, config) };
  return dropMisfitParams(changed);
}

function withTraining(training: TrainingJson, config: SearchConfig): TrainingJson {
  const out: TrainingJson = { ...training };
  if (config.batchSize !== undefined) out.batchSize = config.batchSize;
  if (config.optimizer === undefined && config.learningRate === undefined) return out;
  const old: OptimizerConfig = training.optimizer ?? { type: 'adam' };
  let optimizer: OptimizerConfig = old;
  if (config.optimizer !== undefined && config.optimizer !== old.type) {
    optimizer = { type: config.optimizer, learningRate: old.learningRate };
    for (const key of penaltyKeys) if (old[key] !== undefined) optimizer[key] = old[key];
  }
  if (config.learningRate !== undefined)
    optimizer = { ...optimizer, learningRate: withInitialRate(optimizer.learningRate, config.learningRate) };
  out.optimizer = optimizer;
  return out;
}

/** A new starting rate: a schedule keeps its shape (piecewise values scale together), a number is replaced. */
export function withInitialRate(current: OptimizerConfig['learningRate'], rate: number): number | ScheduleConfig {
  if (current === undefined || typeof current === 'number') return rate;
  if (current.type === 'piecewise_constant') {
    const first = current.values[0];
    return { ...current, values: current.values.map((v) => (first > 0 ? (v * rate) / first : rate)) };
  }
  return { ...current, learningRate: rate };
}

function unitsTargets(plan: Plan, unitsNode: string | undefined): Set<string> {
  if (unitsNode === undefined) {
    const hidden = hiddenNodes(plan, 'dense');
    if (hidden.size === 0)
      throw new SearchError('the model has no hidden dense layer (one followed by another layer) to resize');
    return hidden;
  }
  const node = plan.byId.get(unitsNode);
  if (node?.kind.type !== 'dense') throw new SearchError(`'${unitsNode}' is not a dense node of this model`);
  return new Set([unitsNode]);
}

/** Nodes of a type (or category) with a dense or conv layer somewhere after them. */
function hiddenNodes(plan: Plan, typeOrCategory: 'dense' | 'activation'): Set<string> {
  const found = new Set<string>();
  for (const node of plan.nodes) {
    const matches = typeOrCategory === 'dense' ? node.kind.type === 'dense' : node.kind.category === 'activation';
    if (matches && layerAfter(plan, node.id)) found.add(node.id);
  }
  return found;
}

function layerAfter(plan: Plan, id: string, visited = new Set<string>()): boolean {
  for (const next of plan.byId.get(id)?.consumers ?? []) {
    if (visited.has(next)) continue;
    visited.add(next);
    const type = plan.byId.get(next)?.kind.type;
    if (type === 'dense' || type === 'conv2d' || layerAfter(plan, next, visited)) return true;
  }
  return false;
}

function dropMisfitParams(changed: ModelJson): ModelJson {
  const { model, plan } = compiledModel(changed);
  return {
    ...model,
    nodes: model.nodes.map((node) => {
      if (!node.params) return node;
      const specs = plan.byId.get(node.id)?.paramSpecs ?? {};
      const kept: Record<string, TensorJson> = {};
      for (const [name, value] of Object.entries(node.params)) {
        if (specs[name] && sameShape(value.shape, specs[name].shape)) kept[name] = value;
      }
      const { params: _dropped, ...rest } = node;
      return Object.keys(kept).length ? { ...rest, params: kept } : rest;
    }),
  };
}
