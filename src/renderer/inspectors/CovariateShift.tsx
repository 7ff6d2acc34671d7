import { memo, useMemo } from 'react';
import type { InspectSnapshot } from '../../protocol/inspect-messages';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData } from '../charts/plotly-loader';
import { axis, baseLayout, inspectorChart } from './chart-style';
import { shortNumber } from './inspect-format';

export interface CovariateShiftProps {
  /** The activation node whose input was recorded. */
  nodeId: string;
  title: string;
  history: readonly InspectSnapshot[];
  height: number;
}

/**
 * A layer's pre-activation distribution over training as a heatmap (steps across, values up,
 * darker where more values fall), with its mean: internal covariate shift made visible.
 */
export const CovariateShift = memo(function CovariateShift({ nodeId, title, history, height }: CovariateShiftProps) {
  const series = useMemo(
    () =>
      history.flatMap((h) => {
        const pre = h.preActivations.find((p) => p.nodeId === nodeId);
        return pre ? [{ step: h.step, pre }] : [];
      }),
    [history, nodeId],
  );
  const chart = useMemo(() => {
    const first = series[0]?.pre.histogram;
    if (!first) return undefined;
    const centres = first.counts.map((_, i) => first.min + (i + 0.5) * first.binWidth);
    const steps = series.map((s) => s.step);
    const z = centres.map((_, bin) =>
      series.map(({ pre }) => pre.histogram.counts[bin] / Math.max(1, pre.stats.count)),
    );
    const data: PlotData[] = [
      {
        type: 'heatmap',
        x: steps,
        y: centres,
        z,
        colorscale: [
          [0, '#ffffff'],
          [0.15, '#c6dbef'],
          [1, '#08306b'],
        ],
        showscale: false,
        hovertemplate: 'step %{x}<br>value %{y:.3g}<br>%{z:.1%} of values<extra></extra>',
        name: 'share of values',
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        x: steps,
        y: series.map((s) => s.pre.stats.mean),
        line: { color: '#d55e00', width: 2 },
        marker: { size: 4 },
        name: 'mean',
      },
    ];
    return data;
  }, [series]);
  const layout = useMemo(
    () =>
      baseLayout({
        margin: { l: 48, r: 8, t: 8, b: 34 },
        xaxis: axis('training step'),
        yaxis: axis('pre-activation'),
        showlegend: false,
      }),
    [],
  );
  if (!chart || series.length < 2) return null;
  const start = series[0].pre.stats;
  const end = series[series.length - 1].pre.stats;
  const spread = start.std > 0 ? start.std : 1;
  return (
    <figure className="bs-insp-figure">
      <figcaption className="bs-insp-caption">
        Input of {title} over {series[series.length - 1].step} steps: mean moved by{' '}
        {shortNumber(Math.abs(end.mean - start.mean) / spread)} × its first spread, spread ×
        {shortNumber(end.std / spread)}
      </figcaption>
      <PlotlyChart
        {...inspectorChart}
        data={chart}
        layout={layout}
        label={`Pre-activation distribution of ${title} over training`}
        height={height}
      />
    </figure>
  );
});
