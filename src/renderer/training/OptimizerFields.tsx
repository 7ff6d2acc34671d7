import { memo } from 'react';
import type { TrainingJson } from '../../core/graph/training';
import { ChoiceSetting } from './ChoiceSetting';
import { SpecFields } from './SpecFields';
import { optimizerChoices, optimizerSettings } from './setting-specs';
import { optimizerOf, withOptimizerFields, withOptimizerType } from './training-edits';
import type { EditTraining } from './useTrainingSection';

export interface OptimizerFieldsProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
}

/** The optimizer and its own settings (momentum, beta1, beta2, rho, epsilon...). */
export const OptimizerFields = memo(function OptimizerFields({ training, edit }: OptimizerFieldsProps) {
  const optimizer = optimizerOf(training);
  return (
    <>
      <ChoiceSetting
        label="Optimizer"
        value={optimizer.type}
        choices={optimizerChoices}
        onChange={(type) => edit(withOptimizerType(training, type), 'optimizer.type')}
      />
      <SpecFields
        specs={optimizerSettings[optimizer.type]}
        values={optimizer}
        onCommit={(key, value) => edit(withOptimizerFields(training, { [key]: value }), `optimizer.${key}`)}
      />
    </>
  );
});
