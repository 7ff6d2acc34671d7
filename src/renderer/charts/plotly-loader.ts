import type { Config } from 'plotly.js-dist-min';

export type { Data as PlotData, Layout as PlotLayout, LayoutAxis as PlotAxis } from 'plotly.js-dist-min';

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
