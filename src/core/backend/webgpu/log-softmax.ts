import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';
import { rowwise } from './softmax';

/** ln softmax(x) along the last axis: subtracting the row maximum keeps exp from overflowing. */
export function logSoftmax(ctx: GpuContext, x: Tensor): Tensor {
  return rowwise(ctx, {
    name: 'logSoftmax',
    inputs: [['x', x]],
    max: true,
    term: 'exp(x[j] - m)',
    write: 'x[j] - m - log(s)',
  });
}
