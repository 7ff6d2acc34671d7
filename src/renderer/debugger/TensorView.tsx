import { memo, useCallback, useMemo, useState } from 'react';
import type { TensorValues } from '../../protocol/results';
import { Heatmap } from './Heatmap';
import { colorScale } from './heatmap-colors';
import { COMPACT_DIGITS, formatSig } from './number-format';
import { TensorTable } from './TensorTable';
import { type FlatTensor, flat } from './tensor-values';
import { useElementWidth } from './useElementWidth';

/** Up to this many values a tensor is a table; beyond, a heatmap. */
const TABLE_LIMIT = 64;
/** Up to this many values every digit is shown; beyond, four, with the rest in the tooltip. */
const FULL_DIGITS_LIMIT = 16;
const MAX_SLICES = 16;
/** The width heatmaps are laid out for before the panel has been measured. */
const FALLBACK_WIDTH = 256;

export interface TensorViewProps {
  values: TensorValues;
  digits: number;
  /** Index names for a matrix's rows and columns: ["n", "k"] for a batch, ["i", "j"] for weights. */
  axes?: readonly [string, string];
  /** What the two axes before a feature map's rows and columns are: a batch's sample and channel, a filter bank's filter and input channel. */
  sliceAxes?: readonly [string, string];
  label: string;
}

const BATCH_AXES: readonly [string, string] = ['n', 'k'];
const BATCH_SLICES: readonly [string, string] = ['sample', 'channel'];

interface Slice {
  title: string;
  offset: number;
}

/** 2-D slices over the last two axes (a feature map per sample and channel); a vector is one row. */
function slicesOf(
  tensor: FlatTensor,
  sliceAxes: readonly [string, string],
): { rows: number; cols: number; slices: Slice[] } {
  const { shape } = tensor;
  if (shape.length <= 2) {
    const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
    const rows = shape.length === 2 ? shape[0] : 1;
    return { rows, cols, slices: [{ title: '', offset: 0 }] };
  }
  const rows = shape[shape.length - 2];
  const cols = shape[shape.length - 1];
  const lead = shape.slice(0, -2);
  const count = lead.reduce((a, b) => a * b, 1);
  const slices: Slice[] = [];
  for (let s = 0; s < Math.min(count, MAX_SLICES); s++) {
    const index: number[] = [];
    for (let axis = lead.length - 1, rest = s; axis >= 0; axis--) {
      index.unshift(rest % lead[axis]);
      rest = Math.floor(rest / lead[axis]);
    }
    const parts = lead.length === 2 ? sliceAxes : lead.map((_, i) => `axis ${i + 1}`);
    // A batch of one or a filter bank over one channel: that index says nothing.
    const named = index.map((v, i) => ({ part: parts[i], v })).filter((_, i) => lead.length !== 2 || lead[i] > 1);
    slices.push({ title: named.map((p) => `${p.part} ${p.v + 1}`).join(', '), offset: s * rows * cols });
  }
  return { rows, cols, slices };
}

/** A tensor the way it reads best: a number, a table, or heatmaps with a colour scale and hover values. */
export const TensorView = memo(function TensorView({
  values,
  digits,
  axes = BATCH_AXES,
  sliceAxes = BATCH_SLICES,
  label,
}: TensorViewProps) {
  const tensor = flat(values);
  const { rows, cols, slices } = useMemo(() => slicesOf(tensor, sliceAxes), [tensor, sliceAxes]);
  const scale = useMemo(() => colorScale(tensor.data), [tensor]);
  const [hover, setHover] = useState<string | null>(null);
  const [boxRef, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const size = tensor.data.length;
  const hoverIn = useCallback(
    (slice: Slice) => (at: { row: number; col: number; value: number } | null) =>
      setHover(
        at &&
          `${slice.title ? `${slice.title} · ` : ''}row ${at.row + 1}, col ${at.col + 1}: ${formatSig(at.value, digits)}`,
      ),
    [digits],
  );

  if (tensor.shape.length === 0) {
    return <output className="bs-dbg-scalar">{formatSig(tensor.data[0], digits)}</output>;
  }
  if (size <= TABLE_LIMIT) {
    const shown = size <= FULL_DIGITS_LIMIT ? digits : COMPACT_DIGITS;
    const rank = tensor.shape.length;
    const tableAxes: readonly [string, string] = rank > 2 ? ['i', 'j'] : rank === 1 ? ['', axes[1]] : axes;
    const transpose = rows === 1 && cols > 4;
    return (
      <div className="bs-dbg-tables">
        {slices.map((slice) => (
          <figure key={slice.offset} className="bs-dbg-slice">
            {slice.title && <figcaption>{slice.title}</figcaption>}
            <TensorTable
              tensor={tensor}
              offset={slice.offset}
              rows={rows}
              cols={cols}
              digits={shown}
              axes={tableAxes}
              transpose={transpose}
              label={slice.title ? `${label}, ${slice.title}` : label}
            />
          </figure>
        ))}
      </div>
    );
  }
  // As many maps a row as keeps each at least 72 px wide; fractional cells are fine, pixels stay crisp.
  const perRow = Math.max(1, Math.min(slices.length, Math.floor(width / 72), 4));
  const cell = Math.max(1, Math.min(16, (width - 6 * (perRow - 1)) / perRow / Math.max(cols, 1)));
  const total = tensor.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return (
    <div className="bs-dbg-heatmap" ref={boxRef}>
      <div className="bs-dbg-heatmap__grid">
        {slices.map((slice) => (
          <figure key={slice.offset} className="bs-dbg-slice">
            {slice.title && <figcaption>{slice.title}</figcaption>}
            <Heatmap
              tensor={tensor}
              offset={slice.offset}
              rows={rows}
              cols={cols}
              scale={scale}
              cell={cell}
              label={slice.title ? `${label}, ${slice.title}` : label}
              onHover={hoverIn(slice)}
            />
          </figure>
        ))}
      </div>
      {tensor.shape.length > 2 && total > slices.length && (
        <p className="bs-dbg-note">
          First {slices.length} of {total} maps.
        </p>
      )}
      <div className="bs-dbg-legend">
        <span>{formatSig(scale.min, COMPACT_DIGITS)}</span>
        <span className="bs-dbg-legend__bar" style={{ background: scale.gradient() }} />
        <span>{formatSig(scale.max, COMPACT_DIGITS)}</span>
      </div>
      <p className="bs-dbg-hover" aria-live="polite">
        {hover ?? 'Point at a cell for its value.'}
      </p>
    </div>
  );
});
