import { logTicks } from '../charts/log-axis';
import type { ChartClasses } from '../charts/PlotlyChart';
import type { PlotAxis, PlotLayout } from '../charts/plotly-loader';

/** The classes every inspector chart is drawn with. */
export const inspectorChart: ChartClasses = { className: 'bs-insp-chart', errorClassName: 'bs-insp-error' };

const axisFont = { family: 'Inter, "Segoe UI", "Liberation Sans", Arial, sans-serif', size: 11, color: '#464c56' };

/** The look every inspector chart shares: white, light grid, small type, tight margins. */
export function baseLayout(overrides: Partial<PlotLayout> = {}): Partial<PlotLayout> {
  return {
    font: axisFont,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    margin: { l: 52, r: 12, t: 28, b: 40 },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 11 } },
    hoverlabel: { font: { family: axisFont.family, size: 11 } },
    ...overrides,
  };
}

/** An axis with the shared grid colour. */
export function axis(title: string, extra: PlotAxis = {}): PlotAxis {
  return {
    title: { text: title, font: { size: 11 } },
    gridcolor: '#eceef1',
    zerolinecolor: '#c9ced6',
    linecolor: '#c9ced6',
    automargin: true,
    ...extra,
  };
}

/** One colour per series, readable on white and told apart by colour-blind readers (Okabe-Ito). */
export const seriesColors = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#6b7280', '#f0e442'];

/** A log axis across the values, labelled at powers of ten written in plain characters (see logTicks). */
export function logAxis(title: string, values: readonly (number | null)[]): PlotAxis {
  const positive = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const low = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : -3;
  const high = positive.length ? Math.ceil(Math.log10(Math.max(...positive))) : 0;
  const decades = Math.max(1, high - low);
  const step = Math.ceil(decades / 6);
  const exponents: number[] = [];
  for (let e = Math.floor(low / step) * step; e <= high; e += step) exponents.push(e);
  return axis(title, logTicks(exponents));
}
