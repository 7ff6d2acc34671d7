import { expect } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import { checkNodeGradients } from '../../../src/core/inspect/gradcheck';
import type { AnyNodeKind, NodeKind, Params } from '../../../src/core/layers/kind';
import type { Shape } from '../../../src/core/tensor/shape';
import { type DType, Tensor } from '../../../src/core/tensor/tensor';
import { Rng } from '../../../src/core/train/rng';
import { describeFailures } from '../reference/gradcheck';
import { relativeDifference } from '../reference/tfjs';

export const backend = createCpuBackend();

export function randomTensor(shape: Shape, rng: Rng, dtype: DType = 'float64', low = -1, high = 1): Tensor {
  const t = Tensor.zeros(shape, dtype);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(low, high);
  return t;
}

export function seeded(seed: number): Rng {
  return new Rng(seed);
}

/** A config as a model file would give it: parsed by the kind's schema, so defaults apply. */
export function parseConfig<C>(kind: NodeKind<C>, raw: Record<string, unknown>): C {
  return kind.configSchema.parse(raw);
}

/** Random float64 parameters of the shapes the kind asks for, given an input shape. */
export function randomParams(kind: AnyNodeKind, config: unknown, inputShape: Shape, rng: Rng, dtype: DType): Params {
  const params: Params = {};
  for (const [name, spec] of Object.entries(kind.paramSpecs(config, [inputShape]))) {
    params[name] = randomTensor(spec.shape, rng, dtype);
  }
  return params;
}

/** The largest relative error seen by any check, across all tests of a file, for the report. */
export const worst = { gradcheck: 0, tfjs: 0 };

/**
 * Forward (its shape against the shape rule) and backward against central differences in
 * float64, every element of every input and parameter; returns the largest relative error.
 */
export function expectGradientsMatch(kind: AnyNodeKind, config: unknown, x: Tensor, params: Params): number {
  const expectedShape = kind.outputShape(config, [x.shape], { batch: x.shape[0] });
  const { output } = kind.forward(backend, config, [x], params, { training: true });
  expect(output.shape).toEqual(expectedShape);
  const entries = checkNodeGradients(backend, kind, config, [x], params, { training: true }, { maxElements: 1e6 });
  expect(entries.map((e) => e.name).sort()).toEqual(['input0', ...Object.keys(params)].sort());
  expect(
    entries.every((e) => e.passed),
    describeFailures(entries),
  ).toBe(true);
  const largest = Math.max(...entries.flatMap((e) => e.analytic.map(Math.abs)));
  expect(largest).toBeGreaterThan(1e-3);
  const error = Math.max(...entries.map((e) => e.maxRelError));
  worst.gradcheck = Math.max(worst.gradcheck, error);
  return error;
}

/** Engine against reference within 1e-4 relative (see relativeDifference). */
export function expectCloseToReference(label: string, actual: Tensor, expected: Tensor): void {
  expect(actual.shape, `${label} shape`).toEqual(expected.shape);
  const error = relativeDifference(actual, expected);
  worst.tfjs = Math.max(worst.tfjs, error);
  expect(error, `${label}: relative difference ${error.toExponential(2)}`).toBeLessThan(1e-4);
}

/** Runs forward and backward with upstream gradient r, as the tfjs references do. */
export function forwardBackward(kind: AnyNodeKind, config: unknown, x: Tensor, params: Params, r: Tensor) {
  const ctx = { training: true };
  const { output, cache } = kind.forward(backend, config, [x], params, ctx);
  const grads = kind.backward(backend, { config, inputs: [x], output, params, dy: r, cache, ctx });
  return { y: output, dx: grads.dInputs[0], dParams: grads.dParams };
}

/** With LAYER_ERRORS=1 set, prints the largest errors a test file saw (for reports); silent otherwise. */
export function reportWorst(file: string): void {
  if (process.env.LAYER_ERRORS) {
    console.log(`${file}: gradcheck ${worst.gradcheck.toExponential(2)}, tfjs ${worst.tfjs.toExponential(2)}`);
  }
}
