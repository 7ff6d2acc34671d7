import type { BatchSize } from '../../core/data/batches';
import type { OptimizerType } from '../../core/train/optimizer-factory';
import type { SearchMethod } from '../../core/train/search/proposers';
import type { SearchSpace } from '../../core/train/search/space';

/** What the Search tab's form holds, as typed. */
export interface SearchForm {
  method: SearchMethod;
  /** Learning-rate range, searched on a log scale; both empty leaves the rate as it is. */
  rateMin: string;
  rateMax: string;
  /** Comma-separated lists; empty leaves that setting as the model has it. */
  batchSizes: string;
  units: string;
  activations: readonly string[];
  optimizers: readonly OptimizerType[];
  trials: string;
  /** Epochs per trial; empty uses the training section's. */
  epochs: string;
}

export const defaultSearchForm: SearchForm = {
  method: 'random',
  rateMin: '0.001',
  rateMax: '0.1',
  batchSizes: '',
  units: '',
  activations: [],
  optimizers: ['sgd', 'adam'],
  trials: '12',
  epochs: '',
};

export type SearchRequestForm =
  | { ok: true; space: SearchSpace; trials: number; epochs?: number }
  | { ok: false; field: keyof SearchForm; message: string };

function positiveList(text: string): number[] | 'bad' {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const numbers = parts.map(Number);
  return numbers.some((n) => !Number.isInteger(n) || n < 1) ? 'bad' : numbers;
}

/** The search space the form describes, or the first field that does not read. */
export function searchRequestOf(form: SearchForm): SearchRequestForm {
  const space: SearchSpace = {};
  if (form.rateMin.trim() !== '' || form.rateMax.trim() !== '') {
    const min = Number(form.rateMin);
    const max = Number(form.rateMax);
    if (!(min > 0)) return { ok: false, field: 'rateMin', message: 'the smallest rate must be a number above 0' };
    if (!(max >= min))
      return { ok: false, field: 'rateMax', message: 'the largest rate must be at least the smallest' };
    space.learningRate = { min, max };
  }
  const batchText = form.batchSizes.trim();
  if (batchText !== '') {
    const full = batchText.split(',').some((p) => p.trim() === 'full');
    const sizes = positiveList(batchText.replace(/\bfull\b/g, ''));
    if (sizes === 'bad')
      return { ok: false, field: 'batchSizes', message: 'batch sizes are whole numbers (or full), like 8, 32, full' };
    space.batchSize = [...sizes, ...(full ? ['full' as const] : [])] as BatchSize[];
  }
  if (form.units.trim() !== '') {
    const units = positiveList(form.units);
    if (units === 'bad') return { ok: false, field: 'units', message: 'units are whole numbers, like 4, 8, 16' };
    space.units = units;
  }
  if (form.activations.length) space.activation = [...form.activations];
  if (form.optimizers.length) space.optimizer = [...form.optimizers];
  if (Object.keys(space).length === 0)
    return { ok: false, field: 'rateMin', message: 'choose at least one thing to search' };
  const trials = Number(form.trials);
  if (!Number.isInteger(trials) || trials < 1 || trials > 1000)
    return { ok: false, field: 'trials', message: 'trials must be a whole number from 1 to 1000' };
  if (form.epochs.trim() === '') return { ok: true, space, trials };
  const epochs = Number(form.epochs);
  if (!Number.isInteger(epochs) || epochs < 1)
    return { ok: false, field: 'epochs', message: 'epochs must be a whole number' };
  return { ok: true, space, trials, epochs };
}
