import { activationTypes, type BatchSize, optimizerTypes, type SearchSpace } from '../core';
import { choice, type OptionSpecs, type ParsedArgs, positiveInteger, positiveNumber, stringFlag } from './args';
import { UsageError } from './errors';

export const spaceOptions = {
  lr: { type: 'string' },
  'batch-size': { type: 'string' },
  units: { type: 'string' },
  'units-node': { type: 'string' },
  activation: { type: 'string' },
  optimizer: { type: 'string' },
} as const satisfies OptionSpecs;

export const spaceOptionsHelp = `  --lr MIN:MAX        learning rates on a log scale (or a list: --lr 0.01,0.1)
  --batch-size A,B    batch sizes (N or full)
  --units A,B         units of every hidden dense layer (or of --units-node ID alone)
  --activation A,B    types for the hidden activations (${activationTypes().join(', ')})
  --optimizer A,B     optimizer types (${optimizerTypes.join(', ')})`;

/** The search space the flags describe; a dimension without its flag keeps the model's setting. */
export function spaceFromFlags(command: string, parsed: ParsedArgs): SearchSpace {
  const list = (flag: string) =>
    stringFlag(parsed, flag)
      ?.split(',')
      .map((s) => s.trim());
  const space: SearchSpace = {};
  const lr = stringFlag(parsed, 'lr');
  if (lr !== undefined) space.learningRate = rates(command, lr);
  const batches = list('batch-size');
  if (batches)
    space.batchSize = batches.map(
      (b): BatchSize => (b === 'full' ? 'full' : positiveInteger(command, 'batch-size', b)),
    );
  const units = list('units');
  if (units) space.units = units.map((u) => positiveInteger(command, 'units', u));
  const activations = list('activation');
  if (activations) space.activation = activations.map((a) => choice(command, 'activation', a, activationTypes()));
  const optimizers = list('optimizer');
  if (optimizers) space.optimizer = optimizers.map((o) => choice(command, 'optimizer', o, optimizerTypes));
  if (Object.keys(space).length === 0)
    throw new UsageError(
      'nothing to search: give at least one of --lr, --batch-size, --units, --activation, --optimizer',
      command,
    );
  return space;
}

function rates(command: string, text: string): SearchSpace['learningRate'] {
  const range = /^([^:]+):([^:]+)$/.exec(text);
  if (!range) return text.split(',').map((r) => positiveNumber(command, 'lr', r));
  const min = positiveNumber(command, 'lr', range[1]);
  const max = positiveNumber(command, 'lr', range[2]);
  if (max < min) throw new UsageError(`--lr ${text}: the range must run from low to high`, command);
  return { min, max };
}
