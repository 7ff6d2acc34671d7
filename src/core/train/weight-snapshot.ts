import type { Params } from '../layers/kind';
import type { TypedArray } from '../tensor/tensor';

/**
 * A copy of every parameter, refreshed before each update so that a failed update can be undone.
 * The buffers are allocated once; a copy costs about as much as the update itself.
 */
export class WeightSnapshot {
  private readonly entries: { live: TypedArray; saved: TypedArray }[] = [];

  constructor(params: Map<string, Params>) {
    for (const nodeParams of params.values()) {
      for (const t of Object.values(nodeParams)) this.entries.push({ live: t.data, saved: t.data.slice() });
    }
  }

  save(): void {
    for (const { live, saved } of this.entries) saved.set(live);
  }

  restore(): void {
    for (const { live, saved } of this.entries) live.set(saved);
  }

  /** Whether every parameter is finite, checking only the values that changed since save(). */
  changedAllFinite(): boolean {
    for (const { live, saved } of this.entries) {
      for (let i = 0; i < live.length; i++) {
        if (live[i] !== saved[i] && !Number.isFinite(live[i])) return false;
      }
    }
    return true;
  }
}
