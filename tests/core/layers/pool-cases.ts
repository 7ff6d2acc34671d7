/** Shapes and configs both pooling kinds are checked on; outputs as TensorFlow computes them. */
export interface PoolCase {
  label: string;
  input: number[];
  config: {
    window: number | [number, number];
    stride?: number | [number, number];
    padding?: number | 'valid' | 'same';
  };
  output: number[];
}

export const poolCases: PoolCase[] = [
  { label: '2x2 on 4x4, batch 1', input: [1, 1, 4, 4], config: { window: 2 }, output: [1, 1, 2, 2] },
  {
    label: 'overlapping 3x3 windows, stride 2, padding 1, 3 channels, batch 2',
    input: [2, 3, 7, 7],
    config: { window: 3, stride: 2, padding: 1 },
    output: [2, 3, 4, 4],
  },
  {
    label: 'rectangular window, stride [1, 2], odd sizes',
    input: [2, 2, 5, 7],
    config: { window: [2, 3], stride: [1, 2] },
    output: [2, 2, 4, 3],
  },
  {
    label: '"same", window 2, stride 2 on odd sizes (one padding row and column after)',
    input: [3, 2, 5, 5],
    config: { window: 2, padding: 'same' },
    output: [3, 2, 3, 3],
  },
  {
    label: '"same", window 3, stride 1',
    input: [1, 2, 4, 5],
    config: { window: 3, stride: 1, padding: 'same' },
    output: [1, 2, 4, 5],
  },
  {
    label: 'non-integer (W1 - F + 2P) / S floored',
    input: [2, 1, 5, 6],
    config: { window: 2 },
    output: [2, 1, 2, 3],
  },
];
