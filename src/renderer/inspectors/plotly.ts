import type { Config, Layout, LayoutAxis } from 'plotly.js-dist-min';

export type { Data as PlotData, Layout as PlotLayout } from 'plotly.js-dist-min';

type PlotlyModule = typeof import('plotly.js-dist-min');

let loading: Promise<PlotlyModule> | undefined;

/** plotly is large: it is fetched the first time a chart is drawn, then shared by every chart. */
export function loadPlotly(): Promise<PlotlyModule> {
  loading ??= import('plotly.js-dist-min').then((module) => {
    // The bundle is CommonJS: depending on the bundler it arrives as the namespace or as its default.
    const withDefault = module as PlotlyModule & { default?: PlotlyModule };
    return withDefault.default ?? module;
  });
  return loading;
}

export const plotConfig: Partial<Config> = { displayModeBar: false, responsive: true, displaylogo: false };

const axisFont = { family: 'Inter, "Segoe UI", "Liberation Sans", Arial, sans-serif', size: 11, color: '#464c56' };

/** The look every inspector chart shares: white, light grid, small type, tight margins. */
export function baseLayout(overrides: Partial<Layout> = {}): Partial<Layout> {
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
export function axis(title: string, extra: LayoutAxis = {}): LayoutAxis {
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

const superscripts: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** "10⁻⁴": a power of ten in plain characters. */
export function powerOfTen(exponent: number): string {
  if (exponent === 0) return '1';
  return `10${[...String(exponent)].map((c) => superscripts[c] ?? c).join('')}`;
}

/**
 * A log axis labelled at powers of ten written in plain characters: plotly's own "power" labels
 * are superscript elements styled through style attributes, which the app's CSP blocks.
 */
export function logAxis(title: string, values: readonly (number | null)[]): LayoutAxis {
  const positive = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const low = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : -3;
  const high = positive.length ? Math.ceil(Math.log10(Math.max(...positive))) : 0;
  const decades = Math.max(1, high - low);
  const step = Math.ceil(decades / 6);
  const exponents: number[] = [];
  for (let e = Math.floor(low / step) * step; e <= high; e += step) exponents.push(e);
  return axis(title, {
    type: 'log',
    tickvals: exponents.map((e) => 10 ** e),
    ticktext: exponents.map(powerOfTen),
  });
}
