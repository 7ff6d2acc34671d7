import type { z } from 'zod';
import type { Backend } from '../backend/backend';
import type { Shape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';

export type NodeCategory = 'input' | 'layer' | 'activation' | 'loss';
export type Params = Record<string, Tensor>;

/** How a missing parameter is filled when a model is compiled. */
export type InitName =
  | 'zeros'
  | 'ones'
  | 'constant'
  | 'small_random'
  | 'calibrated'
  | 'sparse'
  | 'glorot_uniform'
  | 'glorot_normal'
  | 'he_uniform'
  | 'he_normal';

export interface ParamSpec {
  shape: Shape;
  init: InitName;
  /**
   * false: the optimizer leaves it alone; the node updates it by its own rule (batch norm's running
   * statistics, center loss centres).
   */
  trainable?: false;
}

/** What a pass feeds the nodes that read data rather than other nodes. */
export interface PassContext {
  input?: Tensor;
  target?: Tensor;
  training: boolean;
  /** Seed of the pass's random draws (dropout masks): the same seed, the same masks, so a pass can be repeated. */
  seed?: number;
  /** The node being run, set by the executor: nodes that draw random numbers mix it into the seed. */
  nodeId?: string;
}

export interface ShapeContext {
  batch: number;
}

export interface ForwardResult {
  output: Tensor;
  /** Whatever backward needs beyond inputs, output and params (a dropout mask, say). */
  cache?: unknown;
}

export interface BackwardArgs<C> {
  config: C;
  inputs: Tensor[];
  output: Tensor;
  params: Params;
  /** dLoss/d(output): the upstream gradient. */
  dy: Tensor;
  cache?: unknown;
  ctx: PassContext;
}

/** What a node's own update rule reads after the optimizer step: this pass's inputs and data. */
export interface OwnUpdateArgs<C> {
  config: C;
  inputs: Tensor[];
  params: Params;
  ctx: PassContext;
}

export interface BackwardResult {
  /** dLoss/d(input) for each input, in input order. */
  dInputs: Tensor[];
  dParams: Params;
  /** The local derivative d(output)/d(input) where it is element-wise, for showing the chain rule. */
  local?: Tensor;
}

export interface Formula {
  /** LaTeX of what forward computes. */
  forward: string;
  /** LaTeX of what backward computes from the upstream gradient delta. */
  backward: string;
}

/** Thrown by a shape rule when the inputs do not fit; the message says why in the user's numbers. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/** Thrown while a pass runs when the data given does not fit the node (a missing target, say). */
export class RunError extends Error {
  override name = 'RunError';
}

/**
 * One node kind: a layer, an activation, a loss or the input. Forward and backward work on one
 * node, so a pass can be run one node at a time; a full pass is the same steps in order.
 */
export interface NodeKind<C> {
  readonly type: string;
  readonly category: NodeCategory;
  readonly label: string;
  /** One line, shown as the palette tooltip and in `check`. */
  readonly summary: string;
  readonly configSchema: z.ZodType<C>;
  readonly defaultConfig: C;
  /** How many incoming edges the node takes. */
  readonly arity: { min: number; max: number };
  outputShape(config: C, inputShapes: Shape[], ctx: ShapeContext): Shape;
  paramSpecs(config: C, inputShapes: Shape[]): Record<string, ParamSpec>;
  forward(backend: Backend, config: C, inputs: Tensor[], params: Params, ctx: PassContext): ForwardResult;
  backward(backend: Backend, args: BackwardArgs<C>): BackwardResult;
  formula(config: C): Formula;
  /** The key config in a few words for the node's face on the canvas ("2 units"). */
  describe(config: C): string;
  /** Losses: the target shapes accepted for a prediction of this shape; without it, the prediction's own shape. */
  targetShapes?(config: C, predictionShape: Shape): Shape[];
  /** Training only, after the optimizer step: updates the parameters marked trainable: false. */
  afterOptimizerStep?(backend: Backend, args: OwnUpdateArgs<C>): void;
}

// The registry holds kinds of different config types; each config is checked by its kind's
// schema before it reaches the kind, so erasing the type here is safe.
export type AnyNodeKind = NodeKind<any>;

export function noParams(): Record<string, ParamSpec> {
  return {};
}
