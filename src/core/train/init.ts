import type { InitName } from '../layers/kind';
import type { Shape } from '../tensor/shape';
import { type DType, Tensor, type TypedArray } from '../tensor/tensor';
import type { Rng } from './rng';

/** fan_in and fan_out as Keras computes them: the last axis is fan_out for dense weights [in, out]; conv weights [out, in, kh, kw]. */
export function fans(shape: Shape): { fanIn: number; fanOut: number } {
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  if (shape.length > 2) {
    const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
    return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
  }
  const n = shape.length === 1 ? shape[0] : 1;
  return { fanIn: n, fanOut: n };
}

/** An initialiser with its settings: `value` for constant, `k` (inputs per unit) for sparse. */
export interface InitSpec {
  name: InitName;
  value?: number;
  k?: number;
}

export const initNames: readonly InitName[] = [
  'zeros',
  'ones',
  'constant',
  'small_random',
  'calibrated',
  'sparse',
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
];

/** Martens (2010) connects each unit to 15 inputs. */
export const DEFAULT_SPARSE_CONNECTIONS = 15;

type Filler = (data: TypedArray, shape: Shape, rng: Rng, spec: InitSpec) => void;

const fillers: Record<InitName, Filler> = {
  zeros: () => {},
  ones: (data) => data.fill(1),
  constant: (data, _shape, _rng, spec) => data.fill(spec.value ?? 0),
  small_random: (data, _shape, rng) => fill(data, () => 0.01 * rng.normal()),
  // CS231n's calibration: the output variance matches the input variance for linear units.
  calibrated: (data, shape, rng) => {
    const scale = 1 / Math.sqrt(fans(shape).fanIn);
    fill(data, () => scale * rng.normal());
  },
  sparse: fillSparse,
  glorot_uniform: (data, shape, rng) => {
    const { fanIn, fanOut } = fans(shape);
    uniform(data, rng, Math.sqrt(6 / (fanIn + fanOut)));
  },
  glorot_normal: (data, shape, rng) => {
    const { fanIn, fanOut } = fans(shape);
    truncatedNormal(data, rng, Math.sqrt(2 / (fanIn + fanOut)));
  },
  he_uniform: (data, shape, rng) => uniform(data, rng, Math.sqrt(6 / fans(shape).fanIn)),
  he_normal: (data, shape, rng) => truncatedNormal(data, rng, Math.sqrt(2 / fans(shape).fanIn)),
};

/**
 * A parameter tensor filled by an initialiser, with Keras's definitions: Glorot uniform
 * U(-sqrt(6 / (in + out)), +), Glorot normal variance 2 / (in + out), He uniform
 * U(-sqrt(6 / in), +), He normal variance 2 / in; the normal ones are Keras's truncated normals.
 */
export function initialise(init: InitName | InitSpec, shape: Shape, rng: Rng, dtype: DType): Tensor {
  const spec = typeof init === 'string' ? { name: init } : init;
  const t = Tensor.zeros(shape, dtype);
  fillers[spec.name](t.data, shape, rng, spec);
  return t;
}

function fill(data: TypedArray, draw: () => number): void {
  for (let i = 0; i < data.length; i++) data[i] = draw();
}

function uniform(data: TypedArray, rng: Rng, limit: number): void {
  fill(data, () => rng.uniform(-limit, limit));
}

/**
 * Keras's VarianceScaling truncated normal: N(0, s^2) redrawn outside two s, with s the target
 * standard deviation divided by 0.8796..., the standard deviation of N(0, 1) truncated at +-2,
 * so that the values keep the target variance.
 */
function truncatedNormal(data: TypedArray, rng: Rng, targetStd: number): void {
  const s = targetStd / 0.87962566103423978;
  fill(data, () => {
    let z = rng.normal();
    while (Math.abs(z) > 2) z = rng.normal();
    return s * z;
  });
}

/**
 * Martens's sparse initialisation: each output unit gets k incoming weights drawn from N(0, 1)
 * at inputs chosen at random, the others zero. A unit's inputs are a column of a dense weight
 * [inputs, units], a block of a conv weight [out, in, kH, kW], the whole of a vector.
 */
function fillSparse(data: TypedArray, shape: Shape, rng: Rng, spec: InitSpec): void {
  const units = shape.length === 2 ? shape[1] : shape.length > 2 ? shape[0] : 1;
  const perUnit = data.length / units;
  const k = Math.min(spec.k ?? DEFAULT_SPARSE_CONNECTIONS, perUnit);
  const order = Array.from({ length: perUnit }, (_, i) => i);
  for (let unit = 0; unit < units; unit++) {
    // A partial Fisher-Yates shuffle picks k distinct inputs.
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng.next() * (perUnit - i));
      [order[i], order[j]] = [order[j], order[i]];
      const input = order[i];
      const at = shape.length === 2 ? input * units + unit : unit * perUnit + input;
      data[at] = rng.normal();
    }
  }
}
