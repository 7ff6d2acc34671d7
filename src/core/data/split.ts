import { shuffledIndices } from './batches';
import { type Dataset, sampleCount, subset } from './dataset';

export interface SplitFractions {
  /** Fractions of the samples; what train and validation leave goes to test. */
  train: number;
  validation?: number;
}

export interface Splits {
  train: Dataset;
  validation: Dataset;
  test: Dataset;
}

/**
 * Shuffles the samples with the seed and cuts them into train, validation and test: parameters
 * are fitted on train, hyperparameters chosen on validation, the result reported on test.
 */
export function splitDataset(ds: Dataset, fractions: SplitFractions, seed: number): Splits {
  const validationFraction = fractions.validation ?? 0;
  if (fractions.train < 0 || validationFraction < 0 || fractions.train + validationFraction > 1 + 1e-12) {
    throw new Error(
      `split fractions must be >= 0 and add up to at most 1 (train ${fractions.train}, validation ${validationFraction})`,
    );
  }
  const n = sampleCount(ds);
  const order = shuffledIndices(n, seed);
  const trainEnd = Math.round(n * fractions.train);
  const validationEnd = Math.min(n, trainEnd + Math.round(n * validationFraction));
  return {
    train: subset(ds, order.subarray(0, trainEnd), `${ds.name} (train)`),
    validation: subset(ds, order.subarray(trainEnd, validationEnd), `${ds.name} (validation)`),
    test: subset(ds, order.subarray(validationEnd), `${ds.name} (test)`),
  };
}
