import { memo } from 'react';
import type { Histogram } from '../../core/inspect/histogram';

export interface MiniHistogramProps {
  histogram: Histogram;
  width: number;
  height: number;
  /** Bars in this colour (a CSS colour or variable). */
  color: string;
  label: string;
}

/** A histogram small enough for a grid of every layer: bars only, with a tick where 0 falls. */
export const MiniHistogram = memo(function MiniHistogram({
  histogram,
  width,
  height,
  color,
  label,
}: MiniHistogramProps) {
  const { counts, min, max } = histogram;
  const peak = Math.max(1, ...counts);
  const barWidth = width / Math.max(1, counts.length);
  const zeroAt = min < 0 && max > 0 ? ((0 - min) / (max - min)) * width : undefined;
  return (
    <svg
      className="bs-insp-mini"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} stroke="#c9ced6" />
      {counts.map((count, i) => {
        const barHeight = count === 0 ? 0 : Math.max(1, (count / peak) * (height - 2));
        return (
          <rect
            // Bins are positional: the index is their identity.
            key={i}
            x={i * barWidth + 0.5}
            y={height - 1 - barHeight}
            width={Math.max(0.5, barWidth - 1)}
            height={barHeight}
            fill={color}
          />
        );
      })}
      {zeroAt !== undefined && (
        <line x1={zeroAt} x2={zeroAt} y1={0} y2={height} stroke="#9aa1ab" strokeDasharray="2 2" />
      )}
    </svg>
  );
});
