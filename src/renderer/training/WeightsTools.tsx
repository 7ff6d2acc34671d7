import { memo, useRef, useState } from 'react';
import { runAction } from '../actions/registry';
import { useGraphStore } from '../stores/graph-store';
import { useTrainingStore } from '../stores/training-store';

interface Report {
  tone: 'info' | 'error';
  text: string;
  details: string[];
}

/** Start over from fresh weights, or take trained weights from another model file (fine-tuning). */
export const WeightsTools = memo(function WeightsTools({ disabled }: { disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<Report | null>(null);
  const hasWeights = useGraphStore((s) => s.model.nodes.some((n) => n.params !== undefined));
  const clearCurves = useTrainingStore((s) => s.clearCurves);

  function reset(): void {
    const outcome = runAction('reset-weights');
    clearCurves();
    setReport(
      outcome.ok ? { tone: 'info', text: 'Weights cleared: the next run starts from the seed.', details: [] } : null,
    );
  }

  async function load(file: File | undefined): Promise<void> {
    if (!file) return;
    const outcome = runAction('load-weights', { text: await file.text(), fileName: file.name });
    if (!outcome.ok) {
      setReport({ tone: 'error', text: outcome.reason, details: [] });
      return;
    }
    const { copied, skipped } = outcome.value;
    setReport({
      tone: copied.length ? 'info' : 'error',
      text: `Copied ${copied.length} parameter${copied.length === 1 ? '' : 's'} from ${file.name}; skipped ${skipped.length}.`,
      details: skipped.map((s) => `${s.nodeId}.${s.param}: ${s.reason}`),
    });
  }

  return (
    <div className="bs-train__weights">
      <button type="button" className="bs-button bs-train__button" disabled={disabled || !hasWeights} onClick={reset}>
        Reset weights
      </button>
      <button
        type="button"
        className="bs-button bs-train__button"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Load weights from file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Model file to load weights from"
        onChange={(e) => {
          void load(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {report && (
        <div className={`bs-train__report bs-train__report--${report.tone}`} role="status">
          <span>{report.text}</span>
          {report.details.length > 0 && (
            <details>
              <summary>What was skipped</summary>
              <ul>
                {report.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" className="bs-train__dismiss" aria-label="Dismiss" onClick={() => setReport(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
});
