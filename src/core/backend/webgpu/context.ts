import { formatShape, type Shape, sizeOf } from '../../tensor/shape';
import { Tensor } from '../../tensor/tensor';
import { BufferPool } from './buffer-pool';
import { type BufferOwner, GpuData, type SharedBuffer } from './device-data';
import { UniformArena } from './uniform-arena';
import { WGSL_PRELUDE } from './wgsl';

// The numeric values of GPUBufferUsage and GPUMapMode, so core needs no WebGPU globals at run time.
const STORAGE = 0x80;
const COPY_SRC = 0x04;
const COPY_DST = 0x08;
const MAP_READ = 0x01;
const MAP_MODE_READ = 0x01;

/** A uniform value and its WGSL type, in the order the kernel's Params struct declares them. */
export type Uniform = ['u32' | 'i32' | 'f32', number];

export interface Dispatch {
  /** Names the pipeline in the cache: the same key must always come with the same code. */
  key: string;
  /** WGSL with an entry point `main`; WGSL_PRELUDE is put in front. */
  code: string;
  /** Read at bindings 0..k-1 as `var<storage, read> array<f32>`. */
  inputs: readonly Tensor[];
  /** Written at bindings k..k+m-1 as `var<storage, read_write> array<f32>`. */
  outputs: readonly Tensor[];
  /** The Params struct at the next binding, if the kernel takes any. */
  uniforms?: readonly Uniform[];
  workgroups: readonly [number, number?, number?];
}

/** Thrown for every call after the device was lost: the engine then falls back to the CPU. */
export class DeviceLostError extends Error {
  override name = 'DeviceLostError';
}

/** Dispatches accumulated before one submit; more go in a new command buffer. */
const DISPATCHES_PER_SUBMIT = 64;

/**
 * Owns one GPUDevice: caches pipelines by key, keeps buffers in a pool, records dispatches into
 * one command encoder and submits them together (when full, or before a download), and reads
 * results back in one mapping per download.
 */
export class GpuContext implements BufferOwner {
  readonly name: string;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly pool: BufferPool;
  private readonly uniforms: UniformArena;
  private encoder: GPUCommandEncoder | undefined;
  private pass: GPUComputePassEncoder | undefined;
  private recorded = 0;
  private lostReason: string | undefined;
  private firstError: string | undefined;
  private readonly collected = new FinalizationRegistry<GpuData>((handle) => handle.release());
  /** Dispatches and submits since creation, for tests and the benchmark. */
  readonly counters = { dispatches: 0, submits: 0, downloads: 0, uploads: 0 };

  constructor(
    readonly device: GPUDevice,
    name = 'webgpu',
  ) {
    this.name = name;
    this.pool = new BufferPool(device, STORAGE | COPY_SRC | COPY_DST);
    this.uniforms = new UniformArena(device);
    void device.lost.then((info) => {
      this.lostReason = info.message || info.reason || 'unknown reason';
    });
    device.addEventListener?.('uncapturederror', (event) => {
      const error = (event as GPUUncapturedErrorEvent).error;
      this.firstError ??= error.message;
    });
  }

  get lost(): boolean {
    return this.lostReason !== undefined;
  }

  /** A GPU tensor with room for shape's values; its contents are undefined until a kernel writes them. */
  empty(shape: Shape): Tensor {
    this.checkAlive();
    const memory = this.pool.take(Math.max(4, sizeOf(shape) * 4));
    return Tensor.onDevice(shape, 'float32', new GpuData(this, memory));
  }

  /** The buffer holding t's current values, uploading the host values first if the device has none or stale ones. */
  bufferOf(t: Tensor): GPUBuffer {
    this.checkFloat32(t);
    const device = t.device;
    if (device instanceof GpuData && !device.released && device.synced === t.version) return device.buffer;
    const host = t.data;
    const memory = this.pool.take(Math.max(4, host.length * 4));
    const handle = new GpuData(this, memory);
    if (host.length > 0) this.device.queue.writeBuffer(memory.buffer, 0, host as Float32Array<ArrayBuffer>);
    this.counters.uploads++;
    handle.synced = t.version;
    if (device && !device.released) device.release();
    t.attachDevice(handle);
    // A mirror goes back to the pool with its host tensor (per-step inputs and targets).
    this.track(t, handle);
    return handle.buffer;
  }

  /** Records a kernel; outputs must be GPU tensors (from empty(), or existing ones written in place). */
  dispatch(call: Dispatch): void {
    this.checkAlive();
    const [x, y = 1, z = 1] = call.workgroups;
    if (x === 0 || y === 0 || z === 0) return;
    const pipeline = this.pipeline(call.key, call.code);
    const entries: GPUBindGroupEntry[] = [];
    for (const t of call.inputs) entries.push({ binding: entries.length, resource: { buffer: this.bufferOf(t) } });
    for (const t of call.outputs) entries.push({ binding: entries.length, resource: { buffer: this.bufferOf(t) } });
    if (call.uniforms?.length) entries.push({ binding: entries.length, resource: this.uniforms.write(call.uniforms) });
    const bindGroup = this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    const pass = this.computePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(x, y, z);
    this.counters.dispatches++;
    for (const t of call.outputs) this.written(t);
    if (++this.recorded >= DISPATCHES_PER_SUBMIT) this.flush();
  }

  /** Marks an output as changed on the device: its host copy is stale and dropped. */
  private written(t: Tensor): void {
    t.deviceWritten();
    (t.device as GpuData).synced = t.version;
  }

  /** Copies src's values into dst (equal sizes) on the device. */
  copy(src: Tensor, dst: Tensor): void {
    const from = this.bufferOf(src);
    const to = this.bufferOf(dst);
    this.endPass().copyBufferToBuffer(from, 0, to, 0, src.size * 4);
    this.written(dst);
  }

  /** Submits what is recorded; released buffers become reusable after this point in queue order. */
  flush(): void {
    if (this.pass) {
      this.pass.end();
      this.pass = undefined;
    }
    if (this.encoder) {
      this.uniforms.upload();
      this.device.queue.submit([this.encoder.finish()]);
      this.counters.submits++;
      this.encoder = undefined;
      this.recorded = 0;
    }
    this.uniforms.reset();
    this.pool.reuseReleased();
  }

  /** Downloads every tensor without a current host copy, with one mapping for all of them. */
  async download(tensors: readonly Tensor[]): Promise<void> {
    const wanted = [...new Set(tensors)].filter((t) => !t.onHost);
    if (wanted.length === 0) return;
    this.checkAlive();
    let total = 0;
    const offsets = wanted.map((t) => {
      const at = total;
      total += Math.max(4, t.size * 4);
      return at;
    });
    const staging = this.device.createBuffer({ size: total, usage: MAP_READ | COPY_DST });
    const encoder = this.endPass();
    wanted.forEach((t, i) => {
      if (t.size > 0) encoder.copyBufferToBuffer(this.bufferOf(t), 0, staging, offsets[i], t.size * 4);
    });
    this.flush();
    this.counters.downloads++;
    try {
      await staging.mapAsync(MAP_MODE_READ);
    } catch (e) {
      this.checkAlive();
      throw e;
    }
    const mapped = staging.getMappedRange();
    wanted.forEach((t, i) => {
      t.setHostCopy(new Float32Array(mapped.slice(offsets[i], offsets[i] + t.size * 4)));
    });
    staging.unmap();
    staging.destroy();
    this.raiseFirstError();
  }

  /** A download of nothing: resolves when the device has finished everything submitted so far. */
  async finish(): Promise<void> {
    this.flush();
    await this.device.queue.onSubmittedWorkDone();
    this.raiseFirstError();
  }

  // BufferOwner, for GpuData handles.
  copyOf(src: SharedBuffer): SharedBuffer {
    const memory = this.pool.take(src.bytes);
    this.endPass().copyBufferToBuffer(src.buffer, 0, memory.buffer, 0, src.bytes);
    return memory;
  }

  recycle(memory: SharedBuffer): void {
    this.pool.release(memory);
  }

  track(tensor: Tensor, handle: GpuData): void {
    this.collected.register(tensor, handle, handle);
  }

  untrack(handle: GpuData): void {
    this.collected.unregister(handle);
  }

  /** Bytes held by the pool: in use, and free for reuse. */
  memory(): { inUse: number; free: number } {
    return this.pool.stats();
  }

  private pipeline(key: string, code: string): GPUComputePipeline {
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      const module = this.device.createShaderModule({ label: key, code: WGSL_PRELUDE + code });
      pipeline = this.device.createComputePipeline({
        label: key,
        layout: 'auto',
        compute: { module, entryPoint: 'main' },
      });
      this.pipelines.set(key, pipeline);
    }
    return pipeline;
  }

  private computePass(): GPUComputePassEncoder {
    if (!this.pass) {
      this.encoder ??= this.device.createCommandEncoder();
      this.pass = this.encoder.beginComputePass();
    }
    return this.pass;
  }

  /** The encoder outside any compute pass, for copies. */
  private endPass(): GPUCommandEncoder {
    if (this.pass) {
      this.pass.end();
      this.pass = undefined;
    }
    this.encoder ??= this.device.createCommandEncoder();
    return this.encoder;
  }

  private checkAlive(): void {
    if (this.lostReason !== undefined) throw new DeviceLostError(`the GPU device was lost: ${this.lostReason}`);
  }

  private raiseFirstError(): void {
    const error = this.firstError;
    if (error === undefined) return;
    this.firstError = undefined;
    throw new Error(`WebGPU error: ${error}`);
  }

  private checkFloat32(t: Tensor): void {
    if (t.dtype !== 'float32') {
      throw new Error(`WebGPU kernels take float32 tensors; a ${formatShape(t.shape)} tensor is ${t.dtype}`);
    }
  }
}

/** Workgroups for n invocations of a 64-wide kernel: a second dimension once x would pass the 65535 limit. */
export function groups1d(n: number): [number, number] {
  const groups = Math.ceil(n / 64);
  if (groups <= 65535) return [groups, 1];
  return [65535, Math.ceil(groups / 65535)];
}
