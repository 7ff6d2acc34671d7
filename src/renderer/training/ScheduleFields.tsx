import { memo } from 'react';
import type { TrainingJson } from '../../core/graph/training';
import type { ScheduleConfig } from '../../core/train/schedules/factory';
import { ChoiceSetting } from './ChoiceSetting';
import { ScheduleChart } from './ScheduleChart';
import { SpecFields } from './SpecFields';
import { type RateChoice, scheduleChoices, scheduleSettings } from './setting-specs';
import { initialRate, optimizerOf, plannedSteps, scheduleOfType, withOptimizerFields } from './training-edits';
import type { EditTraining } from './useTrainingSection';

export interface ScheduleFieldsProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
  /** Training samples the run will see, for the steps the schedule is drawn over. */
  trainSamples: number;
}

/** The learning rate: a constant or a schedule with its settings, drawn over the run's steps. */
export const ScheduleFields = memo(function ScheduleFields({ training, edit, trainSamples }: ScheduleFieldsProps) {
  const rate = optimizerOf(training).learningRate;
  const start = initialRate(training);
  const planned = plannedSteps(training, trainSamples);
  const steps = Number.isFinite(planned) ? planned : 1000;
  const choice: RateChoice = rate === undefined || typeof rate === 'number' ? 'constant' : rate.type;
  const values: Record<string, unknown> = typeof rate === 'object' ? rate : { learningRate: rate ?? undefined };
  const setRate = (next: number | ScheduleConfig | undefined, field: string) =>
    edit(withOptimizerFields(training, { learningRate: next }), field);
  return (
    <>
      <ChoiceSetting
        label="Rate schedule"
        value={choice}
        choices={scheduleChoices}
        onChange={(type) => setRate(scheduleOfType(type, start, steps), 'optimizer.learningRate')}
      />
      {choice === 'constant' ? (
        <SpecFields
          specs={[{ key: 'learningRate', label: 'Learning rate', kind: 'number', placeholder: String(start) }]}
          values={values}
          onCommit={(_, value) => setRate(value as number | undefined, 'optimizer.learningRate')}
        />
      ) : (
        <SpecFields
          specs={scheduleSettings[choice]}
          values={values}
          onCommit={(key, value) =>
            setRate({ ...(rate as ScheduleConfig), [key]: value } as ScheduleConfig, `optimizer.learningRate.${key}`)
          }
        />
      )}
      <div className="bs-train__schedule">
        <ScheduleChart schedule={rate ?? start} steps={steps} />
      </div>
    </>
  );
});
