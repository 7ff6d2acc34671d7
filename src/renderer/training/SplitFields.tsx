import { memo } from 'react';
import type { TrainingJson } from '../../core/graph/training';
import { NumberSetting } from './NumberSetting';
import type { EditTraining } from './useTrainingSection';

export interface SplitFieldsProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
}

const percent = (fraction: number | undefined) =>
  fraction === undefined ? undefined : Math.round(fraction * 1000) / 10;

/** Held-out shares in percent: validation to choose settings on, test to report on; training gets the rest. */
export const SplitFields = memo(function SplitFields({ training, edit }: SplitFieldsProps) {
  const split = training?.split;
  const validation = split?.validation ?? 0;
  const test = split?.test ?? 0;
  const trainShare = Math.max(0, Math.round((1 - validation - test) * 1000) / 10);
  const setShare = (key: 'validation' | 'test', value: number | undefined) =>
    edit({ ...training, split: { ...split, [key]: value === undefined ? undefined : value / 100 } }, `split.${key}`);
  return (
    <>
      <NumberSetting
        label="Validation %"
        value={percent(split?.validation)}
        placeholder="0"
        onCommit={(v) => setShare('validation', v)}
      />
      <NumberSetting
        label="Test %"
        value={percent(split?.test)}
        placeholder="0"
        help={`Training gets the rest: ${trainShare}%. Samples are shuffled with the training seed.`}
        onCommit={(v) => setShare('test', v)}
      />
    </>
  );
});
