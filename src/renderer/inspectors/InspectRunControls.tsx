import type { InspectionRun } from '../stores/inspect-store';
import { InspectDataControl } from './InspectDataControl';
import { TrainStepsControl } from './TrainStepsControl';

export interface InspectRunControlsProps {
  run: InspectionRun | null;
  /** Null without an engine: the controls are then disabled. */
  runInspect: ((steps?: number) => void) | null;
}

/** The controls every inspection panel shares: which data, "Train N steps, then inspect", "Inspect as it is". */
export function InspectRunControls({ run, runInspect }: InspectRunControlsProps) {
  return (
    <>
      <InspectDataControl onChange={runInspect && (() => runInspect(run?.steps ?? 0))} />
      <TrainStepsControl onRun={runInspect} busy={run?.status === 'running'} />
      <button
        type="button"
        className="bs-button bs-button--outline"
        disabled={!runInspect || run?.status === 'running'}
        onClick={() => runInspect?.(0)}
      >
        Inspect as it is
      </button>
    </>
  );
}
