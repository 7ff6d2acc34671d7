import { parseCsvDataset } from '../data/csv';
import { type Dataset, flattenInputs } from '../data/dataset';
import { type DigitImages, digitsDataset } from '../data/digits';
import { type BinaryLabels, syntheticDataset } from '../data/synthetic';
import type { Plan } from '../graph/compile';
import type { ModelJson } from '../graph/model';
import { nestedToTensor } from '../graph/sample';
import type { DatasetSpec } from '../graph/training';
import { formatShape, sameShape } from '../tensor/shape';
import type { DType } from '../tensor/tensor';
import { predictionReader } from './accuracy';

/** What a dataset spec refers to, read by the host (core reads no files): the CSV text or the digit images. */
export interface DatasetSources {
  csvText?: string;
  digits?: DigitImages;
}

/** Thrown when the data cannot feed the model, or what it refers to was not passed in. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/**
 * The dataset a training section names, shaped for the model: 2D sets get the labels its output
 * reads (one-hot for two outputs, -1/1 for tanh, else 0/1) and digit images are flattened for a
 * model whose input is a vector. CSV features are left unscaled here: splitTrainingData fits the
 * scaling on the training split.
 */
export function datasetFromSpec(spec: DatasetSpec, sources: DatasetSources, plan?: Plan): Dataset {
  let ds: Dataset;
  if (spec.csv !== undefined) {
    if (sources.csvText === undefined) throw new DatasetError(`the text of ${spec.csv} was not passed in`);
    const name = spec.csv.split(/[\\/]/).pop() ?? spec.csv;
    ds = parseCsvDataset(sources.csvText, {
      name,
      features: spec.features,
      label: spec.label,
      labelType: spec.labelType,
      scaling: 'none',
    });
  } else if (spec.name === 'digits') {
    if (!sources.digits) throw new DatasetError('the digit images were not passed in');
    ds = digitsDataset(sources.digits, { limit: spec.samples });
  } else if (spec.name !== undefined) {
    const labels = spec.labels ?? (plan ? labelsFor(plan) : 'binary');
    ds = syntheticDataset(spec.name, { samples: spec.samples, noise: spec.noise, seed: spec.seed, labels });
  } else {
    throw new DatasetError('the dataset names neither a built-in set nor a CSV file');
  }
  return plan ? fitToModel(ds, plan) : ds;
}

/** The model's sample as a dataset (sample-sized training, the perceptron rule on a truth table). */
export function datasetFromSample(model: ModelJson, dtype: DType = 'float32'): Dataset {
  const sample = model.sample;
  if (!sample?.target) throw new DatasetError('the model has no sample with a target to train on');
  return {
    name: 'sample',
    inputs: nestedToTensor(sample.input, dtype),
    targets: nestedToTensor(sample.target, dtype),
  };
}

function labelsFor(plan: Plan): BinaryLabels {
  const reader = predictionReader(plan);
  const prediction = reader && plan.byId.get(reader.nodeId);
  if (prediction?.outputShape?.[1] === 2) return 'one_hot';
  return prediction?.kind.type === 'tanh' ? 'sign' : 'binary';
}

/** Flattens images for a vector input and checks that each sample has the input node's shape. */
function fitToModel(ds: Dataset, plan: Plan): Dataset {
  const input = plan.inputIds.length ? plan.byId.get(plan.inputIds[0]) : undefined;
  const wanted = input?.outputShape?.slice(1);
  if (!input || !wanted) return ds;
  const fitted = wanted.length === 1 && ds.inputs.shape.length > 2 ? flattenInputs(ds) : ds;
  if (!sameShape(fitted.inputs.shape.slice(1), wanted)) {
    throw new DatasetError(
      `dataset '${ds.name}' has samples of shape ${formatShape(ds.inputs.shape.slice(1))} but input node '${input.id}' takes ${formatShape(wanted)}`,
    );
  }
  return fitted;
}
