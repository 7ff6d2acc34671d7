import {
  gradientStats,
  histogram,
  type Network,
  type PassContext,
  runInspectedPass,
  type ValueStats,
  valueStats,
} from '../core';
import type { InspectSnapshot, LayerSnapshot, PreActivationSnapshot } from '../protocol/inspect-messages';

/** Records kept over a run at most: enough points for a line, few enough for a small reply. */
const MAX_RECORDS = 25;
/** Pre-activation values kept per node and record; larger tensors are thinned evenly. */
const MAX_VALUES = 2048;

interface RawRecord {
  step: number;
  loss: number | null;
  layers: LayerSnapshot[];
  values: Map<string, Float64Array>;
}

/**
 * Gradient sizes and pre-activation distributions over training, measured on one fixed batch
 * so that only the weights change between records. Each record is one forward and backward pass.
 * Histograms are made at the end, over the range of every record, so the steps compare bin for bin.
 */
export class InspectHistory {
  private readonly records: RawRecord[] = [];
  private readonly every: number;
  private readonly activations: { nodeId: string; inputId: string }[];

  constructor(
    private readonly net: Network,
    private readonly probe: PassContext,
    steps: number,
  ) {
    this.every = Math.max(1, Math.ceil(steps / (MAX_RECORDS - 1)));
    this.activations = net.plan.nodes
      .filter((n) => n.kind.category === 'activation' && n.inputs.length === 1)
      .map((n) => ({ nodeId: n.id, inputId: n.inputs[0] }));
  }

  /** Records at step 0, at every few steps and at the last; others are skipped. */
  maybeRecord(step: number, last: boolean): void {
    if (step === 0 || step % this.every === 0 || last) this.record(step);
  }

  record(step: number): void {
    if (this.records.at(-1)?.step === step) return;
    const ex = this.net.executor(this.probe);
    const inputGrads = runInspectedPass(ex);
    const layers = gradientStats(ex, inputGrads).map((g) => ({
      nodeId: g.nodeId,
      weightNorm: g.weights.norm,
      weightMeanAbs: g.weights.meanAbs,
      inputNorm: g.input.norm,
      inputMeanAbs: g.input.meanAbs,
    }));
    const values = new Map<string, Float64Array>();
    for (const { nodeId, inputId } of this.activations) {
      const input = ex.outputs.get(inputId);
      if (input) values.set(nodeId, thinned(input.data));
    }
    this.records.push({ step, loss: ex.loss ?? null, layers, values });
  }

  snapshots(bins: number): InspectSnapshot[] {
    const ranges = new Map(this.activations.map(({ nodeId }) => [nodeId, this.rangeOf(nodeId)]));
    return this.records.map((r) => ({
      step: r.step,
      loss: r.loss,
      layers: r.layers,
      preActivations: [...r.values].map(([nodeId, data]): PreActivationSnapshot => {
        const stats: ValueStats = valueStats(data);
        return { nodeId, stats, histogram: histogram(data, { bins, range: ranges.get(nodeId) }) };
      }),
    }));
  }

  private rangeOf(nodeId: string): [number, number] {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const r of this.records) {
      const s = valueStats(r.values.get(nodeId) ?? []);
      if (s.count === 0) continue;
      min = Math.min(min, s.min);
      max = Math.max(max, s.max);
    }
    return min <= max ? [min, max] : [0, 0];
  }
}

/** At most MAX_VALUES values, taken at even strides. */
export function thinned(data: ArrayLike<number>, max = MAX_VALUES): Float64Array {
  const stride = Math.max(1, Math.ceil(data.length / max));
  const out = new Float64Array(Math.ceil(data.length / stride));
  for (let i = 0; i < out.length; i++) out[i] = data[i * stride];
  return out;
}
