import { memo, useRef } from 'react';
import type { ScalingKind } from '../../core/data/scaling';
import type { TrainingJson } from '../../core/graph/training';
import type { CsvLabelType, DatasetPreviewResult } from '../../protocol/training';
import { useTrainingStore } from '../stores/training-store';
import { type Choice, ChoiceSetting } from './ChoiceSetting';
import { CsvPreviewTable } from './CsvPreviewTable';
import { withDatasetFields } from './training-edits';
import type { EditTraining } from './useTrainingSection';

type Table = Extract<DatasetPreviewResult, { kind: 'table' }>;
type Scaling = ScalingKind;

export interface CsvFieldsProps {
  training: TrainingJson | undefined;
  edit: EditTraining;
  table: Table | null;
}

const labelTypes: Choice<CsvLabelType>[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'categorical', label: 'Categorical' },
  { value: 'numeric', label: 'Numeric' },
];

const scalingLabels: Record<Scaling, string> = {
  none: 'None',
  min_max: 'Min-max to [0, 1]',
  min_max_symmetric: 'Min-max to [-1, 1]',
  z_score: 'Standardise (z-score)',
  log: 'Log',
};
const scalingKinds = Object.keys(scalingLabels) as Scaling[];

/** A CSV file chosen by the user: which column is the label, which are features, how to scale them. */
export const CsvFields = memo(function CsvFields({ training, edit, table }: CsvFieldsProps) {
  const input = useRef<HTMLInputElement>(null);
  const csvFile = useTrainingStore((s) => s.csvFile);
  const setCsvFile = useTrainingStore((s) => s.setCsvFile);
  const spec = training?.dataset;
  const labelType: CsvLabelType = spec?.labelType ?? 'auto';
  const header = table?.header ?? [];
  const label = spec?.label ?? header[header.length - 1];
  const features = spec?.features ?? header.filter((h) => h !== label);

  async function choose(file: File | undefined): Promise<void> {
    if (!file) return;
    setCsvFile({ name: file.name, text: await file.text() });
    edit(
      withDatasetFields(training, { csv: file.name, features: undefined, label: undefined, labelType: undefined }),
      'dataset.csv',
    );
  }

  function toggleFeature(name: string, on: boolean): void {
    const next = header.filter((h) => h !== label && (h === name ? on : features.includes(h)));
    edit(
      withDatasetFields(training, { features: next.length === header.length - 1 ? undefined : next }),
      'dataset.features',
    );
  }

  return (
    <>
      <div className="bs-field bs-train__field">
        <span className="bs-field__label">File</span>
        <div className="bs-field__control bs-train__file">
          <button type="button" className="bs-button bs-train__button" onClick={() => input.current?.click()}>
            Choose CSV file…
          </button>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv,text/plain"
            hidden
            aria-label="CSV file"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
        <p className="bs-field__help">
          {csvFile
            ? `${csvFile.name}${table ? ` · ${table.rowCount.toLocaleString('en-US')} rows` : ''}`
            : spec?.csv
              ? `The model names ${spec.csv}: choose that file to preview and train on it.`
              : 'A table of numbers: one sample per row, one column the label.'}
        </p>
      </div>
      {table && (
        <>
          <p className="bs-muted bs-train__note">
            {table.hasHeader ? 'The first row names the columns.' : 'No header row: columns are numbered.'}
          </p>
          <ChoiceSetting
            label="Label column"
            value={label ?? ''}
            choices={header.map((h) => ({ value: h, label: h }))}
            onChange={(value) =>
              edit(withDatasetFields(training, { label: value, features: undefined }), 'dataset.label')
            }
          />
          <fieldset className="bs-train__features">
            <legend className="bs-field__label">Features</legend>
            {header
              .filter((h) => h !== label)
              .map((h) => (
                <label key={h} className="bs-train__check">
                  <input
                    type="checkbox"
                    checked={features.includes(h)}
                    onChange={(e) => toggleFeature(h, e.target.checked)}
                  />
                  {h}
                </label>
              ))}
          </fieldset>
          <ChoiceSetting
            label="Label type"
            value={labelType}
            choices={labelTypes}
            help="Categorical labels become one-hot classes; numeric ones a value to regress. Detect: categorical when any label is text."
            onChange={(value) =>
              edit(
                withDatasetFields(training, { labelType: value === 'auto' ? undefined : value }),
                'dataset.labelType',
              )
            }
          />
          <ChoiceSetting
            label="Scaling"
            value={(spec?.scaling ?? 'none') as Scaling}
            choices={scalingKinds.map((k) => ({ value: k, label: scalingLabels[k] }))}
            help="Fitted on the training split only, then applied to every split."
            onChange={(scaling) =>
              edit(
                withDatasetFields(training, { scaling: scaling === 'none' ? undefined : scaling }),
                'dataset.scaling',
              )
            }
          />
          {table.problem && (
            <p className="bs-train__error" role="alert">
              {table.problem.message.charAt(0).toUpperCase() + table.problem.message.slice(1)}
            </p>
          )}
          {table.classes && <p className="bs-muted bs-train__note">Classes: {table.classes.join(', ')}</p>}
          <CsvPreviewTable
            header={header}
            rows={table.rows}
            rowCount={table.rowCount}
            columnTypes={table.columnTypes}
            label={label}
            features={features}
          />
        </>
      )}
    </>
  );
});
