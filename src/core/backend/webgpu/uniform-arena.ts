import type { Uniform } from './context';

const UNIFORM = 0x40;
const COPY_DST = 0x08;
/** Each dispatch's uniforms start on a 256-byte boundary (minUniformBufferOffsetAlignment's default). */
const SLOT = 256;
const SLOTS = 256;

/**
 * The uniform values of the dispatches between two submits, written to one buffer in one
 * writeBuffer just before the submit; each dispatch binds its own 256-byte slot.
 */
export class UniformArena {
  private buffer: GPUBuffer | undefined;
  private readonly bytes = new ArrayBuffer(SLOT * SLOTS);
  private used = 0;

  constructor(private readonly device: GPUDevice) {}

  write(values: readonly Uniform[]): GPUBufferBinding {
    if (values.length * 4 > SLOT) throw new Error(`a kernel takes at most ${SLOT / 4} uniforms`);
    if (this.used >= SLOTS) throw new Error(`more than ${SLOTS} dispatches between two submits`);
    const view = new DataView(this.bytes, this.used * SLOT, SLOT);
    values.forEach(([type, value], i) => {
      if (type === 'f32') view.setFloat32(i * 4, value, true);
      else if (type === 'i32') view.setInt32(i * 4, value, true);
      else view.setUint32(i * 4, value, true);
    });
    const binding = { buffer: this.current(), offset: this.used * SLOT, size: Math.max(16, values.length * 4) };
    this.used++;
    return binding;
  }

  /** Copies this submit's values to the GPU; queued ahead of the command buffer that reads them. */
  upload(): void {
    if (this.used > 0) this.device.queue.writeBuffer(this.current(), 0, this.bytes, 0, this.used * SLOT);
  }

  // One buffer serves every submit: a writeBuffer runs after all work submitted before it.
  reset(): void {
    this.used = 0;
  }

  private current(): GPUBuffer {
    this.buffer ??= this.device.createBuffer({ size: SLOT * SLOTS, usage: UNIFORM | COPY_DST });
    return this.buffer;
  }
}
