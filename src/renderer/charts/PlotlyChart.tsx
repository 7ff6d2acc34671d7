import { memo, useEffect, useRef, useState } from 'react';
import { loadPlotly, type PlotData, type PlotLayout, plotConfig } from './plotly-loader';

/** The classes a panel styles its charts with: the chart itself, and the message shown when it cannot be drawn. */
export interface ChartClasses {
  className: string;
  errorClassName: string;
}

export interface PlotlyChartProps extends ChartClasses {
  data: PlotData[];
  layout: Partial<PlotLayout>;
  /** What the chart shows, for screen readers and tests. */
  label: string;
  height: number;
}

/** A plotly chart, drawn once plotly has loaded and redrawn in place (Plotly.react) as its data changes. */
export const PlotlyChart = memo(function PlotlyChart({
  data,
  layout,
  label,
  height,
  className,
  errorClassName,
}: PlotlyChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadPlotly().then(
      async (plotly) => {
        const element = ref.current;
        if (cancelled || !element) return;
        await plotly.react(element, data, { ...layout, height, autosize: true }, plotConfig);
        if (!cancelled) setDrawn(true);
      },
      (e: unknown) => setFailed(`The chart could not be drawn: ${(e as Error).message}`),
    );
    return () => {
      cancelled = true;
    };
  }, [data, layout, height]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      void loadPlotly().then((plotly) => {
        if (element.isConnected && element.querySelector('.main-svg')) plotly.Plots.resize(element);
      });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      void loadPlotly().then((plotly) => plotly.purge(element));
    };
  }, []);

  if (failed) return <p className={errorClassName}>{failed}</p>;
  return (
    <div
      ref={ref}
      className={className}
      role="img"
      aria-label={label}
      data-drawn={drawn ? 'true' : 'false'}
      style={{ height }}
    />
  );
});
