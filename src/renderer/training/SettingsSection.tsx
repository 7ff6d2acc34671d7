import { memo } from 'react';
import { useGraphStore } from '../stores/graph-store';
import { useTrainingStore } from '../stores/training-store';
import { BatchSizeField } from './BatchSizeField';
import { NumberSetting } from './NumberSetting';
import { OptimizerFields } from './OptimizerFields';
import { RegularizationFields } from './RegularizationFields';
import { ScheduleFields } from './ScheduleFields';
import { useTrainingSection } from './useTrainingSection';
import { WeightsTools } from './WeightsTools';

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="bs-train__group">
      <legend className="bs-panel-heading">{title}</legend>
      {children}
    </fieldset>
  );
}

/** How to train: batches, length, optimizer, learning rate, penalties, seed; all saved in the model file. */
export const SettingsSection = memo(function SettingsSection() {
  const { training, edit } = useTrainingSection();
  const running = useTrainingStore((s) => s.status === 'running' || s.status === 'paused' || s.status === 'stopping');
  const sampleRows = useGraphStore((s) => s.model.sample?.input.length ?? 0);
  const spec = training?.dataset;
  const split = training?.split;
  const trainShare = 1 - (split?.validation ?? 0) - (split?.test ?? 0);
  const trainSamples = Math.max(1, Math.round((spec ? (spec.samples ?? 1000) : sampleRows) * trainShare));
  return (
    <div className="bs-train__form" aria-label="Settings">
      <Group title="Length">
        <BatchSizeField training={training} edit={edit} />
        <NumberSetting
          label="Epochs"
          integer
          value={training?.epochs}
          placeholder="1"
          help="Passes over the training split."
          onCommit={(epochs) => edit({ ...training, epochs }, 'epochs')}
        />
        <NumberSetting
          label="Max steps"
          integer
          value={training?.steps}
          placeholder="no cap"
          onCommit={(steps) => edit({ ...training, steps }, 'steps')}
        />
      </Group>
      <Group title="Optimizer">
        <OptimizerFields training={training} edit={edit} />
        <ScheduleFields training={training} edit={edit} trainSamples={trainSamples} />
      </Group>
      <Group title="Regularisation">
        <RegularizationFields training={training} edit={edit} />
      </Group>
      <Group title="Starting point">
        <NumberSetting
          label="Seed"
          integer
          value={training?.seed}
          placeholder="0"
          help="Seeds the initial weights, the split, the shuffles and dropout."
          onCommit={(seed) => edit({ ...training, seed }, 'seed')}
        />
        <WeightsTools disabled={running} />
      </Group>
    </div>
  );
});
