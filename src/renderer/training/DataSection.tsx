import { memo } from 'react';
import type { DatasetName } from '../../core/graph/training';
import type { CsvLabelType } from '../../protocol/training';
import { useGraphStore } from '../stores/graph-store';
import { useTrainingStore } from '../stores/training-store';
import { AugmentFields } from './AugmentFields';
import { type Choice, ChoiceSetting } from './ChoiceSetting';
import { CsvFields } from './CsvFields';
import { DigitGrid } from './DigitGrid';
import { NumberSetting } from './NumberSetting';
import { PlaneSetFields } from './PlaneSetFields';
import { PointsPreview } from './PointsPreview';
import { SplitFields } from './SplitFields';
import { type DataChoice, dataChoice, planeSets, withDataChoice, withDatasetFields } from './training-edits';
import { useDatasetPreview } from './useDatasetPreview';
import { useTrainingSection } from './useTrainingSection';

const setChoices: Choice<DataChoice>[] = [
  { value: 'xor', label: 'XOR (2D)' },
  { value: 'circle', label: 'Circle (2D)' },
  { value: 'gaussians', label: 'Two Gaussians (2D)' },
  { value: 'spiral', label: 'Spiral (2D)' },
  { value: 'digits', label: 'Handwritten digits' },
  { value: 'csv', label: 'CSV file…' },
];

/** Where the training data comes from, how it is split, and a look at its first samples. */
export const DataSection = memo(function DataSection() {
  const { training, edit } = useTrainingSection();
  const sampleRows = useGraphStore((s) => (s.model.sample?.target ? s.model.sample.input.length : 0));
  const csvFile = useTrainingStore((s) => s.csvFile);
  const choice = dataChoice(training);
  const labelType: CsvLabelType = training?.dataset?.labelType ?? 'auto';
  const csv = choice === 'csv' && csvFile ? { text: csvFile.text, labelType } : undefined;
  const { preview, error, loading } = useDatasetPreview(training?.dataset, csv);
  const choices: Choice<DataChoice>[] = [
    { value: 'sample', label: sampleRows ? `Model's sample (${sampleRows} rows)` : 'None chosen' },
    ...setChoices,
  ];
  return (
    <div className="bs-train__form" aria-label="Data">
      <ChoiceSetting
        label="Dataset"
        value={choice}
        choices={choices}
        onChange={(next) => edit(withDataChoice(training, next, csvFile?.name), 'dataset')}
      />
      {loading && !preview && <p className="bs-muted bs-train__note">Reading the data…</p>}
      {preview?.kind === 'points' && (
        <div className="bs-field bs-train__field">
          <span className="bs-field__label">Preview</span>
          <div className="bs-field__control">
            <PointsPreview xy={preview.xy} labels={preview.labels} size={150} />
          </div>
        </div>
      )}
      {preview?.kind === 'images' && (
        <DigitGrid
          pixels={preview.pixels}
          labels={preview.labels}
          height={preview.height}
          width={preview.width}
          count={preview.count}
        />
      )}
      {choice === 'sample' && (
        <p className="bs-muted bs-train__note">
          {sampleRows
            ? "Trains on the model's own sample, every row in each batch. Pick a dataset for more data and curves."
            : 'Pick a dataset to train on.'}
        </p>
      )}
      {planeSets.includes(choice as DatasetName) && <PlaneSetFields training={training} edit={edit} />}
      {choice === 'digits' && (
        <NumberSetting
          label="Images"
          integer
          value={training?.dataset?.samples}
          placeholder="all"
          help="The first N images of the bundled set; more train better and slower."
          onCommit={(samples) => edit(withDatasetFields(training, { samples }), 'dataset.samples')}
        />
      )}
      {choice === 'csv' && (
        <CsvFields training={training} edit={edit} table={preview?.kind === 'table' ? preview : null} />
      )}
      {choice !== 'sample' && <SplitFields training={training} edit={edit} />}
      {choice === 'digits' && <AugmentFields training={training} edit={edit} />}
      {error && (
        <p className="bs-train__error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
});
