import { memo, useMemo } from 'react';
import { logTicks } from '../charts/log-axis';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData, type PlotLayout } from '../charts/plotly-loader';
import { type Curves as CurveData, useTrainingStore } from '../stores/training-store';
import { curveColors, panelAxis, panelLayout, trainingChart } from './chart-style';

type Metric = 'loss' | 'accuracy';

function traces(curves: CurveData, metric: Metric): PlotData[] {
  const val = metric === 'loss' ? 'valLoss' : 'valAccuracy';
  const batches = curves.batches.filter((b) => b[metric] !== undefined);
  const epochs = curves.epochs.filter((e) => e[metric] !== undefined);
  const validation = curves.epochs.filter((e) => e[val] !== undefined);
  const out: PlotData[] = [
    {
      x: batches.map((b) => b.x),
      y: batches.map((b) => b[metric] ?? null),
      type: 'scatter',
      mode: 'lines',
      name: 'batches',
      showlegend: false,
      line: { color: curveColors.trainFaint, width: 1 },
      hovertemplate: `epoch %{x:.2f}<br>batch ${metric} %{y:.4g}<extra></extra>`,
    },
    {
      x: epochs.map((e) => e.x),
      y: epochs.map((e) => e[metric] ?? null),
      type: 'scatter',
      mode: epochs.length < 30 ? 'lines+markers' : 'lines',
      name: 'training',
      line: { color: curveColors.train, width: 2 },
      marker: { size: 5 },
      hovertemplate: `epoch %{x}<br>training ${metric} %{y:.4g}<extra></extra>`,
    },
  ];
  if (validation.length) {
    out.push({
      x: validation.map((e) => e.x),
      y: validation.map((e) => e[val] ?? null),
      type: 'scatter',
      mode: validation.length < 30 ? 'lines+markers' : 'lines',
      name: 'validation',
      line: { color: curveColors.validation, width: 2 },
      marker: { size: 5 },
      hovertemplate: `epoch %{x}<br>validation ${metric} %{y:.4g}<extra></extra>`,
    });
  }
  return out;
}

/** Exponents of the powers of ten across the losses (every other one over a wide span), so a short log axis stays legible. */
function decades(curves: CurveData): number[] {
  const losses = [...curves.batches, ...curves.epochs].map((p) => p.loss).filter((l) => l > 0 && Number.isFinite(l));
  if (losses.length === 0) return [];
  const lo = Math.floor(Math.log10(Math.min(...losses)));
  const hi = Math.ceil(Math.log10(Math.max(...losses)));
  const step = hi - lo > 5 ? 2 : 1;
  return Array.from({ length: Math.floor((hi - lo) / step) + 1 }, (_, i) => lo + i * step);
}

function layoutFor(
  metric: Metric,
  runStarts: number[],
  logExponents: number[] | null,
  perceptron: boolean,
): Partial<PlotLayout> {
  const title = metric === 'accuracy' ? 'Accuracy' : perceptron ? 'Errors per pass' : 'Loss';
  return panelLayout({
    title: { text: title, font: { size: 12 }, x: 0.01, xanchor: 'left', y: 0.98 },
    margin: { l: 48, r: 10, t: 44, b: 34 },
    legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom', font: { size: 10 } },
    xaxis: panelAxis(perceptron ? 'pass' : 'epoch', { rangemode: 'tozero' }),
    yaxis:
      metric === 'accuracy'
        ? panelAxis('', { range: [0, 1.02], tickformat: '.0%' })
        : panelAxis('', logExponents ? logTicks(logExponents) : { rangemode: 'tozero' }),
    shapes: runStarts.map((x) => ({
      type: 'line',
      x0: x,
      x1: x,
      yref: 'paper',
      y0: 0,
      y1: 1,
      line: { color: '#9aa1ab', width: 1, dash: 'dot' },
    })),
    annotations: runStarts.map((x) => ({
      x,
      yref: 'paper',
      y: 1,
      text: 'continued',
      showarrow: false,
      xanchor: 'left',
      yanchor: 'top',
      font: { size: 10, color: '#646b76' },
    })),
  });
}

/** Training and validation loss and accuracy over epochs (batches faint behind), live while training. */
export const Curves = memo(function Curves({ height, perceptron }: { height: number; perceptron: boolean }) {
  const curves = useTrainingStore((s) => s.curves);
  const hasAccuracy =
    curves.epochs.some((e) => e.accuracy !== undefined) || curves.batches.some((b) => b.accuracy !== undefined);
  const lossData = useMemo(() => traces(curves, 'loss'), [curves]);
  const accuracyData = useMemo(() => traces(curves, 'accuracy'), [curves]);
  const positive = curves.batches.every((b) => b.loss > 0) && curves.epochs.every((e) => e.loss > 0);
  // A string, so the layout (and plotly's relayout) changes only when the ticks do.
  const tickKey = positive ? decades(curves).join(',') : '';
  const lossLayout = useMemo(
    () => layoutFor('loss', curves.runStarts, tickKey ? tickKey.split(',').map(Number) : null, perceptron),
    [curves.runStarts, tickKey, perceptron],
  );
  const accuracyLayout = useMemo(
    () => layoutFor('accuracy', curves.runStarts, null, perceptron),
    [curves.runStarts, perceptron],
  );
  if (curves.batches.length === 0 && curves.epochs.length === 0) {
    return (
      <div className="bs-train__curves bs-train__empty" data-testid="training-curves">
        <p className="bs-muted">Loss and accuracy curves appear here once training starts.</p>
      </div>
    );
  }
  return (
    <div className="bs-train__curves" data-testid="training-curves">
      <PlotlyChart {...trainingChart} data={lossData} layout={lossLayout} label="Loss curves" height={height} />
      {hasAccuracy && (
        <PlotlyChart
          {...trainingChart}
          data={accuracyData}
          layout={accuracyLayout}
          label="Accuracy curves"
          height={height}
        />
      )}
    </div>
  );
});
