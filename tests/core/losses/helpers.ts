import { afterAll, expect } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import { checkNodeGradients, relativeError } from '../../../src/core/inspect/gradcheck';
import type { AnyNodeKind, Params, PassContext } from '../../../src/core/layers/kind';
import { type DType, type NestedArray, Tensor } from '../../../src/core/tensor/tensor';
import { Rng } from '../../../src/core/train/rng';
import { describeFailures } from '../reference/gradcheck';

export const backend = createCpuBackend();

let worstGradientError = 0;
// For reports: LOSS_ERRORS=1 npx vitest run tests/core/losses
afterAll(() => {
  if (process.env.LOSS_ERRORS) console.log(`largest relative error against central differences: ${worstGradientError}`);
});

export function randomTensor(shape: number[], rng: Rng, low: number, high: number): Tensor {
  const t = Tensor.zeros(shape, 'float64');
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(low, high);
  return t;
}

export function randomLabels(batch: number, classes: number, rng: Rng): number[] {
  return Array.from({ length: batch }, () => Math.floor(rng.next() * classes));
}

export function oneHotRows(labels: number[], classes: number, dtype: DType = 'float64'): Tensor {
  const t = Tensor.zeros([labels.length, classes], dtype);
  labels.forEach((label, i) => {
    t.data[i * classes + label] = 1;
  });
  return t;
}

export function nested(values: NestedArray, dtype: DType = 'float64'): Tensor {
  return Tensor.fromNested(values, dtype);
}

export function context(target: Tensor): PassContext {
  return { target, training: true };
}

/** The loss and dLoss/d(input 0) with an upstream gradient of 1. */
export function lossAndGradient(
  kind: AnyNodeKind,
  config: unknown,
  inputs: Tensor[],
  ctx: PassContext,
  params: Params = {},
): { loss: number; grad: Tensor; dParams: Params } {
  const { output, cache } = kind.forward(backend, config, inputs, params, ctx);
  expect(output.shape).toEqual([]);
  const dy = Tensor.filled([], 1, output.dtype);
  const back = kind.backward(backend, { config, inputs, output, params, dy, cache, ctx });
  return { loss: output.data[0], grad: back.dInputs[0], dParams: back.dParams };
}

/**
 * Runs core's gradient check (the upstream gradient a random scalar) and returns the largest
 * relative error. Core skips parameters marked trainable: false; those that still report a
 * gradient (center loss centres) are checked here by central differences of the loss.
 */
export function expectGradientsMatch(
  kind: AnyNodeKind,
  config: unknown,
  inputs: Tensor[],
  ctx: PassContext,
  params: Params = {},
): number {
  const entries = checkNodeGradients(backend, kind, config, inputs, params, ctx, { maxElements: 256 });
  const specs = kind.paramSpecs(
    config,
    inputs.map((x) => x.shape),
  );
  const ownRule = Object.keys(params).filter((name) => specs[name]?.trainable === false);
  const checked = Object.keys(params).filter((name) => !ownRule.includes(name));
  expect(entries.map((e) => e.name).sort()).toEqual([...inputs.map((_, i) => `input${i}`), ...checked].sort());
  expect(
    entries.every((e) => e.passed),
    describeFailures(entries),
  ).toBe(true);
  const largest = Math.max(...entries.flatMap((e) => e.analytic.map(Math.abs)));
  expect(largest).toBeGreaterThan(1e-4);
  const errors = entries.map((e) => e.maxRelError);
  for (const name of ownRule) errors.push(paramGradientError(kind, config, inputs, ctx, params, name));
  worstGradientError = Math.max(worstGradientError, ...errors);
  return Math.max(...errors);
}

/** backward's dLoss/d(param) (upstream gradient 1) against central differences of the loss, largest relative error. */
export function paramGradientError(
  kind: AnyNodeKind,
  config: unknown,
  inputs: Tensor[],
  ctx: PassContext,
  params: Params,
  name: string,
  epsilon = 1e-6,
): number {
  const analytic = lossAndGradient(kind, config, inputs, ctx, params).dParams[name];
  expect(analytic, `backward reports no gradient for ${name}`).toBeDefined();
  const p = params[name];
  const lossAt = (value: number, i: number) => {
    p.data[i] = value;
    return kind.forward(backend, config, inputs, params, ctx).output.data[0];
  };
  let worst = 0;
  for (let i = 0; i < p.size; i++) {
    const keep = p.data[i];
    const numeric = (lossAt(keep + epsilon, i) - lossAt(keep - epsilon, i)) / (2 * epsilon);
    p.data[i] = keep;
    if (Math.abs(analytic.data[i] - numeric) > 1e-9) worst = Math.max(worst, relativeError(analytic.data[i], numeric));
  }
  return worst;
}

export function seeded(seed: number): Rng {
  return new Rng(seed);
}
