import type { Config, Layout } from 'plotly.js-dist-min';

export type { Data as PlotData, Layout as PlotLayout } from 'plotly.js-dist-min';

type PlotlyModule = typeof import('plotly.js-dist-min');

let loading: Promise<PlotlyModule> | undefined;

/** plotly is large: fetched when the first training chart is drawn, then shared. */
export function loadPlotly(): Promise<PlotlyModule> {
  loading ??= import('plotly.js-dist-min').then((module) => {
    // The bundle is CommonJS: depending on the bundler it arrives as the namespace or as its default.
    const withDefault = module as PlotlyModule & { default?: PlotlyModule };
    return withDefault.default ?? module;
  });
  return loading;
}

export const plotConfig: Partial<Config> = { displayModeBar: false, responsive: true, displaylogo: false };

const font = { family: 'Inter, "Segoe UI", "Liberation Sans", Arial, sans-serif', size: 11, color: '#464c56' };

/** White, a light grid, small type and tight margins: charts that sit in a panel, not a report. */
export function panelLayout(overrides: Partial<Layout> = {}): Partial<Layout> {
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

export function panelAxis(title: string, extra: Partial<Layout['xaxis']> = {}): Partial<Layout['xaxis']> {
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
