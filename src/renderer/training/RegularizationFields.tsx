import { memo } from 'react';
import type { TrainingJson } from '../../core/graph/training';
import { NumberSetting } from './NumberSetting';
import type { EditTraining } from './useTrainingSection';

type Penalty = 'l1' | 'l2' | 'maxNorm' | 'clipNorm' | 'clipValue';

const penalties: { key: Penalty; label: string; help: string }[] = [
  { key: 'l1', label: 'L1', help: 'Adds l1 · Σ|w| to the loss: pushes weights to exactly 0.' },
  { key: 'l2', label: 'L2', help: 'Adds l2 · Σw² to the loss: keeps weights small.' },
  { key: 'maxNorm', label: 'Max-norm', help: "Caps each unit's incoming weight vector at this length." },
  { key: 'clipNorm', label: 'Clip norm', help: 'Scales all gradients down when their joint length exceeds this.' },
  { key: 'clipValue', label: 'Clip value', help: 'Clips every gradient value to ± this.' },
];

export interface RegularizationFieldsProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
}

/** Penalties on the weights and limits on the gradients; empty means off. */
export const RegularizationFields = memo(function RegularizationFields({ training, edit }: RegularizationFieldsProps) {
  return (
    <>
      {penalties.map(({ key, label, help }) => (
        <NumberSetting
          key={key}
          label={label}
          value={training?.[key]}
          placeholder="off"
          help={help}
          onCommit={(value) => edit({ ...training, [key]: value }, key)}
        />
      ))}
    </>
  );
});
