import { memo, useMemo } from 'react';
import type { GradientFlowEntry } from '../../core/inspect/gradient-flow';
import type { LayerGradients } from '../../core/inspect/gradient-stats';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData, type PlotLayout } from '../charts/plotly-loader';
import { axis, baseLayout, inspectorChart, logAxis, seriesColors } from './chart-style';
import { type GradientMetric, magnitudeOf, metricLabels } from './gradient-metric';
import { onLogAxis, shortNumber } from './inspect-format';

export interface GradientBarsProps {
  gradients: readonly LayerGradients[];
  flow: readonly GradientFlowEntry[];
  metric: GradientMetric;
  vanishingRatio: number;
  titleOf(nodeId: string): string;
  height: number;
}

const flagColor = { vanishing: '#b45309', exploding: '#c8261b' };
const flagFill = { vanishing: 'rgba(245, 158, 11, 0.12)', exploding: 'rgba(239, 68, 68, 0.1)' };

/**
 * Per layer, input side on the left: the weight gradient and the gradient passed back, on a log
 * axis so a shrink by 1000 is as plain as a growth by 1000; flagged layers are labelled.
 */
export const GradientBars = memo(function GradientBars(props: GradientBarsProps) {
  const { gradients, flow, metric, vanishingRatio, titleOf, height } = props;
  const ordered = useMemo(() => [...gradients].reverse(), [gradients]);
  const data = useMemo((): PlotData[] => {
    const x = ordered.map((g) => titleOf(g.nodeId));
    const labels = metricLabels[metric];
    const series = (name: string, values: number[], color: string): PlotData => ({
      type: 'bar',
      name,
      x,
      y: values.map((v) => onLogAxis(v)),
      customdata: values.map((v) => shortNumber(v, 3)),
      hovertemplate: `%{x}<br>${name} = %{customdata}<extra></extra>`,
      marker: { color },
    });
    return [
      series(
        labels.weights,
        ordered.map((g) => magnitudeOf(g.weights, metric)),
        seriesColors[0],
      ),
      series(
        labels.input,
        ordered.map((g) => magnitudeOf(g.input, metric)),
        seriesColors[1],
      ),
    ];
  }, [ordered, metric, titleOf]);
  const layout = useMemo((): Partial<PlotLayout> => {
    const flags = new Map(flow.map((f) => [f.nodeId, f.flag?.kind]));
    const last = gradients[0];
    const limit = last && metric === 'norm' ? last.weights.norm * vanishingRatio : undefined;
    const flagged = ordered.flatMap((g, i) => {
      const kind = flags.get(g.nodeId);
      return kind ? [{ i, kind }] : [];
    });
    return baseLayout({
      barmode: 'group',
      margin: { l: 56, r: 8, t: 26, b: 44 },
      legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom', font: { size: 11 } },
      xaxis: axis('layer (input side left, loss side right)'),
      yaxis: logAxis(
        `gradient, ${metricLabels[metric].short} (log)`,
        ordered.flatMap((g) => [magnitudeOf(g.weights, metric), magnitudeOf(g.input, metric)]),
      ),
      // A flagged layer's column is shaded and named at its top, inside the plot.
      shapes: [
        ...flagged.map(({ i, kind }) => ({
          type: 'rect' as const,
          xref: 'x' as const,
          yref: 'paper' as const,
          x0: i - 0.5,
          x1: i + 0.5,
          y0: 0,
          y1: 1,
          fillcolor: flagFill[kind],
          line: { width: 0 },
          layer: 'below' as const,
        })),
        ...(limit
          ? [
              {
                type: 'line' as const,
                xref: 'paper' as const,
                x0: 0,
                x1: 1,
                y0: limit,
                y1: limit,
                line: { color: flagColor.vanishing, width: 1, dash: 'dot' as const },
              },
            ]
          : []),
      ],
      annotations: [
        ...flagged.map(({ i, kind }) => ({
          x: i,
          y: 1,
          yref: 'paper' as const,
          yanchor: 'top' as const,
          text: kind === 'vanishing' ? '▼' : '▲',
          showarrow: false,
          font: { size: 11, color: flagColor[kind] },
        })),
        ...(limit
          ? [
              {
                x: 0,
                xref: 'paper' as const,
                xanchor: 'left' as const,
                y: Math.log10(limit),
                yanchor: 'bottom' as const,
                text: `vanishing below ${shortNumber(vanishingRatio)} × the last layer`,
                showarrow: false,
                font: { size: 9.5, color: flagColor.vanishing },
              },
            ]
          : []),
      ],
    });
  }, [ordered, flow, gradients, metric, vanishingRatio, titleOf]);
  const kinds = new Set(flow.flatMap((f) => (f.flag ? [f.flag.kind] : [])));
  return (
    <figure className="bs-insp-figure">
      <figcaption className="bs-insp-caption">
        Gradient size per layer on this pass
        {kinds.size > 0 && (
          <span className="bs-insp-meta">
            {' '}
            · shaded: flagged layers{kinds.has('vanishing') ? ', ▼ vanishing' : ''}
            {kinds.has('exploding') ? ', ▲ exploding' : ''}
          </span>
        )}
      </figcaption>
      <PlotlyChart
        {...inspectorChart}
        data={data}
        layout={layout}
        label="Gradient size per layer, this pass"
        height={height}
      />
    </figure>
  );
});
