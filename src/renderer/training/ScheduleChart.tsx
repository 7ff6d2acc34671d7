import { memo, useMemo } from 'react';
import { createSchedule, type ScheduleConfig } from '../../core/train/schedules/factory';
import { PlotlyChart } from '../charts/PlotlyChart';
import { curveColors, panelAxis, panelLayout, trainingChart } from './chart-style';

export interface ScheduleChartProps {
  schedule: number | ScheduleConfig;
  /** The steps the run will take, or a guess when it has no end. */
  steps: number;
}

const POINTS = 240;

/** The learning rate over the run's steps, computed here with core's schedules (they are pure). */
export const ScheduleChart = memo(function ScheduleChart({ schedule, steps }: ScheduleChartProps) {
  const data = useMemo(() => {
    let rateAt: (step: number) => number;
    try {
      rateAt = typeof schedule === 'number' ? () => schedule : createSchedule(schedule);
    } catch {
      return null;
    }
    const span = Math.max(1, steps);
    const x = Array.from({ length: POINTS + 1 }, (_, i) => Math.round((i * span) / POINTS));
    return [
      {
        x,
        y: x.map((t) => rateAt(t)),
        type: 'scatter' as const,
        mode: 'lines' as const,
        line: { color: curveColors.train, width: 2, shape: 'hv' as const },
        name: 'rate',
        hovertemplate: 'step %{x}<br>rate %{y:.3g}<extra></extra>',
      },
    ];
  }, [schedule, steps]);
  const layout = useMemo(
    () =>
      panelLayout({
        showlegend: false,
        margin: { l: 50, r: 8, t: 8, b: 30 },
        xaxis: panelAxis('step'),
        yaxis: panelAxis('learning rate', { rangemode: 'tozero', tickformat: '.2~g' }),
      }),
    [],
  );
  if (!data)
    return <p className="bs-muted bs-train__note">The schedule cannot be drawn until its settings are complete.</p>;
  return <PlotlyChart {...trainingChart} data={data} layout={layout} label="Learning-rate schedule" height={150} />;
});
