import { afterAll, expect } from 'vitest';
import { checkNodeGradients, type GradCheckEntry, relativeError } from '../../../src/core/inspect/gradcheck';
import type { AnyNodeKind, Params, PassContext } from '../../../src/core/layers/kind';
import type { Shape } from '../../../src/core/tensor/shape';
import type { Tensor } from '../../../src/core/tensor/tensor';
import type { Reference } from '../reference/tfjs-normalization';
import {
  backend,
  expectCloseToReference,
  parseConfig,
  randomParams,
  randomTensor,
  reportWorst,
  seeded,
  worst,
} from './helpers';

/** Largest errors over every checked element, relative ones including gradients of ~0 (for reports). */
export const gradErrors = { absolute: 0, relative: 0 };

/** With LAYER_ERRORS=1 set, prints the largest absolute and relative gradient-check errors of a file. */
export function reportGradErrors(file: string): void {
  if (process.env.LAYER_ERRORS) {
    const { absolute, relative } = gradErrors;
    console.log(`${file}: all elements: abs ${absolute.toExponential(2)}, rel ${relative.toExponential(2)}`);
  }
}

/** Prints a test file's largest errors after its tests (with LAYER_ERRORS=1 set). */
export function reportErrorsAfterAll(file: string): void {
  afterAll(() => {
    reportWorst(file);
    reportGradErrors(file);
  });
}

/**
 * Central differences in float64 for a node of any arity and either mode: every element of every
 * input and every trainable parameter; those the node keeps by its own rule are not checked.
 * Returns the largest relative error.
 */
export function expectNodeGradients(
  kind: AnyNodeKind,
  config: unknown,
  inputs: Tensor[],
  params: Params,
  ctx: PassContext,
): number {
  const shapes = inputs.map((x) => x.shape);
  const { output } = kind.forward(backend, config, inputs, params, ctx);
  expect(output.shape).toEqual(kind.outputShape(config, shapes, { batch: shapes[0][0] }));
  const entries = checkNodeGradients(backend, kind, config, inputs, params, ctx, { maxElements: 1e6 });
  const specs = kind.paramSpecs(config, shapes);
  const trainable = Object.keys(params).filter((name) => specs[name]?.trainable !== false);
  expect(entries.map((e) => e.name).sort()).toEqual([...inputs.map((_, i) => `input${i}`), ...trainable].sort());
  const failed = entries.filter((e) => !e.passed).map((e) => `${e.name}: ${e.maxRelError.toExponential(2)}`);
  expect(failed, failed.join('\n')).toEqual([]);
  const largest = Math.max(...entries.flatMap((e) => e.analytic.map(Math.abs)));
  expect(largest).toBeGreaterThan(1e-3);
  const error = largestGovernedError(entries);
  worst.gradcheck = Math.max(worst.gradcheck, error);
  for (const e of entries) {
    gradErrors.absolute = Math.max(gradErrors.absolute, e.maxAbsError);
    gradErrors.relative = Math.max(gradErrors.relative, e.maxRelError);
  }
  return error;
}

/**
 * A one-input node built from a raw config, with seeded random float64 parameters and input of
 * the given shape, checked in training mode by expectNodeGradients; returns its error.
 */
export function seededNodeGradientError(
  kind: AnyNodeKind,
  raw: Record<string, unknown>,
  shape: Shape,
  seed: number,
): number {
  const rng = seeded(seed);
  const config = parseConfig(kind, raw);
  const params = randomParams(kind, config, shape, rng, 'float64');
  const x = randomTensor(shape, rng);
  return expectNodeGradients(kind, config, [x], params, { training: true });
}

/**
 * A normalisation node with gamma and beta (layer or group norm), seeded float32 parameters,
 * input and upstream gradient, against its tfjs reference(x, gamma, beta, r): y, dx, dgamma, dbeta.
 */
export function expectNormMatchesReference(
  kind: AnyNodeKind,
  raw: Record<string, unknown>,
  shape: Shape,
  seed: number,
  reference: (x: Tensor, gamma: Tensor, beta: Tensor, r: Tensor) => Reference,
): void {
  const rng = seeded(seed);
  const config = parseConfig(kind, raw);
  const params = randomParams(kind, config, shape, rng, 'float32');
  const x = randomTensor(shape, rng, 'float32', -2, 3);
  const r = randomTensor(shape, rng, 'float32');
  const ours = runNode(kind, config, [x], params, r, { training: true });
  const ref = reference(x, params.gamma, params.beta, r);
  expectCloseToReference('y', ours.y, ref.y);
  expectCloseToReference('dx', ours.dInputs[0], ref.grads[0]);
  expectCloseToReference('dgamma', ours.dParams.gamma, ref.grads[1]);
  expectCloseToReference('dbeta', ours.dParams.beta, ref.grads[2]);
}

/** Forward and backward of a node of any arity with upstream gradient r. */
export function runNode(
  kind: AnyNodeKind,
  config: unknown,
  inputs: Tensor[],
  params: Params,
  r: Tensor,
  ctx: PassContext,
) {
  const { output, cache } = kind.forward(backend, config, inputs, params, ctx);
  const grads = kind.backward(backend, { config, inputs, output, params, dy: r, cache, ctx });
  return { y: output, dInputs: grads.dInputs, dParams: grads.dParams };
}

/**
 * The largest relative error among elements whose absolute error exceeds the check's 1e-9: below
 * that, both gradients are ~0 (batch norm with two samples, say) and their ratio means nothing.
 */
export function largestGovernedError(entries: GradCheckEntry[]): number {
  let largest = 0;
  for (const e of entries) {
    e.analytic.forEach((a, i) => {
      if (Math.abs(a - e.numeric[i]) > 1e-9) largest = Math.max(largest, relativeError(a, e.numeric[i]));
    });
  }
  return largest;
}
