import type { Tensor } from '../../tensor/tensor';
import type { UnaryOp } from '../backend';
import type { GpuContext } from './context';

export function unary(_ctx: GpuContext, _op: UnaryOp, _x: Tensor, _alpha: number): Tensor {
  throw new Error('WebGPU unary: not written yet');
}

export function unaryDerivative(_ctx: GpuContext, _op: UnaryOp, _x: Tensor, _y: Tensor, _alpha: number): Tensor {
  throw new Error('WebGPU unaryDerivative: not written yet');
}
