import { memo } from 'react';
import type { TrainingJson } from '../../core/graph/training';
import { type Choice, ChoiceSetting } from './ChoiceSetting';
import { NumberSetting } from './NumberSetting';
import type { EditTraining } from './useTrainingSection';

type Mode = 'one' | 'mini' | 'full';

const modes: Choice<Mode>[] = [
  { value: 'one', label: '1 sample (online)' },
  { value: 'mini', label: 'Mini-batch of N' },
  { value: 'full', label: 'Full batch' },
];

export interface BatchSizeFieldProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
}

/** Samples per update: one at a time, N at a time, or the whole training split. */
export const BatchSizeField = memo(function BatchSizeField({ training, edit }: BatchSizeFieldProps) {
  const size = training?.batchSize;
  const mode: Mode = size === 'full' ? 'full' : size === 1 ? 'one' : 'mini';
  const setSize = (batchSize: TrainingJson['batchSize']) => edit({ ...training, batchSize }, 'batchSize');
  return (
    <>
      <ChoiceSetting
        label="Batch"
        value={mode}
        choices={modes}
        help={
          mode === 'full' ? 'One steady step per epoch.' : mode === 'one' ? 'Noisy steps, many per epoch.' : undefined
        }
        onChange={(next) => setSize(next === 'full' ? 'full' : next === 'one' ? 1 : 32)}
      />
      {mode === 'mini' && (
        <NumberSetting
          label="Batch size N"
          integer
          value={typeof size === 'number' ? size : undefined}
          placeholder="32"
          onCommit={(n) => setSize(n)}
        />
      )}
    </>
  );
});
