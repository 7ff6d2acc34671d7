import { memo, useMemo } from 'react';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData, type PlotLayout } from '../charts/plotly-loader';
import type { ActivationCurve } from './activation-curves';
import { linspace, saturationBound } from './activation-curves';
import { axis, baseLayout, inspectorChart, seriesColors } from './chart-style';

export interface ActivationCurvePlotProps {
  type: string;
  curve: ActivationCurve;
  /** The node's pre-activation values on the last pass; none yet draws the curves alone. */
  values: readonly number[] | undefined;
  threshold: number;
  height: number;
}

/** Wider than this, the curves flatten to steps and the values bunch up: extreme values sit at the edge. */
const MAX_HALF_RANGE = 12;

/** f and f' over the range the node's values span, the values on the curve, and the flat zones shaded. */
export const ActivationCurvePlot = memo(function ActivationCurvePlot(props: ActivationCurvePlotProps) {
  const { type, curve, values, threshold, height } = props;
  const bound = saturationBound(type, threshold);
  const half = useMemo(() => {
    const reach = Math.max(0, ...(values ?? []).filter(Number.isFinite).map(Math.abs));
    return Math.min(MAX_HALF_RANGE, Math.max(bound ? bound + 1.5 : 4, Math.ceil(reach * 1.1)));
  }, [values, bound]);
  const data = useMemo((): PlotData[] => {
    const xs = linspace(-half, half, 241);
    const traces: PlotData[] = [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'f',
        x: xs,
        y: xs.map(curve.f),
        line: { color: seriesColors[0], width: 2 },
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'f′',
        x: xs,
        y: xs.map(curve.slope),
        line: { color: seriesColors[1], width: 2, dash: 'dash' },
      },
    ];
    if (values?.length) {
      const shown = values.map((v) => Math.max(-half, Math.min(half, v)));
      const floor = Math.min(0, ...xs.map(curve.f), ...xs.map(curve.slope));
      traces.push(
        {
          type: 'scatter',
          mode: 'markers',
          name: 'inputs',
          x: shown,
          y: shown.map(curve.f),
          marker: { color: 'rgba(204, 121, 167, 0.6)', size: 8, line: { color: '#8e3f6f', width: 1 } },
          hovertemplate: 'x = %{x:.3g}<br>f(x) = %{y:.3g}<extra></extra>',
        },
        {
          // A rug under the curves: where the inputs fall along x, however flat f is there.
          type: 'scatter',
          mode: 'markers',
          x: shown,
          y: shown.map(() => floor),
          marker: { symbol: 'line-ns-open', size: 10, color: '#8e3f6f', line: { width: 1.5 } },
          hoverinfo: 'skip',
          showlegend: false,
        },
      );
    }
    return traces;
  }, [curve, values, half]);
  const layout = useMemo((): Partial<PlotLayout> => {
    const zones = bound
      ? [
          [-half, -bound],
          [bound, half],
        ]
      : [];
    return baseLayout({
      margin: { l: 36, r: 6, t: 8, b: 58 },
      xaxis: axis('x (pre-activation)', { range: [-half, half] }),
      yaxis: axis(''),
      legend: { orientation: 'h', x: 0, y: -0.32, yanchor: 'top', font: { size: 10 } },
      shapes: zones.map(([x0, x1]) => ({
        type: 'rect',
        xref: 'x',
        yref: 'paper',
        x0,
        x1,
        y0: 0,
        y1: 1,
        fillcolor: 'rgba(200, 38, 27, 0.08)',
        line: { width: 0 },
        layer: 'below',
      })),
      annotations: bound
        ? [
            {
              x: -half,
              y: 0.97,
              yref: 'paper',
              xanchor: 'left',
              yanchor: 'top',
              text: `shaded: f′ < ${threshold}`,
              showarrow: false,
              font: { size: 9, color: '#a11d14' },
            },
          ]
        : [],
    });
  }, [bound, half, threshold]);
  return (
    <PlotlyChart
      {...inspectorChart}
      data={data}
      layout={layout}
      label={`f and f′ of ${type} with the node's inputs`}
      height={height}
    />
  );
});
