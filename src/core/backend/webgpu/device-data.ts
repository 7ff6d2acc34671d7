import type { DeviceData, Tensor } from '../../tensor/tensor';

/** The memory behind one or more GPU tensor handles; back to the pool when the last handle goes. */
export interface SharedBuffer {
  readonly buffer: GPUBuffer;
  /** Bytes the values use; the buffer may be larger (pool size classes). */
  readonly bytes: number;
  handles: number;
}

export interface BufferOwner {
  readonly name: string;
  /** A new buffer holding a copy of src's first `bytes`. */
  copyOf(src: SharedBuffer): SharedBuffer;
  recycle(memory: SharedBuffer): void;
  /** Watches a tensor so its memory is recycled once the tensor is collected. */
  track(tensor: Tensor, handle: GpuData): void;
  untrack(handle: GpuData): void;
}

/**
 * One handle on GPU memory. `synced` is the tensor version the device values match: a host write
 * (Tensor.touch) makes them stale, and the backend uploads the host values again before use.
 */
export class GpuData implements DeviceData {
  private done = false;
  synced = 0;

  constructor(
    private readonly owner_: BufferOwner,
    readonly memory: SharedBuffer,
  ) {}

  get owner(): string {
    return this.owner_.name;
  }

  get buffer(): GPUBuffer {
    if (this.done) throw new Error('a released GPU tensor was used');
    return this.memory.buffer;
  }

  get released(): boolean {
    return this.done;
  }

  clone(): GpuData {
    return new GpuData(this.owner_, this.owner_.copyOf(this.memory));
  }

  share(): GpuData {
    this.memory.handles++;
    // A handle goes to a new tensor, whose version starts at 0.
    return new GpuData(this.owner_, this.memory);
  }

  track(tensor: Tensor): void {
    this.owner_.track(tensor, this);
  }

  release(): void {
    if (this.done) return;
    this.done = true;
    this.owner_.untrack(this);
    if (--this.memory.handles === 0) this.owner_.recycle(this.memory);
  }
}
