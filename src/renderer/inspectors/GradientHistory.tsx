import { memo, useMemo } from 'react';
import type { InspectSnapshot } from '../../protocol/inspect-messages';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData } from '../charts/plotly-loader';
import { axis, baseLayout, inspectorChart, logAxis, seriesColors } from './chart-style';
import { type GradientMetric, metricLabels, snapshotWeights } from './gradient-metric';
import { onLogAxis } from './inspect-format';

export interface GradientHistoryProps {
  history: readonly InspectSnapshot[];
  metric: GradientMetric;
  titleOf(nodeId: string): string;
  height: number;
}

/** Each layer's weight gradient over training: one line per layer, log axis. */
export const GradientHistory = memo(function GradientHistory({
  history,
  metric,
  titleOf,
  height,
}: GradientHistoryProps) {
  const data = useMemo((): PlotData[] => {
    // Input side first, as in the bars.
    const ids = [...(history[0]?.layers ?? [])].reverse().map((l) => l.nodeId);
    return ids.map((id, i) => ({
      type: 'scatter',
      mode: 'lines',
      name: titleOf(id),
      x: history.map((h) => h.step),
      y: history.map((h) => {
        const layer = h.layers.find((l) => l.nodeId === id);
        return layer ? onLogAxis(snapshotWeights(layer, metric)) : null;
      }),
      line: { color: seriesColors[i % seriesColors.length], width: 2 },
      hovertemplate: `${titleOf(id)}<br>step %{x}: %{y:.3g}<extra></extra>`,
    }));
  }, [history, metric, titleOf]);
  const layout = useMemo(
    () =>
      baseLayout({
        margin: { l: 56, r: 8, t: 26, b: 40 },
        xaxis: axis('training step'),
        yaxis: logAxis(
          `${metricLabels[metric].weights} (log)`,
          history.flatMap((h) => h.layers.map((l) => snapshotWeights(l, metric))),
        ),
        legend: { orientation: 'v', x: 1.01, y: 1, font: { size: 10 } },
      }),
    [history, metric],
  );
  return (
    <PlotlyChart
      {...inspectorChart}
      data={data}
      layout={layout}
      label="Weight gradient per layer over training"
      height={height}
    />
  );
});
