import { memo } from 'react';
import { INSPECT_DATASETS, type InspectDataset } from '../../protocol/inspect-messages';
import { useCompiledGraph } from '../stores/compiled-graph';
import { useInspectStore } from '../stores/inspect-store';

export interface InspectDataControlProps {
  /** Inspects again on the new data, with as many training steps as the last run. */
  onChange: (() => void) | null;
}

const MODEL_DATA = 'model';

/** The data inspections run on: the model's own, or a built-in 2-D set; offered only to models with 2 input features. */
export const InspectDataControl = memo(function InspectDataControl({ onChange }: InspectDataControlProps) {
  const { plan, shapes } = useCompiledGraph();
  const dataset = useInspectStore((s) => s.dataset);
  const setDataset = useInspectStore((s) => s.setDataset);
  const input = plan?.inputIds[0] === undefined ? undefined : shapes.get(plan.inputIds[0]);
  if (!input || input.length !== 2 || input[1] !== 2) return null;
  return (
    <label className="bs-insp-steps">
      Data
      <select
        value={dataset ?? MODEL_DATA}
        disabled={!onChange}
        onChange={(e) => {
          const value = e.target.value;
          setDataset(value === MODEL_DATA ? null : (value as InspectDataset));
          onChange?.();
        }}
      >
        <option value={MODEL_DATA}>the model's own</option>
        {INSPECT_DATASETS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
});
