import type { Backend } from '../backend/backend';
import type { Plan } from '../graph/compile';
import type { ModelJson, NodeJson } from '../graph/model';
import { Network } from '../graph/network';
import type { InitName } from '../layers/kind';
import type { DType, Tensor } from '../tensor/tensor';
import type { InitSpec } from '../train/init';
import type { GradientFlowOptions } from './gradient-flow';
import { inspectNetwork } from './inspect-network';

/** The initialisers compared when none are named: none, too small, calibrated, Xavier, He. */
export const defaultComparedInits: readonly InitName[] = [
  'zeros',
  'small_random',
  'calibrated',
  'glorot_uniform',
  'he_normal',
];

// Parameters a type draws at random by default are the weights; biases, gammas and running statistics keep theirs.
const randomInits = new Set<InitName>([
  'small_random',
  'calibrated',
  'sparse',
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
]);

export interface InitComparisonOptions extends GradientFlowOptions {
  backend: Backend;
  inits?: readonly (InitName | InitSpec)[];
  /** The batch to run; the model's sample without it. */
  input?: Tensor;
  target?: Tensor;
  /** Seeds every initialiser alike; 0 by default. */
  seed?: number;
  dtype?: DType;
}

export interface InitLayerResult {
  nodeId: string;
  type: string;
  distance: number;
  /** Standard deviation of the layer's output over the batch (the pre-activations of a dense layer). */
  outputStd: number;
  /** Standard deviation after the activation that follows the layer (the layer's own output when none does). */
  activationStd: number;
  weightGradNorm: number;
  ratioToLast: number;
  flag?: 'vanishing' | 'exploding';
}

export interface InitComparison {
  init: string;
  loss: number | undefined;
  /** Layers from the input side to the loss. */
  layers: InitLayerResult[];
  /** The deepest hidden layer's activation std over the first layer's: near 1 when the signal keeps its size going forward. */
  signalRatio: number;
  /** The first layer's weight-gradient norm over the last layer's: near 1 when the gradient keeps its size going back. */
  gradientRatio: number;
}

/**
 * The same model and batch under several initialisers, one forward and backward pass each: per
 * layer, how large the signal is going forward and the gradient coming back. Stored weights are
 * replaced; biases and other parameters keep what the model gives them.
 */
export function compareInitialisers(
  model: ModelJson,
  plan: Plan,
  options: InitComparisonOptions,
): Promise<InitComparison[]> {
  const inits = options.inits ?? defaultComparedInits;
  return Promise.all(
    inits.map(async (init) => {
      const net = Network.fromModel(withWeightInit(model, plan, init), {
        backend: options.backend,
        dtype: options.dtype,
        seed: options.seed ?? 0,
      });
      const ctx = net.context();
      const inspection = await inspectNetwork(
        net,
        {
          ...ctx,
          input: options.input?.cast(net.dtype) ?? ctx.input,
          target: options.target?.cast(net.dtype) ?? ctx.target,
        },
        {
          vanishingRatio: options.vanishingRatio,
          explodingFactor: options.explodingFactor,
          withoutMaps: true,
          bins: 1,
        },
      );
      const std = new Map(inspection.activations.map((a) => [a.nodeId, a.std]));
      const flow = new Map(inspection.flow.map((f) => [f.nodeId, f]));
      const layers = inspection.gradients
        .map((g): InitLayerResult => {
          const next = plan.byId.get(plan.byId.get(g.nodeId)?.consumers[0] ?? '');
          const activationId = next?.kind.category === 'activation' ? next.id : g.nodeId;
          const f = flow.get(g.nodeId);
          return {
            nodeId: g.nodeId,
            type: g.type,
            distance: g.distance,
            outputStd: std.get(g.nodeId) ?? Number.NaN,
            activationStd: std.get(activationId) ?? Number.NaN,
            weightGradNorm: g.weights.norm,
            ratioToLast: f?.ratioToLast ?? Number.NaN,
            flag: f?.flag?.kind,
          };
        })
        .reverse();
      const first = layers[0];
      // The deepest hidden layer: the output layer's spread is over the batch only, often a single unit.
      const deepest = layers[Math.max(0, layers.length - 2)];
      return {
        init: typeof init === 'string' ? init : init.name,
        loss: inspection.loss,
        layers,
        signalRatio: first && deepest ? deepest.activationStd / first.activationStd : Number.NaN,
        gradientRatio: first?.ratioToLast ?? Number.NaN,
      };
    }),
  );
}

/** The model with every weight parameter dropped from storage and drawn by this initialiser instead. */
export function withWeightInit(model: ModelJson, plan: Plan, init: InitName | InitSpec): ModelJson {
  const nodes = model.nodes.map((node): NodeJson => {
    const specs = plan.byId.get(node.id)?.paramSpecs ?? {};
    const weights = Object.entries(specs)
      .filter(([, s]) => s.trainable !== false && randomInits.has(s.init))
      .map(([name]) => name);
    if (!weights.length) return node;
    const params = Object.fromEntries(Object.entries(node.params ?? {}).filter(([name]) => !weights.includes(name)));
    const initConfig = typeof init === 'string' ? init : { ...init };
    return { ...node, params, init: { ...node.init, ...Object.fromEntries(weights.map((w) => [w, initConfig])) } };
  });
  return { ...model, nodes };
}
