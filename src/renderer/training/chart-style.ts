import type { ChartClasses } from '../charts/PlotlyChart';
import type { PlotLayout } from '../charts/plotly-loader';

/** The classes every training chart is drawn with. */
export const trainingChart: ChartClasses = { className: 'bs-train__chart', errorClassName: 'bs-train__error' };

const font = { family: 'Inter, "Segoe UI", "Liberation Sans", Arial, sans-serif', size: 11, color: '#464c56' };

/** White, a light grid, small type and tight margins: charts that sit in a panel, not a report. */
export function panelLayout(overrides: Partial<PlotLayout> = {}): Partial<PlotLayout> {
  return {
    font,
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    margin: { l: 46, r: 10, t: 30, b: 34 },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 11 } },
    hoverlabel: { font: { family: font.family, size: 11 } },
    ...overrides,
  };
}

export function panelAxis(title: string, extra: Partial<PlotLayout['xaxis']> = {}): Partial<PlotLayout['xaxis']> {
  return {
    title: { text: title, font: { size: 11 }, standoff: 4 },
    gridcolor: '#eceef1',
    zerolinecolor: '#c9ced6',
    linecolor: '#c9ced6',
    automargin: true,
    ...extra,
  };
}

/** Training in blue, validation in orange (Okabe-Ito, told apart by colour-blind readers too). */
export const curveColors = { train: '#0072b2', trainFaint: 'rgba(0, 114, 178, 0.22)', validation: '#e69f00' };
