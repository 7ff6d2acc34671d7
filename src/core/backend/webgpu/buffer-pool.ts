import type { SharedBuffer } from './device-data';

/** Rounds a byte count up to its size class: multiples of 256 bytes, then of an eighth of the power of two below. */
export function sizeClass(bytes: number): number {
  if (bytes <= 4096) return Math.ceil(bytes / 256) * 256;
  const step = 2 ** (Math.floor(Math.log2(bytes)) - 3);
  return Math.ceil(bytes / step) * step;
}

/**
 * GPU buffers by size class. A released buffer may still be read by commands recorded but not
 * yet submitted, so it is only handed out again after the next submit (reuseReleased).
 */
export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  private released: SharedBuffer[] = [];
  private inUse = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly usage: number,
  ) {}

  take(bytes: number): SharedBuffer {
    const size = sizeClass(bytes);
    const buffer = this.free.get(size)?.pop() ?? this.device.createBuffer({ size, usage: this.usage });
    this.inUse += size;
    return { buffer, bytes, handles: 1 };
  }

  release(memory: SharedBuffer): void {
    this.released.push(memory);
  }

  reuseReleased(): void {
    for (const { buffer } of this.released) {
      const list = this.free.get(buffer.size);
      if (list) list.push(buffer);
      else this.free.set(buffer.size, [buffer]);
      this.inUse -= buffer.size;
    }
    this.released = [];
  }

  stats(): { inUse: number; free: number } {
    let free = 0;
    for (const list of this.free.values()) for (const b of list) free += b.size;
    return { inUse: this.inUse, free };
  }
}
