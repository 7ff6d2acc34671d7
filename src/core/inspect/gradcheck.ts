import type { Backend } from '../backend/backend';
import type { Network } from '../graph/network';
import type { AnyNodeKind, Params, PassContext } from '../layers/kind';
import { Tensor } from '../tensor/tensor';
import { Rng } from '../train/rng';

export interface GradCheckOptions {
  /** Step of the central difference (f(x + h) - f(x - h)) / 2h. */
  epsilon?: number;
  /** Largest relative error that passes. */
  tolerance?: number;
  /** Differences below this pass whatever their relative size (both gradients ~0). */
  absoluteTolerance?: number;
  /** Elements checked per tensor at most; larger tensors are sampled (seeded). */
  maxElements?: number;
  seed?: number;
}

/** Analytic against numerical gradient for one tensor (an input or a parameter). */
export interface GradCheckEntry {
  nodeId: string;
  /** 'input' for the model input, 'input0', 'input1' for a node's inputs, else the parameter name. */
  name: string;
  indices: number[];
  analytic: number[];
  numeric: number[];
  maxAbsError: number;
  maxRelError: number;
  passed: boolean;
}

export const gradCheckDefaults = { epsilon: 1e-6, tolerance: 1e-5, absoluteTolerance: 1e-9, maxElements: 64, seed: 1 };

/** |a - n| / max(|a|, |n|), the usual relative error, for one pair. */
export function relativeError(a: number, n: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(n));
  return scale === 0 ? 0 : Math.abs(a - n) / scale;
}

function entry(
  nodeId: string,
  name: string,
  indices: number[],
  analytic: number[],
  numeric: number[],
  o: typeof gradCheckDefaults,
): GradCheckEntry {
  let maxAbsError = 0;
  let maxRelError = 0;
  let passed = true;
  for (let i = 0; i < indices.length; i++) {
    const abs = Math.abs(analytic[i] - numeric[i]);
    const rel = relativeError(analytic[i], numeric[i]);
    maxAbsError = Math.max(maxAbsError, abs);
    maxRelError = Math.max(maxRelError, rel);
    // Written so that a NaN error fails: every comparison with NaN is false.
    if (!(abs <= o.absoluteTolerance || rel <= o.tolerance)) passed = false;
  }
  return { nodeId, name, indices, analytic, numeric, maxAbsError, maxRelError, passed };
}

function pickIndices(size: number, max: number, rng: Rng): number[] {
  if (size <= max) return Array.from({ length: size }, (_, i) => i);
  const picked = new Set<number>();
  while (picked.size < max) picked.add(Math.floor(rng.next() * size));
  return [...picked].sort((a, b) => a - b);
}

/** Central difference of f at each chosen element of t, restoring every value afterwards. */
function numericGradient(t: Tensor, indices: number[], f: () => number, eps: number): number[] {
  return indices.map((i) => {
    const keep = t.data[i];
    t.data[i] = keep + eps;
    const plus = f();
    t.data[i] = keep - eps;
    const minus = f();
    t.data[i] = keep;
    return (plus - minus) / (2 * eps);
  });
}

/**
 * Checks one node kind in isolation: the scalar L = sum(forward(x) * r) for a fixed random r has
 * dL/d(output) = r, so backward(r) must match the central differences of L. Inputs and params
 * should be float64.
 */
export function checkNodeGradients(
  backend: Backend,
  kind: AnyNodeKind,
  config: unknown,
  inputs: Tensor[],
  params: Params,
  ctx: PassContext,
  options: GradCheckOptions = {},
): GradCheckEntry[] {
  const o = { ...gradCheckDefaults, ...options };
  const rng = new Rng(o.seed);
  const first = kind.forward(backend, config, inputs, params, ctx);
  const r = Tensor.zeros(first.output.shape, 'float64');
  for (let i = 0; i < r.size; i++) r.data[i] = rng.uniform(-1, 1);
  const objective = () => {
    const out = kind.forward(backend, config, inputs, params, ctx).output;
    let s = 0;
    for (let i = 0; i < out.size; i++) s += out.data[i] * r.data[i];
    return s;
  };
  const grads = kind.backward(backend, {
    config,
    inputs,
    output: first.output,
    params,
    dy: r,
    cache: first.cache,
    ctx,
  });
  const entries: GradCheckEntry[] = [];
  const check = (name: string, t: Tensor, analytic: Tensor | undefined) => {
    const indices = pickIndices(t.size, o.maxElements, rng);
    const a = indices.map((i) => analytic?.data[i] ?? 0);
    entries.push(entry(kind.type, name, indices, a, numericGradient(t, indices, objective, o.epsilon), o));
  };
  inputs.forEach((x, i) => {
    check(`input${i}`, x, grads.dInputs[i]);
  });
  // Parameters kept by the node's own rule (running statistics, centre-loss centres) are not
  // trained by gradients, so they are left out.
  const specs = kind.paramSpecs(
    config,
    inputs.map((x) => x.shape),
  );
  for (const [name, p] of Object.entries(params)) {
    if (specs[name]?.trainable !== false) check(name, p, grads.dParams[name]);
  }
  return entries;
}

/**
 * Checks a whole model: for the input and every parameter, the gradient of the total loss from
 * one backward pass against central differences of the loss. The network should be float64.
 */
export function checkModelGradients(net: Network, ctx: PassContext, options: GradCheckOptions = {}): GradCheckEntry[] {
  const o = { ...gradCheckDefaults, ...options };
  const rng = new Rng(o.seed);
  const ex = net.executor(ctx);
  ex.runPass();
  const lossAt = () => {
    ex.reset();
    ex.runForward();
    return ex.loss ?? 0;
  };
  const entries: GradCheckEntry[] = [];
  const inputId = net.plan.inputIds[0];
  const inputGrad = inputId ? ex.grads.get(inputId)?.clone() : undefined;
  const paramGrads = new Map([...ex.paramGrads].map(([id, g]) => [id, { ...g }]));
  if (inputId && ctx.input) {
    const indices = pickIndices(ctx.input.size, o.maxElements, rng);
    const analytic = indices.map((i) => inputGrad?.data[i] ?? 0);
    entries.push(entry(inputId, 'input', indices, analytic, numericGradient(ctx.input, indices, lossAt, o.epsilon), o));
  }
  for (const node of net.plan.nodes) {
    for (const [name, p] of Object.entries(net.params.get(node.id) ?? {})) {
      if (node.paramSpecs[name]?.trainable === false) continue;
      const indices = pickIndices(p.size, o.maxElements, rng);
      const g = paramGrads.get(node.id)?.[name];
      const analytic = indices.map((i) => g?.data[i] ?? 0);
      entries.push(entry(node.id, name, indices, analytic, numericGradient(p, indices, lossAt, o.epsilon), o));
    }
  }
  ex.reset();
  return entries;
}
