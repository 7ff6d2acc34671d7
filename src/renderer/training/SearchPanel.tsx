import './training.css';
import { memo, useCallback, useState } from 'react';
import type { TrialResult } from '../../core/train/search/search-model';
import { runAction } from '../actions/registry';
import { useEngineClient } from '../engine-client/engine-context';
import { useGraphStore } from '../stores/graph-store';
import { useSearchStore } from '../stores/search-store';
import { useTrainingStore } from '../stores/training-store';
import { lossText, percent } from './run-format';
import { SearchFormFields } from './SearchFormFields';
import { SearchResultsTable } from './SearchResultsTable';
import { SearchScatter } from './SearchScatter';
import { trainStartParams } from './training-commands';

function configText(trial: TrialResult): string {
  const { learningRate, batchSize, units, activation, optimizer } = trial.config;
  return [
    learningRate !== undefined && `rate ${learningRate.toPrecision(3)}`,
    batchSize !== undefined && `batch ${batchSize}`,
    units !== undefined && `${units} units`,
    activation,
    optimizer,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The Search tab: trials train in the engine one after another; the best can be applied to the graph. */
export const SearchPanel = memo(function SearchPanel() {
  const client = useEngineClient();
  const { status, trials, total, result, error } = useSearchStore();
  const [applied, setApplied] = useState<string | null>(null);
  const running = status === 'running' || status === 'stopping';

  const start = useCallback(() => {
    setApplied(null);
    const { csvFile, labelType } = useTrainingStore.getState();
    const { model, csv } = trainStartParams(useGraphStore.getState().model, csvFile, labelType);
    void useSearchStore.getState().start(client, model, csv);
  }, [client]);

  const apply = useCallback((trial: TrialResult) => {
    const outcome = runAction('apply-search-config', { config: trial.config });
    setApplied(outcome.ok ? `Applied trial ${trial.index + 1} (${configText(trial)}) to the model.` : outcome.reason);
  }, []);

  const best = result?.best;
  return (
    <div className="bs-train">
      <aside className="bs-train__side">
        <div className="bs-train__side-body">
          <SearchFormFields />
        </div>
      </aside>
      <div className="bs-train__main">
        <div className="bs-train__run">
          <div className="bs-train__buttons">
            <button
              type="button"
              className="bs-button bs-button--primary bs-train__button"
              disabled={running}
              onClick={start}
            >
              Search
            </button>
            <button
              type="button"
              className="bs-button bs-train__button"
              disabled={status !== 'running'}
              onClick={() => void useSearchStore.getState().stop(client)}
            >
              Stop search
            </button>
          </div>
          <div className="bs-train__progress">
            <div className="bs-train__progress-head">
              <span className="bs-train__status" data-testid="search-status">
                {running
                  ? `Trial ${Math.min(trials.length + 1, total)} of ${total}`
                  : status === 'done'
                    ? 'Done'
                    : 'Ready'}
              </span>
              <span className="bs-muted">
                {trials.length} of {total || '…'} trials
              </span>
            </div>
            <div
              className="bs-train__bar"
              role="progressbar"
              aria-label="Search progress"
              aria-valuenow={trials.length}
              aria-valuemin={0}
              aria-valuemax={total}
            >
              <div className="bs-train__bar-fill" style={{ width: `${total ? (trials.length / total) * 100 : 0}%` }} />
            </div>
          </div>
          {best && (
            <button type="button" className="bs-button bs-train__button" onClick={() => apply(best)} disabled={running}>
              Apply best
            </button>
          )}
        </div>
        <p className="bs-muted bs-train__note">
          Each trial trains fresh weights on the training split and is scored on the validation split; the best is then
          measured once on the test split.
        </p>
        {error && (
          <p className="bs-train__error" role="alert">
            {error}
          </p>
        )}
        {applied && (
          <p className="bs-train__report" role="status">
            {applied}
          </p>
        )}
        {best && (
          <p className="bs-train__reason" data-testid="search-best">
            Best: trial {best.index + 1} ({configText(best)}) · validation accuracy {percent(best.valAccuracy)}, loss{' '}
            {lossText(best.valLoss)}
            {result?.test ? ` · test accuracy ${percent(result.test.accuracy)}` : ''}
          </p>
        )}
        {trials.length > 0 ? (
          <div className="bs-train__views">
            <div className="bs-train__curves">
              <SearchScatter trials={trials} height={220} />
            </div>
            <div className="bs-train__search-table">
              <SearchResultsTable trials={trials} bestIndex={best?.index} onApply={apply} />
            </div>
          </div>
        ) : (
          <div className="bs-train__empty">
            <p className="bs-muted">Choose what to vary on the left, then Search. Trials appear here as they finish.</p>
          </div>
        )}
      </div>
    </div>
  );
});
