import { memo, useMemo } from 'react';
import type { TrialResult } from '../../core/train/search/search-model';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData } from '../charts/plotly-loader';
import { panelAxis, panelLayout, trainingChart } from './chart-style';

const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9'];

/** Ticks at 1, 2 and 5 times a power of ten across the rates tried: a log axis people can read. */
export function rateTicks(rates: readonly number[]): number[] {
  const positive = rates.filter((r) => r > 0);
  if (positive.length === 0) return [];
  const lo = Math.min(...positive) / 1.5;
  const hi = Math.max(...positive) * 1.5;
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** k).toPrecision(1));
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  return ticks;
}

/** Learning rate against validation accuracy, one colour per optimizer: where the good trials lie. */
export const SearchScatter = memo(function SearchScatter({
  trials,
  height,
}: {
  trials: TrialResult[];
  height: number;
}) {
  const usesRate = trials.some((t) => t.config.learningRate !== undefined);
  const data = useMemo(() => {
    const groups = new Map<string, TrialResult[]>();
    for (const t of trials) {
      const key = t.config.optimizer ?? "model's optimizer";
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    return [...groups.entries()].map(
      ([name, group], i): PlotData => ({
        x: group.map((t) => (usesRate ? (t.config.learningRate ?? null) : t.index + 1)),
        y: group.map((t) => t.valAccuracy ?? null),
        text: group.map((t) => `trial ${t.index + 1}${t.error ? ' (failed)' : ''}`),
        type: 'scatter',
        mode: 'markers',
        name,
        marker: { color: palette[i % palette.length], size: 9, line: { color: '#fff', width: 1 } },
        hovertemplate: `%{text}<br>${usesRate ? 'rate %{x:.3g}' : ''}<br>val. accuracy %{y:.1%}<extra>${name}</extra>`,
      }),
    );
  }, [trials, usesRate]);
  const ticks = useMemo(() => rateTicks(trials.map((t) => t.config.learningRate ?? 0)), [trials]);
  const layout = useMemo(
    () =>
      panelLayout({
        title: { text: 'Validation accuracy per trial', font: { size: 12 }, x: 0.01, xanchor: 'left', y: 0.98 },
        margin: { l: 48, r: 10, t: 44, b: 36 },
        legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom', font: { size: 10 } },
        xaxis: usesRate
          ? panelAxis('learning rate', { type: 'log', tickvals: ticks, ticktext: ticks.map(String) })
          : panelAxis('trial'),
        yaxis: panelAxis('', { range: [0, 1.05], tickformat: '.0%' }),
      }),
    [usesRate, ticks],
  );
  return (
    <PlotlyChart
      {...trainingChart}
      data={data}
      layout={layout}
      label="Search trials: learning rate against validation accuracy"
      height={height}
    />
  );
});
