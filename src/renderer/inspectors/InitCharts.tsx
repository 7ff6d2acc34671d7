import { memo, useMemo } from 'react';
import type { InitComparison } from '../../core/inspect/init-comparison';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData } from '../charts/plotly-loader';
import { axis, baseLayout, inspectorChart, logAxis, seriesColors } from './chart-style';
import { initLabel } from './init-names';
import { onLogAxis, shortNumber } from './inspect-format';

export interface InitChartsProps {
  comparisons: readonly InitComparison[];
  titleOf(nodeId: string): string;
  height: number;
}

/** "zeros (all 0, off the log axis)": a series a log axis cannot show says so in its name. */
function seriesName(init: string, values: readonly number[]): string {
  const name = initLabel(init);
  return values.every((v) => !(v > 0)) ? `${name} (all 0)` : name;
}

const layoutFor = (yTitle: string, bars: boolean, values: readonly number[]) =>
  baseLayout({
    margin: { l: 52, r: 8, t: 30, b: 40 },
    barmode: bars ? 'group' : undefined,
    xaxis: axis('layer, input side first'),
    yaxis: logAxis(yTitle, values),
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 10 } },
  });

/** Side by side, per layer from the input: the signal's spread going forward, the gradient coming back. */
export const InitCharts = memo(function InitCharts({ comparisons, titleOf, height }: InitChartsProps) {
  const { stdData, gradData } = useMemo(() => {
    const std: PlotData[] = comparisons.map((c, i) => {
      const values = c.layers.map((l) => l.activationStd);
      return {
        type: 'scatter',
        mode: 'lines+markers',
        name: seriesName(c.init, values),
        x: c.layers.map((l) => titleOf(l.nodeId)),
        y: values.map(onLogAxis),
        customdata: values.map((v) => shortNumber(v, 3)),
        hovertemplate: `${initLabel(c.init)}<br>%{x}: std %{customdata}<extra></extra>`,
        line: { color: seriesColors[i % seriesColors.length], width: 2 },
        marker: { size: 5 },
      };
    });
    const grad: PlotData[] = comparisons.map((c, i) => {
      const values = c.layers.map((l) => l.weightGradNorm);
      return {
        type: 'bar',
        name: seriesName(c.init, values),
        x: c.layers.map((l) => titleOf(l.nodeId)),
        y: values.map(onLogAxis),
        customdata: values.map((v) => shortNumber(v, 3)),
        hovertemplate: `${initLabel(c.init)}<br>%{x}: ‖∂L/∂W‖ %{customdata}<extra></extra>`,
        marker: { color: seriesColors[i % seriesColors.length] },
      };
    });
    return { stdData: std, gradData: grad };
  }, [comparisons, titleOf]);
  const stdLayout = useMemo(
    () =>
      layoutFor(
        'std after activation (log)',
        false,
        comparisons.flatMap((c) => c.layers.map((l) => l.activationStd)),
      ),
    [comparisons],
  );
  const gradLayout = useMemo(
    () =>
      layoutFor(
        '‖∂L/∂W‖₂ (log)',
        true,
        comparisons.flatMap((c) => c.layers.map((l) => l.weightGradNorm)),
      ),
    [comparisons],
  );
  return (
    <div className="bs-insp-init__charts">
      <figure className="bs-insp-figure">
        <figcaption className="bs-insp-caption">
          Forward: the spread of each layer's activations. Flat lines keep the signal; falling ones lose it.
        </figcaption>
        <PlotlyChart
          {...inspectorChart}
          data={stdData}
          layout={stdLayout}
          label="Activation std per layer by initialiser"
          height={height}
        />
      </figure>
      <figure className="bs-insp-figure">
        <figcaption className="bs-insp-caption">
          Backward: each layer's weight gradient. Level bars keep the gradient; short ones on the left vanish.
        </figcaption>
        <PlotlyChart
          {...inspectorChart}
          data={gradData}
          layout={gradLayout}
          label="Weight gradient norm per layer by initialiser"
          height={height}
        />
      </figure>
    </div>
  );
});
