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

/**
 * Values held by a device (a GPU buffer), owned by the backend that made them. A tensor whose values
 * live there has no host array until someone asks the backend to download it (Backend.download).
 */
export interface DeviceData {
  /** The backend that owns the values, for messages. */
  readonly owner: string;
  /** A copy on the same device. */
  clone(): DeviceData;
  /** Another handle on the same device memory (a reshaped view); the memory lives until every handle is released. */
  share(): DeviceData;
  /** Gives this handle back (idempotent); the memory goes when its last handle does. */
  release(): void;
  /** Called when a tensor takes this handle, so the owner can reclaim the memory once the tensor is collected. */
  track?(tensor: Tensor): void;
  readonly released: boolean;
}

/** Thrown when host code reads a tensor whose values are still on the device. */
export class TensorOnDeviceError extends Error {
  override name = 'TensorOnDeviceError';
}

export class Tensor {
  readonly shape: Shape;
  readonly dtype: DType;
  readonly size: number;
  private host: TypedArray | undefined;
  /** The host array a device write made stale, refilled by the next download so that references to `data` stay valid. */
  private spare: TypedArray | undefined;
  private deviceData: DeviceData | undefined;
  /**
   * Counts host-side writes, so a backend that mirrors host tensors on a device can tell a stale
   * copy from a current one. Code that changes `data` in place calls touch().
   */
  private versionValue = 0;

  constructor(shape: Shape, data: TypedArray) {
    if (data.length !== sizeOf(shape)) {
      throw new Error(`tensor data has ${data.length} values but shape ${formatShape(shape)} needs ${sizeOf(shape)}`);
    }
    this.shape = [...shape];
    this.host = data;
    this.dtype = dtypeOf(data);
    this.size = data.length;
  }

  /** A tensor whose values live on a device; `data` works once a backend has downloaded them. */
  static onDevice(shape: Shape, dtype: DType, device: DeviceData): Tensor {
    const t = Object.create(Tensor.prototype) as Tensor;
    const fields = t as unknown as { shape: Shape; dtype: DType; size: number; versionValue: number };
    fields.shape = [...shape];
    fields.dtype = dtype;
    fields.size = sizeOf(shape);
    fields.versionValue = 0;
    t.host = undefined;
    t.deviceData = device;
    device.track?.(t);
    return t;
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

  /** The values on the host. Throws TensorOnDeviceError while they are only on a device. */
  get data(): TypedArray {
    const host = this.host;
    if (host === undefined) throw this.onDeviceError();
    return host;
  }

  /** Whether `data` can be read without a download. */
  get onHost(): boolean {
    return this.host !== undefined;
  }

  /** The device copy, if a backend made or mirrored one. */
  get device(): DeviceData | undefined {
    return this.deviceData;
  }

  get version(): number {
    return this.versionValue;
  }

  /** Records a host-side write to `data`, so a device mirror is known to be stale. */
  touch(): void {
    this.versionValue++;
  }

  /**
   * For backends. attachDevice: a mirror of the host values (host stays valid). setHostCopy: the
   * device values downloaded. deviceWritten: a kernel changed the device values in place, so the
   * host copy (if any) is dropped.
   */
  attachDevice(device: DeviceData): void {
    this.deviceData = device;
  }

  setHostCopy(data: TypedArray): void {
    if (data.length !== this.size) throw new Error(`host copy has ${data.length} values, tensor has ${this.size}`);
    const spare = this.spare;
    if (spare) spare.set(data);
    this.host = spare ?? data;
    this.spare = undefined;
  }

  deviceWritten(): void {
    if (!this.deviceData) throw new Error('deviceWritten on a tensor without device values');
    if (this.host) this.spare = this.host;
    this.host = undefined;
    this.versionValue++;
  }

  /**
   * After a lost device: takes the values of the last download as the host values again (the
   * best there is). False when the tensor never had host values.
   */
  recoverHost(): boolean {
    if (this.host !== undefined) return true;
    if (this.spare === undefined) return false;
    this.host = this.spare;
    this.spare = undefined;
    this.deviceData = undefined;
    return true;
  }

  /** Gives back the device memory now rather than when the tensor is collected; a host copy stays readable. */
  dispose(): void {
    this.deviceData?.release();
    if (this.host !== undefined) this.deviceData = undefined;
  }

  /** The same values in another shape of equal size (no copy; a device tensor shares its buffer). */
  reshape(shape: Shape): Tensor {
    if (sizeOf(shape) !== this.size) {
      throw new Error(`cannot reshape ${formatShape(this.shape)} to ${formatShape(shape)}: sizes differ`);
    }
    // A host tensor's view gets no device mirror: the two would count host writes apart.
    if (this.host !== undefined) return new Tensor(shape, this.host);
    return Tensor.onDevice(shape, this.dtype, (this.deviceData as DeviceData).share());
  }

  clone(): Tensor {
    if (this.host !== undefined) return new Tensor(this.shape, this.host.slice());
    return Tensor.onDevice(this.shape, this.dtype, (this.deviceData as DeviceData).clone());
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

  private onDeviceError(): TensorOnDeviceError {
    const owner = this.deviceData?.owner ?? 'a device';
    const what = this.deviceData?.released ? 'were released' : `are still on ${owner}`;
    return new TensorOnDeviceError(
      `the values of a ${formatShape(this.shape)} tensor ${what}; download them first (Backend.download)`,
    );
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
