import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../src/core/backend/cpu';
import type { ModelJson } from '../../src/core/graph/model';
import { Network } from '../../src/core/graph/network';
import { checkModelGradients, checkNodeGradients } from '../../src/core/inspect/gradcheck';
import type { AnyNodeKind, Params, PassContext } from '../../src/core/layers/kind';
import { findKind, nodeKinds } from '../../src/core/layers/registry';
import { Tensor } from '../../src/core/tensor/tensor';
import { Rng } from '../../src/core/train/rng';
import { describeFailures } from './reference/gradcheck';

const backend = createCpuBackend();

/** What one gradient case feeds a node: its inputs, its parameters and (for losses) a target. */
interface Built {
  inputs: Tensor[];
  params: Params;
  target?: Tensor;
  /** The pass's mode; training unless a case says otherwise. */
  training?: boolean;
}

interface GradCase {
  label: string;
  /** Raw config, parsed by the kind's schema (so defaults apply as they do when loading). */
  config: Record<string, unknown>;
  /** Sample shape after the batch axis. */
  sample: number[];
  build(shape: number[], rng: Rng): Built;
  /**
   * The forward value computed straight from the formula, flat in row-major order. Left out for
   * kinds whose forward values are checked against references in their own test files.
   */
  reference?(built: Built, config: Record<string, unknown>): number[];
  /** False for a kind whose gradient is zero everywhere (step). */
  nonZeroGradient: boolean;
}

function randomTensor(shape: number[], rng: Rng, low = -2, high = 2): Tensor {
  const t = Tensor.zeros(shape, 'float64');
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(low, high);
  return t;
}

/** Random values at least 0.1 away from 0, where relu, leaky relu and step have their kink. */
function awayFromKink(shape: number[], rng: Rng): Tensor {
  const t = Tensor.zeros(shape, 'float64');
  for (let i = 0; i < t.size; i++) {
    const magnitude = rng.uniform(0.1, 3);
    t.data[i] = rng.next() < 0.5 ? -magnitude : magnitude;
  }
  return t;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function elementwise(label: string, f: (x: number, config: Record<string, unknown>) => number, config = {}): GradCase {
  return {
    label,
    config,
    sample: [5],
    build: (shape, rng) => ({ inputs: [awayFromKink(shape, rng)], params: {} }),
    reference: ({ inputs: [x] }, c) => Array.from(x.data, (v) => f(v, c)),
    nonZeroGradient: true,
  };
}

function softmaxRows(x: Tensor): number[] {
  const n = x.shape[x.shape.length - 1];
  const out: number[] = [];
  for (let row = 0; row < x.size; row += n) {
    const e = Array.from(x.data.subarray(row, row + n), Math.exp);
    const total = e.reduce((a, b) => a + b, 0);
    out.push(...e.map((v) => v / total));
  }
  return out;
}

function denseCase(label: string, bias: boolean): GradCase {
  const units = 3;
  return {
    label,
    config: bias ? { units } : { units, bias: false },
    sample: [5],
    build: (shape, rng) => {
      const params: Params = { W: randomTensor([shape[1], units], rng) };
      if (bias) params.b = randomTensor([units], rng);
      return { inputs: [randomTensor(shape, rng)], params };
    },
    reference: ({ inputs: [x], params }) => {
      const [batch, n] = x.shape;
      const out: number[] = [];
      for (let r = 0; r < batch; r++) {
        for (let j = 0; j < units; j++) {
          let s = params.b ? params.b.data[j] : 0;
          for (let i = 0; i < n; i++) s += x.data[r * n + i] * params.W.data[i * units + j];
          out.push(s);
        }
      }
      return out;
    },
    nonZeroGradient: true,
  };
}

function lossCase(label: string, perValue: (d: number) => number, divisor: (y: Tensor) => number): GradCase {
  return {
    label,
    config: {},
    sample: [5],
    build: (shape, rng) => ({ inputs: [randomTensor(shape, rng)], params: {}, target: randomTensor(shape, rng) }),
    reference: ({ inputs: [y], target }) => {
      let s = 0;
      for (let i = 0; i < y.size; i++) s += perValue((target as Tensor).data[i] - y.data[i]);
      return [s / divisor(y)];
    },
    nonZeroGradient: true,
  };
}

/**
 * Gradient cases per node kind. Every kind in the registry except input must appear here: a
 * kind added later without a case fails 'every kind has a gradient test'.
 */
const cases: Record<string, GradCase[]> = {
  dense: [denseCase('with bias', true), denseCase('without bias', false)],
  identity: [elementwise('', (x) => x)],
  step: [{ ...elementwise('', (x) => (x > 0 ? 1 : 0)), nonZeroGradient: false }],
  sigmoid: [elementwise('', sigmoid)],
  tanh: [elementwise('', Math.tanh), { ...elementwise('rank 3', Math.tanh), sample: [3, 5] }],
  relu: [elementwise('', (x) => Math.max(0, x))],
  leaky_relu: [elementwise('alpha 0.1', (x, c) => (x > 0 ? x : (c.alpha as number) * x), { alpha: 0.1 })],
  softplus: [elementwise('', (x) => Math.log(1 + Math.exp(x)))],
  softmax: [
    {
      label: '',
      config: {},
      sample: [7],
      build: (shape, rng) => ({ inputs: [randomTensor(shape, rng, -3, 3)], params: {} }),
      reference: ({ inputs: [x] }) => softmaxRows(x),
      nonZeroGradient: true,
    },
    {
      label: 'rank 3, along the last axis',
      config: {},
      sample: [3, 5],
      build: (shape, rng) => ({ inputs: [randomTensor(shape, rng, -3, 3)], params: {} }),
      reference: ({ inputs: [x] }) => softmaxRows(x),
      nonZeroGradient: true,
    },
  ],
  // E = (1/N) sum_n sum_k 1/2 (t - y)^2
  squared_error: [
    lossCase(
      '',
      (d) => 0.5 * d * d,
      (y) => y.shape[0],
    ),
  ],
  // E = (1/M) sum over all M values (t - y)^2
  mse: [
    lossCase(
      '',
      (d) => d * d,
      (y) => y.size,
    ),
  ],
  // Convolution, pooling, shape changes, normalisation, dropout and merges: forward values are
  // checked against references in tests/core/layers; here, gradients on odd sizes.
  conv2d: [
    gradientOnly('conv2d', 'kernel 3, stride 2, padding 1', { filters: 2, kernel: 3, stride: 2, padding: 1 }, [
      [3, 7, 5],
    ]),
    gradientOnly('conv2d', 'kernel [2, 3], no bias', { filters: 3, kernel: [2, 3], bias: false }, [[2, 5, 5]]),
  ],
  max_pool2d: [
    gradientOnly('max_pool2d', 'window 2 (floored)', { window: 2 }, [[2, 5, 5]]),
    gradientOnly('max_pool2d', 'window 3, stride 2, padding 1', { window: 3, stride: 2, padding: 1 }, [[1, 7, 5]]),
  ],
  avg_pool2d: [
    gradientOnly('avg_pool2d', 'window 2, stride 1', { window: 2, stride: 1 }, [[2, 5, 5]]),
    gradientOnly('avg_pool2d', 'window 3, stride 2, padding 1', { window: 3, stride: 2, padding: 1 }, [[1, 7, 5]]),
  ],
  global_avg_pool: [gradientOnly('global_avg_pool', '', {}, [[3, 5, 3]])],
  flatten: [gradientOnly('flatten', '', {}, [[3, 5, 3]])],
  reshape: [gradientOnly('reshape', 'to [5, -1]', { shape: [5, -1] }, [[15]])],
  batch_norm: [
    gradientOnly('batch_norm', 'training, batch statistics', {}, [[5]]),
    gradientOnly('batch_norm', 'training, per channel', {}, [[3, 3, 5]]),
    gradientOnly('batch_norm', 'inference, running statistics', {}, [[3, 3, 5]], false),
  ],
  layer_norm: [gradientOnly('layer_norm', '', {}, [[5]]), gradientOnly('layer_norm', 'rank 4', {}, [[3, 3, 5]])],
  group_norm: [gradientOnly('group_norm', '2 groups', { groups: 2 }, [[4, 3, 5]])],
  local_response_norm: [gradientOnly('local_response_norm', 'size 3, alpha 0.5', { size: 3, alpha: 0.5 }, [[5, 3, 3]])],
  dropout: [
    gradientOnly('dropout', 'rate 0.4, training (seeded mask)', { rate: 0.4 }, [[7, 5]]),
    gradientOnly('dropout', 'rate 0.4, inference', { rate: 0.4 }, [[7]], false),
  ],
  add: [
    gradientOnly('add', 'two inputs', {}, [[5], [5]]),
    gradientOnly('add', 'three inputs, rank 4', {}, [
      [2, 3, 3],
      [2, 3, 3],
      [2, 3, 3],
    ]),
  ],
  concat: [
    gradientOnly('concat', 'features', {}, [[3], [5]]),
    gradientOnly('concat', 'channels', {}, [
      [2, 3, 3],
      [1, 3, 3],
    ]),
  ],
  // C = -(1/n) sum [y ln a + (1 - y) ln(1 - a)], probabilities kept inside Keras's clip range
  binary_cross_entropy: [
    {
      label: 'soft targets',
      config: {},
      sample: [5],
      build: (shape, rng) => ({
        inputs: [randomTensor(shape, rng, 0.05, 0.95)],
        params: {},
        target: randomTensor(shape, rng, 0, 1),
      }),
      reference: ({ inputs: [a], target }) => [
        -meanOf(a, target, (p, y) => y * Math.log(p) + (1 - y) * Math.log(1 - p)),
      ],
      nonZeroGradient: true,
    },
  ],
  // the same on logits: mean of -[y ln sigmoid(z) + (1 - y) ln(1 - sigmoid(z))]
  binary_cross_entropy_with_logits: [
    {
      label: '0/1 targets',
      config: {},
      sample: [5],
      build: (shape, rng) => ({
        inputs: [randomTensor(shape, rng, -4, 4)],
        params: {},
        target: mapTensor(randomTensor(shape, rng, 0, 1), Math.round),
      }),
      reference: ({ inputs: [z], target }) => [
        -meanOf(z, target, (v, y) => y * Math.log(sigmoid(v)) + (1 - y) * Math.log(1 - sigmoid(v))),
      ],
      nonZeroGradient: true,
    },
  ],
  // C = -(1/N) sum_n sum_k y_nk ln softmax(z_n)_k
  softmax_cross_entropy: [
    {
      label: 'probability rows',
      config: {},
      sample: [5],
      build: (shape, rng) => ({
        inputs: [randomTensor(shape, rng, -3, 3)],
        params: {},
        target: Tensor.fromArray(shape, softmaxRows(randomTensor(shape, rng)), 'float64'),
      }),
      reference: ({ inputs: [z], target }) => [crossEntropy(z, target as Tensor)],
      nonZeroGradient: true,
    },
    {
      label: 'class indices',
      config: { labels: 'index' },
      sample: [5],
      build: (shape, rng) => ({
        inputs: [randomTensor(shape, rng, -3, 3)],
        params: {},
        target: Tensor.fromArray(
          [shape[0]],
          Array.from({ length: shape[0] }, () => Math.floor(rng.next() * shape[1])),
          'float64',
        ),
      }),
      reference: ({ inputs: [z], target }) => [crossEntropy(z, oneHot(target as Tensor, z.shape[1]))],
      nonZeroGradient: true,
    },
  ],
  // lambda L_C, L_C = 1/2 sum_i ||x_i - c_{y_i}||^2; the centres' gradient is checked too
  center_loss: [
    {
      label: '3 classes, lambda 0.5',
      config: { classes: 3, lambda: 0.5 },
      sample: [5],
      build: (shape, rng) => {
        const labels = Tensor.fromArray(
          [shape[0]],
          Array.from({ length: shape[0] }, () => Math.floor(rng.next() * 3)),
          'float64',
        );
        return {
          inputs: [randomTensor(shape, rng)],
          params: { centers: randomTensor([3, shape[1]], rng) },
          target: oneHot(labels, 3),
        };
      },
      reference: ({ inputs: [x], params, target }, config) => {
        const [batch, d] = x.shape;
        const y = target as Tensor;
        let s = 0;
        for (let i = 0; i < batch; i++) {
          const cls = Array.from(y.data.subarray(i * 3, i * 3 + 3)).indexOf(1);
          for (let k = 0; k < d; k++) s += (x.data[i * d + k] - params.centers.data[cls * d + k]) ** 2;
        }
        return [0.5 * (config.lambda as number) * s];
      },
      nonZeroGradient: true,
    },
  ],
};

/**
 * A gradient-only case: random inputs of [batch, ...sample] for each sample shape, random
 * parameters of the shapes the kind asks for (those initialised to ones drawn from [0.5, 1.5],
 * so variances stay positive).
 */
function gradientOnly(
  type: string,
  label: string,
  config: Record<string, unknown>,
  samples: number[][],
  training = true,
): GradCase {
  return {
    label,
    config,
    sample: samples[0],
    build: (shape, rng) => {
      const kind = kindOf(type);
      const inputs = samples.map((sample) => randomTensor([shape[0], ...sample], rng));
      const specs = kind.paramSpecs(
        kind.configSchema.parse(config),
        inputs.map((x) => x.shape),
      );
      const params: Params = {};
      for (const [name, spec] of Object.entries(specs)) {
        params[name] =
          spec.init === 'ones'
            ? randomTensor([...spec.shape], rng, 0.5, 1.5)
            : randomTensor([...spec.shape], rng, -1, 1);
      }
      return { inputs, params, training };
    },
    nonZeroGradient: true,
  };
}

function mapTensor(t: Tensor, f: (v: number) => number): Tensor {
  return Tensor.fromArray(t.shape, Array.from(t.data, f), t.dtype);
}

/** The mean over all values of f(prediction, target). */
function meanOf(p: Tensor, target: Tensor | undefined, f: (p: number, y: number) => number): number {
  let s = 0;
  for (let i = 0; i < p.size; i++) s += f(p.data[i], (target as Tensor).data[i]);
  return s / p.size;
}

function oneHot(indices: Tensor, classes: number): Tensor {
  const t = Tensor.zeros([indices.size, classes], 'float64');
  for (let i = 0; i < indices.size; i++) t.data[i * classes + indices.data[i]] = 1;
  return t;
}

/** -(1/N) sum_n sum_k y_nk ln softmax(z_n)_k, by the plain formula. */
function crossEntropy(z: Tensor, y: Tensor): number {
  const s = softmaxRows(z);
  let total = 0;
  for (let i = 0; i < s.length; i++) total += y.data[i] * Math.log(s[i]);
  return -total / z.shape[0];
}

function kindOf(type: string): AnyNodeKind {
  const kind = findKind(type);
  if (!kind) throw new Error(`no kind '${type}'`);
  return kind;
}

describe('gradients of every node kind against central differences (float64)', () => {
  it('every kind has a gradient test', () => {
    const missing = nodeKinds.filter((k) => k.category !== 'input' && !cases[k.type]?.length).map((k) => k.type);
    expect(missing, `node kinds without a gradient case in ops-gradients.test.ts: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(cases).filter((type) => !findKind(type));
    expect(stale, 'cases for kinds the registry no longer has').toEqual([]);
  });

  for (const kind of nodeKinds) {
    if (kind.category === 'input') continue;
    describe(kind.type, () => {
      const kindCases = cases[kind.type] ?? [];
      if (kindCases.length === 0) {
        it('has gradient cases', () => {
          expect.fail(`add a gradient case for '${kind.type}' to tests/core/ops-gradients.test.ts`);
        });
      }
      kindCases.forEach((c, caseIndex) => {
        for (const batch of [1, 4]) {
          const shape = [batch, ...c.sample];
          it(`${c.label ? `${c.label}, ` : ''}input [${shape.join(', ')}]`, () => {
            const config = kind.configSchema.parse(c.config) as Record<string, unknown>;
            const rng = new Rng(1000 + 17 * caseIndex + batch + kind.type.length);
            const built = c.build(shape, rng);
            const ctx: PassContext = {
              input: built.inputs[0],
              target: built.target,
              training: built.training ?? true,
              seed: 7,
              nodeId: kind.type,
            };

            const { output } = kind.forward(backend, config, built.inputs, built.params, ctx);
            expect(output.dtype).toBe('float64');
            if (c.reference) {
              const expected = c.reference(built, config);
              expect(output.size).toBe(expected.length);
              for (let i = 0; i < expected.length; i++) expect(output.data[i]).toBeCloseTo(expected[i], 12);
            }
            expect(output.shape).toEqual(
              kind.outputShape(
                config,
                built.inputs.map((x) => x.shape),
                { batch },
              ),
            );

            const entries = checkNodeGradients(backend, kind, config, built.inputs, built.params, ctx, {
              seed: caseIndex + batch,
            });
            // every input and every trainable parameter (running statistics and centres move by their own rule)
            const specs = kind.paramSpecs(
              config,
              built.inputs.map((x) => x.shape),
            );
            const trainable = Object.keys(built.params).filter((name) => specs[name]?.trainable !== false);
            expect(Object.keys(specs).sort()).toEqual(Object.keys(built.params).sort());
            expect(entries.map((e) => e.name).sort()).toEqual(
              [...built.inputs.map((_, i) => `input${i}`), ...trainable].sort(),
            );
            expect(
              entries.every((e) => e.passed),
              describeFailures(entries),
            ).toBe(true);
            for (const e of entries) expect(e.maxRelError).toBeLessThan(1e-5);
            const largest = Math.max(...entries.flatMap((e) => e.analytic.map(Math.abs)));
            if (c.nonZeroGradient) expect(largest).toBeGreaterThan(1e-3);
            else expect(largest).toBe(0);
          });
        }
      });
    });
  }

  it('the check catches a wrong derivative (a tanh with the textbook typo 1 - x^2)', () => {
    const tanh = kindOf('tanh');
    const wrong: AnyNodeKind = {
      ...tanh,
      backward: (b, { inputs: [x], dy }) => ({
        dInputs: [b.mul(dy, b.sub(Tensor.filled(x.shape, 1, 'float64'), b.mul(x, x)))],
        dParams: {},
      }),
    };
    const x = awayFromKink([2, 5], new Rng(3));
    const entries = checkNodeGradients(backend, wrong, {}, [x], {}, { training: true });
    expect(entries[0].passed).toBe(false);
    expect(entries[0].maxRelError).toBeGreaterThan(0.1);
  });
});

/** f and f' of an element-wise kind at given points, through the kind's forward and backward. */
function evaluate(type: string, xs: number[], config: Record<string, unknown> = {}): { y: number[]; dy: number[] } {
  const kind = kindOf(type);
  const parsed = kind.configSchema.parse(config);
  const x = Tensor.fromArray([1, xs.length], xs, 'float64');
  const ctx: PassContext = { training: true };
  const { output } = kind.forward(backend, parsed, [x], {}, ctx);
  const ones = Tensor.filled(output.shape, 1, 'float64');
  const back = kind.backward(backend, { config: parsed, inputs: [x], output, params: {}, dy: ones, ctx });
  return { y: Array.from(output.data), dy: Array.from(back.dInputs[0].data) };
}

const grid = Array.from({ length: 2001 }, (_, i) => -10 + i * 0.01);

describe('activation values and derivatives against their formulas', () => {
  it("sigmoid: sigmoid(0) = 1/2, f' = f(1 - f) with its maximum 1/4 at 0, no overflow at +-1000", () => {
    const { y, dy } = evaluate('sigmoid', [0, 1000, -1000, 2]);
    expect(y[0]).toBe(0.5);
    expect(dy[0]).toBe(0.25);
    expect(y[1]).toBe(1);
    expect(y[2]).toBeGreaterThanOrEqual(0);
    expect(y[2]).toBeLessThan(1e-300);
    expect(y[3]).toBeCloseTo(0.8807970779778823, 15);
    expect(dy[3]).toBeCloseTo(0.8807970779778823 * (1 - 0.8807970779778823), 15);
    const d = evaluate('sigmoid', grid).dy;
    expect(Math.max(...d)).toBe(0.25);
    expect(d.every((v) => v >= 0 && v <= 0.25)).toBe(true);
  });

  it("tanh: tanh(0) = 0, tanh'(0) = 1 and f' = 1 - tanh^2 (not 1 - x^2), at most 1", () => {
    const { y, dy } = evaluate('tanh', [0, 0.5, -2]);
    expect(y[0]).toBe(0);
    expect(dy[0]).toBe(1);
    expect(dy[1]).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 15);
    expect(dy[1]).toBeCloseTo(0.7864477329659274, 15);
    expect(dy[1]).not.toBeCloseTo(1 - 0.5 ** 2, 3);
    expect(dy[2]).toBeCloseTo(0.07065082485316443, 15);
    expect(Math.max(...evaluate('tanh', grid).dy)).toBe(1);
  });

  it("softplus: ln(1 + e^x), stable for large |x|, f' = sigmoid", () => {
    const xs = [-30, -2, 0, 0.7, 3, 800];
    const { y, dy } = evaluate('softplus', xs);
    expect(y[2]).toBeCloseTo(Math.LN2, 15);
    expect(y[5]).toBe(800);
    expect(y[0]).toBeCloseTo(Math.exp(-30), 25);
    expect(y[0]).toBeGreaterThan(0);
    xs.forEach((x, i) => {
      expect(dy[i]).toBeCloseTo(sigmoid(x), 15);
    });
    const g = evaluate('softplus', grid);
    const s = evaluate('sigmoid', grid);
    for (let i = 0; i < grid.length; i++) expect(g.dy[i]).toBeCloseTo(s.y[i], 14);
  });

  it("relu: max(0, x), relu'(0) = 0 (the framework choice), slope 1 above 0", () => {
    const { y, dy } = evaluate('relu', [-1.5, 0, 2.5]);
    expect(y).toEqual([0, 0, 2.5]);
    expect(dy).toEqual([0, 0, 1]);
  });

  it("leaky relu: alpha x below 0, leaky'(0) = alpha; the default alpha is 0.01", () => {
    const { y, dy } = evaluate('leaky_relu', [-2, 0, 3], { alpha: 0.1 });
    expect(y[0]).toBeCloseTo(-0.2, 15);
    expect(y.slice(1)).toEqual([0, 3]);
    expect(dy).toEqual([0.1, 0.1, 1]);
    const byDefault = evaluate('leaky_relu', [-2, 0]);
    expect(byDefault.y[0]).toBeCloseTo(-0.02, 15);
    expect(byDefault.dy).toEqual([0.01, 0.01]);
  });

  it('step: 1 for x > 0 else 0 (0 at 0), and no gradient anywhere', () => {
    const { y, dy } = evaluate('step', [-3, -1e-9, 0, 1e-9, 4]);
    expect(y).toEqual([0, 0, 0, 1, 1]);
    expect(dy).toEqual([0, 0, 0, 0, 0]);
  });

  it('identity: y = x, slope 1', () => {
    const { y, dy } = evaluate('identity', [-3, 0, 0.25]);
    expect(y).toEqual([-3, 0, 0.25]);
    expect(dy).toEqual([1, 1, 1]);
  });

  it('activations report the local derivative they multiply by (for showing the chain rule)', () => {
    const x = Tensor.fromArray([1, 3], [-1, 0.5, 2], 'float64');
    const kind = kindOf('sigmoid');
    const ctx: PassContext = { training: true };
    const { output } = kind.forward(backend, {}, [x], {}, ctx);
    const dy = Tensor.fromArray([1, 3], [2, -3, 0.5], 'float64');
    const back = kind.backward(backend, { config: {}, inputs: [x], output, params: {}, dy, ctx });
    const local = back.local as Tensor;
    for (let i = 0; i < 3; i++) {
      const s = sigmoid(x.data[i]);
      expect(local.data[i]).toBeCloseTo(s * (1 - s), 15);
      expect(back.dInputs[0].data[i]).toBeCloseTo(dy.data[i] * s * (1 - s), 15);
    }
  });

  it('softmax: rows sum to 1, equals exp(z)/sum exp(z), stable for inputs like 1000', () => {
    const kind = kindOf('softmax');
    const ctx: PassContext = { training: true };
    const run = (rows: number[][]) => kind.forward(backend, {}, [Tensor.fromNested(rows, 'float64')], {}, ctx).output;
    const small = run([
      [0, 1, 2],
      [-1, 0.5, 3],
    ]);
    const e = [1, Math.E, Math.E ** 2];
    const total = e[0] + e[1] + e[2];
    for (let j = 0; j < 3; j++) expect(small.data[j]).toBeCloseTo(e[j] / total, 15);
    for (let r = 0; r < 2; r++)
      expect(small.data[3 * r] + small.data[3 * r + 1] + small.data[3 * r + 2]).toBeCloseTo(1, 15);
    const big = run([
      [1000, 1001, 1002],
      [-1000, -1000, -1000],
    ]);
    for (const v of big.data) expect(Number.isFinite(v)).toBe(true);
    for (let j = 0; j < 3; j++) expect(big.data[j]).toBeCloseTo(small.data[j], 14);
    for (let j = 3; j < 6; j++) expect(big.data[j]).toBeCloseTo(1 / 3, 15);
    const f32 = kind.forward(backend, {}, [Tensor.fromNested([[1000, 1001, 1002]], 'float32')], {}, ctx).output;
    expect(f32.dtype).toBe('float32');
    for (let j = 0; j < 3; j++) expect(f32.data[j]).toBeCloseTo(small.data[j], 6);
  });

  it('softmax backward is the Jacobian diag(s) - s s^T applied to the upstream gradient', () => {
    const kind = kindOf('softmax');
    const ctx: PassContext = { training: true };
    const x = Tensor.fromNested([[0.3, -1.2, 2.0, 0.1]], 'float64');
    const dy = Tensor.fromNested([[1, -2, 0.5, 3]], 'float64');
    const { output: s } = kind.forward(backend, {}, [x], {}, ctx);
    const back = kind.backward(backend, { config: {}, inputs: [x], output: s, params: {}, dy, ctx });
    for (let i = 0; i < 4; i++) {
      let expected = 0;
      for (let j = 0; j < 4; j++) expected += ((i === j ? s.data[i] : 0) - s.data[i] * s.data[j]) * dy.data[j];
      expect(back.dInputs[0].data[i]).toBeCloseTo(expected, 15);
    }
    // a uniform upstream gradient moves nothing: the outputs always sum to 1
    const flat = kind.backward(backend, {
      config: {},
      inputs: [x],
      output: s,
      params: {},
      dy: Tensor.filled([1, 4], 2.5, 'float64'),
      ctx,
    });
    for (const v of flat.dInputs[0].data) expect(Math.abs(v)).toBeLessThan(1e-15);
  });

  it('losses: squared error averages over the batch, mse over every value; a missing target is an error', () => {
    const y = Tensor.fromNested(
      [
        [0.5, 1],
        [2, -1],
      ],
      'float64',
    );
    const t = Tensor.fromNested(
      [
        [0, 1],
        [1, 1],
      ],
      'float64',
    );
    const ctx: PassContext = { target: t, training: true };
    const se = kindOf('squared_error').forward(backend, {}, [y], {}, ctx).output;
    expect(se.shape).toEqual([]);
    // (1/2)(0.25 + 0 + 1 + 4) / 2 samples
    expect(se.data[0]).toBeCloseTo(1.3125, 15);
    const mse = kindOf('mse').forward(backend, {}, [y], {}, ctx).output;
    // (0.25 + 0 + 1 + 4) / 4 values
    expect(mse.data[0]).toBeCloseTo(1.3125, 15);
    const back = kindOf('mse').backward(backend, {
      config: {},
      inputs: [y],
      output: mse,
      params: {},
      dy: Tensor.scalar(1, 'float64'),
      ctx,
    });
    expect(Array.from(back.dInputs[0].data)).toEqual([0.25, 0, 0.5, -1]);
    expect(() => kindOf('mse').forward(backend, {}, [y], {}, { training: true })).toThrow(/no target data/);
    expect(() =>
      kindOf('squared_error').forward(
        backend,
        {},
        [y],
        {},
        { target: Tensor.zeros([2, 3], 'float64'), training: true },
      ),
    ).toThrow(/target has shape \[2, 3\] but the prediction has shape \[2, 2\]/);
  });
});

/**
 * x -> h (dense) -> a (sigmoid) -> l1 (squared error)
 *                    a          -> l2 (mse)
 *      h          -> b (tanh)   -> l3 (squared error)
 * 'h' has two consumers (a and b) and 'a' two losses; the total loss is l1 + l2 + l3.
 */
function branchingModel(): ModelJson {
  return {
    format: 'backprop-studio.model',
    version: 1,
    nodes: [
      { id: 'x', type: 'input', config: { shape: [3] } },
      { id: 'h', type: 'dense', config: { units: 5 } },
      { id: 'a', type: 'sigmoid', config: {} },
      { id: 'b', type: 'tanh', config: {} },
      { id: 'l1', type: 'squared_error', config: {} },
      { id: 'l2', type: 'mse', config: {} },
      { id: 'l3', type: 'squared_error', config: {} },
    ],
    edges: [
      { from: 'x', to: 'h' },
      { from: 'h', to: 'a' },
      { from: 'h', to: 'b' },
      { from: 'a', to: 'l1' },
      { from: 'a', to: 'l2' },
      { from: 'b', to: 'l3' },
    ],
  };
}

/** The model with only the given nodes (and the edges between them). */
function keepOnly(model: ModelJson, ids: string[]): ModelJson {
  return {
    ...model,
    nodes: model.nodes.filter((n) => ids.includes(n.id)),
    edges: model.edges.filter((e) => ids.includes(e.from) && ids.includes(e.to)),
  };
}

describe("gradients add up over a node's consumers", () => {
  const rng = new Rng(77);
  const input = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => rng.uniform(-1, 1)));
  const target = Array.from({ length: 3 }, () => Array.from({ length: 5 }, () => rng.uniform(-0.5, 1)));
  const net = Network.fromModel(branchingModel(), { backend, dtype: 'float64', seed: 5 });
  // the same weights stored in the file, so that sub-models share them exactly
  const stored = net.toModel();
  const run = (model: ModelJson) => {
    const n = Network.fromModel(model, { backend, dtype: 'float64' });
    const ex = n.executor(n.context({ input, target }));
    const loss = ex.runPass() as number;
    return { ex, loss };
  };

  it("the total loss is the sum of the loss nodes and each shared node's gradient is the sum over its consumers", () => {
    const full = run(stored);
    const onlyL1 = run(keepOnly(stored, ['x', 'h', 'a', 'l1']));
    const onlyL2 = run(keepOnly(stored, ['x', 'h', 'a', 'l2']));
    const onlyL3 = run(keepOnly(stored, ['x', 'h', 'b', 'l3']));
    expect(full.loss).toBeCloseTo(onlyL1.loss + onlyL2.loss + onlyL3.loss, 14);
    const outputs = ['l1', 'l2', 'l3'].map((id) => (full.ex.outputs.get(id) as Tensor).data[0]);
    expect(full.loss).toBe(outputs[0] + outputs[1] + outputs[2]);
    expect(onlyL1.loss).toBeGreaterThan(1e-3);
    expect(onlyL2.loss).toBeGreaterThan(1e-3);
    expect(onlyL3.loss).toBeGreaterThan(1e-3);

    const gradOf = (r: ReturnType<typeof run>, id: string) => Array.from((r.ex.grads.get(id) as Tensor).data);
    // 'a' feeds two losses
    const ga = gradOf(full, 'a');
    const ga1 = gradOf(onlyL1, 'a');
    const ga2 = gradOf(onlyL2, 'a');
    expect(ga).toHaveLength(15);
    ga.forEach((v, i) => {
      expect(v).toBeCloseTo(ga1[i] + ga2[i], 14);
    });
    expect(ga.some((v, i) => Math.abs(v - ga1[i]) > 1e-4)).toBe(true);
    // 'h' feeds two activations
    const gh = gradOf(full, 'h');
    const gh12 = gradOf(run(keepOnly(stored, ['x', 'h', 'a', 'l1', 'l2'])), 'h');
    const gh3 = gradOf(onlyL3, 'h');
    gh.forEach((v, i) => {
      expect(v).toBeCloseTo(gh12[i] + gh3[i], 14);
    });
    // and so do the weights of h
    const gw = Array.from(full.ex.paramGrads.get('h')?.W.data ?? []);
    const gw12 = run(keepOnly(stored, ['x', 'h', 'a', 'l1', 'l2'])).ex.paramGrads.get('h')?.W.data ?? [];
    const gw3 = onlyL3.ex.paramGrads.get('h')?.W.data ?? [];
    expect(gw).toHaveLength(15);
    gw.forEach((v, i) => {
      expect(v).toBeCloseTo(gw12[i] + gw3[i], 14);
    });
  });

  it("the shared node's gradient is the sum of what each consumer's backward step sent it", () => {
    const ex = net.executor(net.context({ input, target }));
    ex.runForward();
    const sent = new Map<string, number[][]>();
    for (let r = ex.stepBackward(); r; r = ex.stepBackward()) {
      const node = net.plan.byId.get(r.nodeId);
      node?.inputs.forEach((id, i) => {
        const g = r.backward?.dInputs[i];
        if (g) sent.set(id, [...(sent.get(id) ?? []), Array.from(g.data)]);
      });
    }
    expect(sent.get('h')).toHaveLength(2);
    expect(sent.get('a')).toHaveLength(2);
    for (const id of ['h', 'a']) {
      const parts = sent.get(id) ?? [];
      const total = Array.from((ex.grads.get(id) as Tensor).data);
      total.forEach((v, i) => {
        expect(v).toBeCloseTo(parts[0][i] + parts[1][i], 15);
      });
    }
  });

  it('whole-model gradients match central differences of the total loss', () => {
    const ctx = net.context({ input, target });
    const entries = checkModelGradients(net, ctx);
    expect(entries.map((e) => `${e.nodeId}.${e.name}`)).toEqual(['x.input', 'h.W', 'h.b']);
    expect(
      entries.every((e) => e.passed),
      describeFailures(entries),
    ).toBe(true);
    for (const e of entries) {
      expect(e.maxRelError).toBeLessThan(1e-6);
      expect(Math.max(...e.analytic.map(Math.abs))).toBeGreaterThan(1e-3);
    }
    // the check restores what it perturbs
    expect(ctx.input?.toNested()).toEqual(input);
  });
});
