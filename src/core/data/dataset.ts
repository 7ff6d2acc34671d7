import { formatShape } from '../tensor/shape';
import { Tensor } from '../tensor/tensor';

/** Samples along the first axis of inputs and targets, with what the columns and classes mean. */
export interface Dataset {
  name: string;
  /** [N, ...sample shape]: [N, features] for tables, [N, C, H, W] for images. */
  inputs: Tensor;
  /** [N, ...]: one-hot rows [N, K] for classes, [N, 1] for one value. */
  targets: Tensor;
  /** Class names: in target column order for one-hot targets; [class of 0, class of 1] for one 0/1 column. */
  classes?: string[];
  featureNames?: string[];
}

export function sampleCount(ds: Dataset): number {
  return ds.inputs.shape[0];
}

/** Checks that inputs and targets hold the same number of samples. */
export function checkDataset(ds: Dataset): Dataset {
  const n = ds.inputs.shape[0];
  if (ds.inputs.shape.length === 0 || ds.targets.shape[0] !== n) {
    throw new Error(
      `dataset '${ds.name}': inputs ${formatShape(ds.inputs.shape)} and targets ${formatShape(ds.targets.shape)} must hold the same number of samples`,
    );
  }
  return ds;
}

/** The rows of a tensor at the given indices along its first axis, copied in that order. */
export function takeRows(t: Tensor, indices: ArrayLike<number>): Tensor {
  const rowSize = t.shape.length > 1 ? t.size / t.shape[0] : 1;
  const out = Tensor.zeros([indices.length, ...t.shape.slice(1)], t.dtype);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] * rowSize;
    out.data.set(t.data.subarray(from, from + rowSize), i * rowSize);
  }
  return out;
}

/** The samples at the given indices, in that order, as a new dataset. */
export function subset(ds: Dataset, indices: ArrayLike<number>, name = ds.name): Dataset {
  return { ...ds, name, inputs: takeRows(ds.inputs, indices), targets: takeRows(ds.targets, indices) };
}

/** The same samples with each one's input flattened to a vector: [N, C, H, W] -> [N, C*H*W] (no copy). */
export function flattenInputs(ds: Dataset): Dataset {
  const n = ds.inputs.shape[0];
  return { ...ds, inputs: ds.inputs.reshape([n, n === 0 ? 0 : ds.inputs.size / n]) };
}

/** Integer class labels [N] as one-hot rows [N, K]. */
export function oneHot(labels: ArrayLike<number>, classes: number): Tensor {
  const t = Tensor.zeros([labels.length, classes]);
  for (let i = 0; i < labels.length; i++) t.data[i * classes + labels[i]] = 1;
  return t;
}
