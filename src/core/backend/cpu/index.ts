import type { Backend } from '../backend';
import { add, addRowVector, axpy, mul, scale, sub } from './elementwise';
import { matmul } from './matmul';
import { sum, sumColumns } from './reduce';
import { softmax, softmaxBackward } from './softmax';
import { unary, unaryDerivative } from './unary';

export function createCpuBackend(): Backend {
  return {
    name: 'cpu',
    matmul,
    addRowVector,
    sumColumns,
    sum,
    add,
    sub,
    mul,
    scale,
    axpy,
    unary,
    unaryDerivative,
    softmax,
    softmaxBackward,
  };
}
