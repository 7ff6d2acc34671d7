import { memo } from 'react';
import type { SplitMetrics, TrainDoneResult } from '../../protocol/training';
import { useTrainingStore } from '../stores/training-store';
import { count, duration, lossText, percent } from './run-format';

function Metric({ label, metrics }: { label: string; metrics: SplitMetrics | undefined }) {
  return (
    <div className="bs-train__metric">
      <span className="bs-train__metric-label">{label} accuracy</span>
      <strong className="bs-train__metric-value">{metrics ? percent(metrics.accuracy) : '—'}</strong>
      <span className="bs-train__metric-detail">
        {metrics ? `loss ${lossText(metrics.loss)} · ${count(metrics.samples)} samples` : 'no split'}
      </span>
    </div>
  );
}

function reasonText(result: TrainDoneResult): string {
  const length = `${count(result.epochs)} epoch${result.epochs === 1 ? '' : 's'} (${count(result.steps)} steps) in ${duration(result.seconds)}`;
  if (result.reason === 'stopped') return `Stopped by you after ${length}.`;
  if (result.reason === 'non-finite') return `Stopped: a value became non-finite after ${length}.`;
  if (result.converged !== undefined)
    return result.converged ? `Converged: a pass without errors after ${length}.` : `Not separated after ${length}.`;
  return `Finished ${length}.`;
}

/** The run's outcome: accuracy on each split, why it ended, and what went wrong if anything did. */
export const ResultSummary = memo(function ResultSummary() {
  const result = useTrainingStore((s) => s.result);
  const error = useTrainingStore((s) => s.error);
  const commitError = useTrainingStore((s) => s.commitError);
  if (error) {
    const where = [
      error.line && `line ${error.line}`,
      error.column && `column ${error.column}`,
      error.nodeId && `node '${error.nodeId}'`,
    ]
      .filter(Boolean)
      .join(', ');
    return (
      <div className="bs-train__summary bs-train__summary--error" role="alert" data-testid="training-summary">
        <strong>Training could not run{where ? ` (${where})` : ''}.</strong> <span>{error.message}</span>
      </div>
    );
  }
  if (!result) return null;
  return (
    <section className="bs-train__summary" aria-label="Result" data-testid="training-summary">
      <div className="bs-train__metrics">
        <Metric label="Training" metrics={result.train} />
        <Metric label="Validation" metrics={result.validation} />
        <Metric label="Test" metrics={result.test} />
      </div>
      <p className={`bs-train__reason bs-train__reason--${result.reason}`}>{reasonText(result)}</p>
      {result.nonFinite && (
        <p className="bs-train__error" role="alert">
          Node <code>{result.nonFinite.nodeId ?? '?'}</code>, step {result.nonFinite.step}: {result.nonFinite.message}{' '}
          Try a lower learning rate or clip the gradients.
        </p>
      )}
      {commitError && <p className="bs-train__error">The trained weights were not stored: {commitError}</p>}
    </section>
  );
});
