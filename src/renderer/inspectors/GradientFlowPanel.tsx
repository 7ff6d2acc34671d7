import './inspectors.css';
import { useState } from 'react';
import { FlowFlags } from './FlowFlags';
import { GradientBars } from './GradientBars';
import { GradientHistory } from './GradientHistory';
import type { GradientMetric } from './gradient-metric';
import { InspectorBar } from './InspectorBar';
import { InspectRunControls } from './InspectRunControls';
import { inspectionSummary } from './inspection-summary';
import { RunNotice } from './RunNotice';
import { Segmented } from './Segmented';
import { ThresholdsPopover } from './ThresholdsPopover';
import { useAutoInspect, useCurrentInspection, useRunInspect } from './useInspection';
import { useNodeTitle } from './useNodeTitle';

type View = 'pass' | 'training';

const CHART_HEIGHT = 250;
const metricOptions = [
  { value: 'norm', text: 'L2 norm' },
  { value: 'meanAbs', text: 'mean |·|' },
] as const;

/** The Gradient flow tab: how large each layer's gradient is, which layers are flagged, and why. */
export function GradientFlowPanel() {
  useAutoInspect();
  const run = useCurrentInspection();
  const runInspect = useRunInspect();
  const titleOf = useNodeTitle();
  const [metric, setMetric] = useState<GradientMetric>('norm');
  const [view, setView] = useState<View>('pass');
  const result = run?.result;
  const hasHistory = (result?.history.length ?? 0) > 1;
  const shown: View = hasHistory ? view : 'pass';

  return (
    <div className="bs-insp" data-testid="gradient-flow-panel">
      <InspectorBar title="Gradient flow" meta={result ? inspectionSummary(result) : undefined}>
        <Segmented<GradientMetric> label="Gradient size" options={metricOptions} value={metric} onChange={setMetric} />
        <InspectRunControls run={run} runInspect={runInspect} />
        <ThresholdsPopover onApplied={() => runInspect?.(run?.steps ?? 0)} />
      </InspectorBar>
      <RunNotice
        run={run}
        idle={runInspect ? 'Inspecting the graph…' : 'The inspectors need the engine, which this page does not run.'}
        running="Running a forward and backward pass…"
      />
      {result && (
        <div className="bs-insp__body bs-insp-flow">
          <section className="bs-insp-flow__chart" aria-label="Gradient sizes">
            {hasHistory && (
              <Segmented<View>
                label="Chart"
                options={[
                  { value: 'pass', text: 'This pass' },
                  { value: 'training', text: `Over ${result.training?.steps ?? 0} steps` },
                ]}
                value={shown}
                onChange={setView}
              />
            )}
            {result.gradients.length === 0 ? (
              <p className="bs-insp-notice">This model has no layer with weights, so there is no weight gradient.</p>
            ) : shown === 'pass' ? (
              <GradientBars
                gradients={result.gradients}
                flow={result.flow}
                metric={metric}
                vanishingRatio={result.thresholds.vanishingRatio}
                titleOf={titleOf}
                height={CHART_HEIGHT}
              />
            ) : (
              <GradientHistory history={result.history} metric={metric} titleOf={titleOf} height={CHART_HEIGHT} />
            )}
          </section>
          <section className="bs-insp-flow__flags" aria-label="Flags">
            <FlowFlags result={result} titleOf={titleOf} />
          </section>
        </div>
      )}
    </div>
  );
}
