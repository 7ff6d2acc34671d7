import './training.css';
import { memo, useEffect, useState } from 'react';
import { useEngineSession } from '../engine-client/engine-context';
import { useGraphStore } from '../stores/graph-store';
import { useTrainingStore } from '../stores/training-store';
import { Curves } from './Curves';
import { DataSection } from './DataSection';
import { DecisionBoundary } from './DecisionBoundary';
import { PerceptronTable } from './PerceptronTable';
import { ResultSummary } from './ResultSummary';
import { RunControls } from './RunControls';
import { SettingsSection } from './SettingsSection';

type Side = 'data' | 'settings';

/** Why Start cannot run now: no engine, a model the engine refused, or nothing to train on. */
function useBlocked(): string | null {
  const engine = useEngineSession((s) => s.engine.state);
  const model = useEngineSession((s) => s.model);
  const hasData = useGraphStore((s) => s.model.training?.dataset !== undefined || s.model.sample?.target !== undefined);
  if (engine !== 'ready') return 'The engine is not running.';
  if (model.state === 'error') return `Fix the model first: ${model.error.message}`;
  if (!hasData) return 'Choose a dataset under Data first.';
  return null;
}

/** The Training tab: data and settings on the left; run controls, curves, the boundary and the result on the right. */
export const TrainingPanel = memo(function TrainingPanel() {
  const [side, setSide] = useState<Side>('data');
  const blocked = useBlocked();
  const hasBoundary = useTrainingStore((s) => s.boundary !== null);
  const perceptron = useTrainingStore((s) => s.perceptron.epochs.length > 0);
  const documentId = useGraphStore((s) => s.documentId);
  const curvesDocument = useTrainingStore((s) => s.documentId);
  useEffect(() => {
    // Curves of another model say nothing about this one.
    if (curvesDocument !== null && curvesDocument !== documentId) useTrainingStore.getState().clearCurves(documentId);
  }, [curvesDocument, documentId]);
  return (
    <div className="bs-train">
      <aside className="bs-train__side">
        <div className="bs-train__tabs" role="tablist" aria-label="Training setup">
          {(['data', 'settings'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={side === id}
              className="bs-train__tab"
              onClick={() => setSide(id)}
            >
              {id === 'data' ? 'Data' : 'Settings'}
            </button>
          ))}
        </div>
        <div className="bs-train__side-body" role="tabpanel">
          {side === 'data' ? <DataSection /> : <SettingsSection />}
        </div>
      </aside>
      <div className="bs-train__main">
        <RunControls blocked={blocked} />
        {perceptron ? (
          <>
            <div className={`bs-train__views${hasBoundary ? ' has-side' : ''}`}>
              <PerceptronTable />
              {hasBoundary && <DecisionBoundary size={200} />}
            </div>
            <Curves height={180} perceptron />
          </>
        ) : (
          <div className={`bs-train__views${hasBoundary ? ' has-side' : ''}`}>
            <Curves height={hasBoundary ? 156 : 210} perceptron={false} />
            {hasBoundary && <DecisionBoundary size={200} />}
          </div>
        )}
        <ResultSummary />
      </div>
    </div>
  );
});
