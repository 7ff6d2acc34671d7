import type { Params } from '../layers/kind';
import type { Tensor, TypedArray } from '../tensor/tensor';

/**
 * A copy of every parameter, refreshed before each update so that a failed update can be undone.
 * The buffers are allocated once; a copy costs about as much as the update itself. The parameters
 * must be on the host when save() and changedAllFinite() read them.
 */
export class WeightSnapshot {
  private readonly entries: { tensor: Tensor; saved: TypedArray }[] = [];

  constructor(params: Map<string, Params>) {
    for (const nodeParams of params.values()) {
      for (const t of Object.values(nodeParams)) this.entries.push({ tensor: t, saved: t.data.slice() });
    }
  }

  /** The parameters, for downloading them before save(). */
  get tensors(): Tensor[] {
    return this.entries.map((e) => e.tensor);
  }

  save(): void {
    for (const { tensor, saved } of this.entries) saved.set(tensor.data);
  }

  restore(): void {
    for (const { tensor, saved } of this.entries) {
      tensor.data.set(saved);
      tensor.touch();
    }
  }

  /** Whether every parameter is finite, checking only the values that changed since save(). */
  changedAllFinite(): boolean {
    for (const { tensor, saved } of this.entries) {
      const live = tensor.data;
      for (let i = 0; i < live.length; i++) {
        if (live[i] !== saved[i] && !Number.isFinite(live[i])) return false;
      }
    }
    return true;
  }
}
