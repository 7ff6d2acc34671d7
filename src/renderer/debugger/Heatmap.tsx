import { type MouseEvent, memo, useLayoutEffect, useRef } from 'react';
import type { ColorScale } from './heatmap-colors';
import type { FlatTensor } from './tensor-values';

export interface HeatmapProps {
  tensor: FlatTensor;
  /** Offset of this 2-D slice in the tensor's data. */
  offset: number;
  rows: number;
  cols: number;
  scale: ColorScale;
  /** Screen pixels per value. */
  cell: number;
  label: string;
  /** Called with the row and column under the pointer, or null when it leaves. */
  onHover(at: { row: number; col: number; value: number } | null): void;
}

/** One 2-D slice as coloured cells: one canvas pixel per value, scaled up without smoothing. */
export const Heatmap = memo(function Heatmap({
  tensor,
  offset,
  rows,
  cols,
  scale,
  cell,
  label,
  onHover,
}: HeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || rows === 0 || cols === 0) return;
    const image = context.createImageData(cols, rows);
    for (let i = 0; i < rows * cols; i++) {
      const [r, g, b] = scale.color(tensor.data[offset + i]);
      image.data.set([r, g, b, 255], i * 4);
    }
    context.putImageData(image, 0, 0);
  }, [tensor, offset, rows, cols, scale]);

  const hover = (event: MouseEvent<HTMLCanvasElement>) => {
    // offsetX/Y and clientWidth/Height leave the border out, so the cells line up with the pixels.
    const { offsetX, offsetY } = event.nativeEvent;
    const { clientWidth, clientHeight } = event.currentTarget;
    const col = Math.min(cols - 1, Math.floor((offsetX / clientWidth) * cols));
    const row = Math.min(rows - 1, Math.floor((offsetY / clientHeight) * rows));
    if (row < 0 || col < 0) return;
    onHover({ row, col, value: tensor.data[offset + row * cols + col] });
  };

  return (
    <canvas
      ref={ref}
      className="bs-dbg-heatmap__canvas"
      width={cols}
      height={rows}
      style={{ width: cols * cell, height: rows * cell }}
      role="img"
      aria-label={label}
      onMouseMove={hover}
      onMouseLeave={() => onHover(null)}
    />
  );
});
