/** An RGB colour, 0-255 per channel. */
export type Rgb = readonly [number, number, number];

// Negative blue, zero white, positive red: a gradient's sign is what matters first.
const NEGATIVE: Rgb = [37, 99, 235];
const ZERO: Rgb = [248, 250, 252];
const POSITIVE: Rgb = [220, 38, 38];
// Viridis at five stops: ordered, readable in grey, fine for colour-blind readers.
const SEQUENTIAL: readonly Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

export interface ColorScale {
  min: number;
  max: number;
  diverging: boolean;
  color(value: number): Rgb;
  /** The scale as a CSS gradient, left (min) to right (max), for the legend. */
  gradient(): string;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function ramp(stops: readonly Rgb[], t: number): Rgb {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const at = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(at));
  return mix(stops[i], stops[i + 1], at - i);
}

const css = (c: Rgb) => `rgb(${c.map(Math.round).join(' ')})`;

/** Diverging around zero when values have both signs, sequential from min to max otherwise. */
export function colorScale(data: ArrayLike<number>): ColorScale {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) [min, max] = [0, 0];
  if (min < 0 && max > 0) {
    const bound = Math.max(-min, max);
    const stops = [NEGATIVE, ZERO, POSITIVE];
    return {
      min: -bound,
      max: bound,
      diverging: true,
      color: (v) => ramp(stops, (v / bound + 1) / 2),
      gradient: () => `linear-gradient(to right, ${stops.map(css).join(', ')})`,
    };
  }
  const span = max - min || 1;
  return {
    min,
    max,
    diverging: false,
    color: (v) => ramp(SEQUENTIAL, (v - min) / span),
    gradient: () => `linear-gradient(to right, ${SEQUENTIAL.map(css).join(', ')})`,
  };
}
