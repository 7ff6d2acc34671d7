import { formatShape, type Shape, sameShape, sizeOf } from './shape';

/** float32 is the engine's working type; float64 serves exact traces and gradient checks. */
export type DType = 'float32' | 'float64';
export type TypedArray = Float32Array | Float64Array;

/** Arrays nested to a tensor's shape, as in the model format and the CLI's JSON. */
export type NestedArray = number | NestedArray[];

export function allocate(dtype: DType, size: number): TypedArray {
  return dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
}

export function dtypeOf(data: TypedArray): DType {
  return data instanceof Float64Array ? 'float64' : 'float32';
}

export class Tensor {
  readonly shape: Shape;
  readonly data: TypedArray;

  constructor(shape: Shape, data: TypedArray) {
    if (data.length !== sizeOf(shape)) {
      throw new Error(`tensor data has ${data.length} values but shape ${formatShape(shape)} needs ${sizeOf(shape)}`);
    }
    this.shape = [...shape];
    this.data = data;
  }

  static zeros(shape: Shape, dtype: DType = 'float32'): Tensor {
    return new Tensor(shape, allocate(dtype, sizeOf(shape)));
  }

  static filled(shape: Shape, value: number, dtype: DType = 'float32'): Tensor {
    const t = Tensor.zeros(shape, dtype);
    t.data.fill(value);
    return t;
  }

  static fromArray(shape: Shape, values: ArrayLike<number>, dtype: DType = 'float32'): Tensor {
    const data = allocate(dtype, values.length);
    data.set(values as ArrayLike<number>);
    return new Tensor(shape, data);
  }

  static scalar(value: number, dtype: DType = 'float32'): Tensor {
    return Tensor.fromArray([], [value], dtype);
  }

  get dtype(): DType {
    return dtypeOf(this.data);
  }

  get size(): number {
    return this.data.length;
  }

  /** The same values in another shape of equal size (no copy). */
  reshape(shape: Shape): Tensor {
    return new Tensor(shape, this.data);
  }

  clone(): Tensor {
    return new Tensor(this.shape, this.data.slice());
  }

  cast(dtype: DType): Tensor {
    if (dtype === this.dtype) return this;
    return Tensor.fromArray(this.shape, this.data, dtype);
  }

  sameShapeAs(other: Tensor): boolean {
    return sameShape(this.shape, other.shape);
  }

  /** Values nested to the shape; a rank-0 tensor gives a bare number. */
  toNested(): NestedArray {
    return nest(this.data, this.shape, 0, 0).value;
  }

  static fromNested(values: NestedArray, dtype: DType = 'float32'): Tensor {
    const shape = nestedShape(values);
    const flat: number[] = [];
    flatten(values, shape, 0, flat);
    return Tensor.fromArray(shape, flat, dtype);
  }
}

function nest(data: TypedArray, shape: Shape, axis: number, offset: number): { value: NestedArray; next: number } {
  if (axis === shape.length) return { value: data[offset], next: offset + 1 };
  const out: NestedArray[] = [];
  let at = offset;
  for (let i = 0; i < shape[axis]; i++) {
    const r = nest(data, shape, axis + 1, at);
    out.push(r.value);
    at = r.next;
  }
  return { value: out, next: at };
}

/** The shape of a nested array, taken from its first elements; flatten checks the rest. */
export function nestedShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  return shape;
}

function flatten(values: NestedArray, shape: Shape, axis: number, out: number[]): void {
  if (axis === shape.length) {
    if (typeof values !== 'number') throw new Error('nested array is ragged: expected a number');
    out.push(values);
    return;
  }
  if (!Array.isArray(values) || values.length !== shape[axis]) {
    throw new Error(`nested array is ragged: expected ${shape[axis]} entries on axis ${axis}`);
  }
  for (const v of values) flatten(v, shape, axis + 1, out);
}
