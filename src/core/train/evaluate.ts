import { resolveBatchSize } from '../data/batches';
import { type Dataset, sampleCount, takeRows } from '../data/dataset';
import type { Network } from '../graph/network';
import { countCorrect, predictionReader } from './accuracy';

export interface Evaluation {
  /** The mean loss over the samples (losses average over their batch, so batches are weighted by size). */
  loss: number;
  /** The fraction classified correctly; undefined when the targets are not classes. */
  accuracy?: number;
  samples: number;
}

/** Forward passes in inference mode (dropout off, batch norm on running statistics) over a whole dataset. */
export async function evaluate(net: Network, ds: Dataset, batchSize = 256): Promise<Evaluation> {
  const n = sampleCount(ds);
  if (n === 0) return { loss: Number.NaN, samples: 0 };
  const size = resolveBatchSize(batchSize, n);
  const reader = predictionReader(net.plan);
  const ex = net.executor({ training: false });
  let lossSum = 0;
  let correct = 0;
  let classified = true;
  for (let start = 0; start < n; start += size) {
    const indices = Uint32Array.from({ length: Math.min(size, n - start) }, (_, i) => start + i);
    const targets = takeRows(ds.targets, indices);
    ex.ctx = { input: takeRows(ds.inputs, indices).cast(net.dtype), target: targets.cast(net.dtype), training: false };
    ex.reset();
    ex.runForward();
    const prediction = reader && ex.outputs.get(reader.nodeId);
    await net.backend.download([...ex.lossTensors(), ...(prediction ? [prediction] : [])]);
    lossSum += (ex.loss ?? Number.NaN) * indices.length;
    const counted = prediction ? countCorrect(prediction, targets, reader.logits) : undefined;
    if (counted) correct += counted.correct;
    else classified = false;
  }
  return { loss: lossSum / n, accuracy: classified ? correct / n : undefined, samples: n };
}
