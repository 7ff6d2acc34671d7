import { memo, useId } from 'react';
import type { TrainingJson } from '../../core/graph/training';
import { NumberSetting } from './NumberSetting';
import { withDatasetFields } from './training-edits';
import type { EditTraining } from './useTrainingSection';

export interface PlaneSetFieldsProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
}

/** The Playground's knobs for a 2D set: label noise (its 0 to 50 slider), samples and the drawing seed. */
export const PlaneSetFields = memo(function PlaneSetFields({ training, edit }: PlaneSetFieldsProps) {
  const id = useId();
  const spec = training?.dataset;
  const noise = Math.round((spec?.noise ?? 0) * 100);
  return (
    <>
      <div className="bs-field bs-train__field">
        <label htmlFor={id} className="bs-field__label">
          Noise
        </label>
        <div className="bs-field__control bs-train__slider">
          <input
            id={id}
            type="range"
            min={0}
            max={50}
            step={5}
            value={noise}
            onChange={(e) =>
              edit(withDatasetFields(training, { noise: Number(e.target.value) / 100 }), 'dataset.noise')
            }
          />
          <output htmlFor={id} className="bs-mono">
            {noise}
          </output>
        </div>
      </div>
      <NumberSetting
        label="Samples"
        integer
        value={spec?.samples}
        placeholder="200"
        onCommit={(samples) => edit(withDatasetFields(training, { samples }), 'dataset.samples')}
      />
      <NumberSetting
        label="Data seed"
        integer
        value={spec?.seed}
        placeholder="0"
        help="Draws another set of points of the same shape."
        onCommit={(seed) => edit(withDatasetFields(training, { seed }), 'dataset.seed')}
      />
    </>
  );
});
