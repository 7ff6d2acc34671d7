import { memo } from 'react';
import { useTrainingStore } from '../stores/training-store';
import { count, duration, lossText, percent } from './run-format';
import { useTrainingRun } from './useTrainingRun';

export interface RunControlsProps {
  /** Why training cannot start now, if it cannot. */
  blocked: string | null;
}

const statusText = {
  idle: 'Ready',
  running: 'Training',
  paused: 'Paused',
  stopping: 'Stopping…',
  done: 'Done',
  error: 'Failed',
};

/** Start, Pause/Resume and Stop, with a progress bar, the throughput and the time left. */
export const RunControls = memo(function RunControls({ blocked }: RunControlsProps) {
  const { start, pause, resume, stop } = useTrainingRun();
  const status = useTrainingStore((s) => s.status);
  const numbers = useTrainingStore((s) => s.numbers);
  const active = status === 'running' || status === 'paused' || status === 'stopping';
  const finished = useTrainingStore((s) => s.result?.reason === 'finished');
  const fraction = finished ? 1 : (numbers?.progress ?? 0);
  return (
    <div className="bs-train__run">
      <div className="bs-train__buttons">
        <button
          type="button"
          className="bs-button bs-button--primary bs-train__button"
          disabled={active || blocked !== null}
          title={blocked ?? 'Train from the weights the model holds now'}
          onClick={start}
        >
          <span aria-hidden="true">▶</span> Start
        </button>
        {status === 'paused' ? (
          <button type="button" className="bs-button bs-train__button" onClick={resume}>
            Resume
          </button>
        ) : (
          <button type="button" className="bs-button bs-train__button" disabled={status !== 'running'} onClick={pause}>
            Pause
          </button>
        )}
        <button
          type="button"
          className="bs-button bs-train__button"
          disabled={!active || status === 'stopping'}
          onClick={stop}
        >
          Stop
        </button>
      </div>
      <div className="bs-train__progress">
        <div className="bs-train__progress-head">
          <span className={`bs-train__status bs-train__status--${status}`} data-testid="training-status">
            {statusText[status]}
          </span>
          <span className="bs-muted">
            {numbers
              ? `loss ${lossText(numbers.loss)} · accuracy ${percent(numbers.accuracy)}`
              : (blocked ?? 'Press Start to train')}
          </span>
        </div>
        <div
          className="bs-train__bar"
          role="progressbar"
          aria-label="Training progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
        >
          <div className={`bs-train__bar-fill bs-train__bar-fill--${status}`} style={{ width: `${fraction * 100}%` }} />
        </div>
        <div className="bs-muted bs-train__rates">
          <span>
            {numbers
              ? `step ${count(numbers.step)}${Number.isFinite(numbers.totalSteps) ? ` / ${count(numbers.totalSteps)}` : ''} · epoch ${numbers.epoch + 1}`
              : ''}
          </span>
          <span>
            {numbers && numbers.stepsPerSecond > 0
              ? `${count(numbers.stepsPerSecond)} steps/s · ${count(numbers.samplesPerSecond)} samples/s`
              : ''}
            {active && numbers?.secondsLeft != null ? ` · ${duration(numbers.secondsLeft)} left` : ''}
          </span>
        </div>
      </div>
    </div>
  );
});
