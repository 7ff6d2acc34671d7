import {
  type Dataset,
  DatasetError,
  type DatasetSpec,
  datasetFromSample,
  datasetFromSpec,
  type Network,
  type PassContext,
  probeBatch,
  type ResolvedTraining,
  sampleCount,
} from '../core';
import { INSPECT_DATASETS, type InspectDataset } from '../protocol/inspect-messages';
import { RequestError } from './errors';

/** The batch an inspected pass runs on, and the data to train on first when asked to. */
export interface InspectData {
  probe: PassContext;
  /** What the probe holds, in words. */
  probeText: string;
  train?: Dataset;
  trainText?: string;
}

/** Probes larger than this are cut: the statistics settle long before, and the reply stays small. */
const MAX_PROBE = 256;

const samples = (n: number) => `${n} sample${n === 1 ? '' : 's'}`;

function isBuiltIn(name: string | undefined): name is InspectDataset {
  return INSPECT_DATASETS.includes(name as InspectDataset);
}

function fromSpec(spec: DatasetSpec, net: Network, path: string): Dataset {
  try {
    return datasetFromSpec(spec, {}, net.plan);
  } catch (e) {
    if (e instanceof DatasetError) throw new RequestError({ code: 'bad-request', message: e.message, path });
    throw e;
  }
}

function probeSize(training: ResolvedTraining): number {
  return typeof training.batchSize === 'number' ? Math.min(training.batchSize, MAX_PROBE) : MAX_PROBE;
}

/**
 * Chooses the data: a named built-in set when given; else the model's sample for the inspected
 * pass, and for training the training section's set when it is built in (digits and CSV files
 * are read by the host, not here), else the sample.
 */
export function inspectData(
  net: Network,
  training: ResolvedTraining,
  steps: number,
  dataset: InspectDataset | undefined,
): InspectData {
  const sample = net.model.sample;
  const hasSample = sample?.input !== undefined && sample.target !== undefined;
  if (dataset) {
    const named = fromSpec({ name: dataset }, net, '$.dataset');
    const size = Math.min(probeSize(training), sampleCount(named));
    const probe = { ...probeBatch(named, size, net), seed: 0 };
    const text = `${dataset} (${samples(sampleCount(named))})`;
    return { probe, probeText: `the first ${samples(size)} of ${dataset}`, train: named, trainText: text };
  }
  let train: Dataset | undefined;
  let trainText: string | undefined;
  if (steps > 0) {
    const section = training.dataset;
    if (section?.csv === undefined && isBuiltIn(section?.name)) {
      train = fromSpec(section, net, '$');
      trainText = `${section.name} (${samples(sampleCount(train))})`;
    } else if (hasSample) {
      train = datasetFromSample(net.model, net.dtype);
      trainText = `the model's sample (${samples(sampleCount(train))})`;
    }
  }
  if (hasSample) {
    const count = Array.isArray(sample?.input) ? sample.input.length : 1;
    return {
      probe: { ...net.context(), seed: 0 },
      probeText: `the model's sample (${samples(count)})`,
      train,
      trainText,
    };
  }
  if (train) {
    const size = Math.min(probeSize(training), sampleCount(train));
    return {
      probe: { ...probeBatch(train, size, net), seed: 0 },
      probeText: `the first ${samples(size)}`,
      train,
      trainText,
    };
  }
  const named = training.dataset?.name ?? training.dataset?.csv;
  throw new RequestError({
    code: 'run-error',
    message:
      'this model has no sample with a target to run on' +
      (named ? ` (its training set, ${named}, is read by the Training panel, not by the inspectors)` : '') +
      `: add a sample to the file, or inspect on a built-in set (${INSPECT_DATASETS.join(', ')})`,
  });
}
