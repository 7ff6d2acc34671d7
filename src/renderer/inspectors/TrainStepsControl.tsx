import { memo, useId } from 'react';
import { useInspectStore } from '../stores/inspect-store';

export interface TrainStepsControlProps {
  /** Null without an engine: the control is then disabled. */
  onRun: ((steps: number) => void) | null;
  busy: boolean;
}

const MAX_STEPS = 5000;

/** "Train [50] steps, then inspect": runs the inspection after training a copy of the network. */
export const TrainStepsControl = memo(function TrainStepsControl({ onRun, busy }: TrainStepsControlProps) {
  const steps = useInspectStore((s) => s.trainSteps);
  const setSteps = useInspectStore((s) => s.setTrainSteps);
  const id = useId();
  return (
    <div className="bs-insp-steps">
      <label htmlFor={id}>Train</label>
      <input
        id={id}
        type="number"
        min={1}
        max={MAX_STEPS}
        value={steps}
        onChange={(e) => setSteps(Math.min(MAX_STEPS, Math.max(1, Math.round(Number(e.target.value) || 1))))}
        aria-label="Training steps before inspecting"
      />
      <button
        type="button"
        className="bs-button bs-button--outline"
        disabled={!onRun || busy}
        onClick={() => onRun?.(steps)}
        title="Trains a copy of the network (your weights stay as they are) and records every few steps"
      >
        steps, then inspect
      </button>
    </div>
  );
});
