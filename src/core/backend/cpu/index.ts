import type { Backend } from '../backend';
import { binaryCrossEntropy, binaryCrossEntropyGrad } from './binary-cross-entropy';
import { channelAffine, channelSums } from './channels';
import { col2im } from './col2im';
import { concat, split } from './concat';
import { add, addRowVector, assign, axpy, countNonFinite, mul, scale, sub } from './elementwise';
import { im2col } from './im2col';
import { localResponseNorm, localResponseNormBackward } from './local-response-norm';
import { logSoftmax } from './log-softmax';
import { matmul } from './matmul';
import { maxLastAxis, maxLastAxisBackward } from './max-last-axis';
import { moments, normalize, normalizeBackward } from './normalize';
import { sum, sumColumns } from './reduce';
import { softmax, softmaxBackward } from './softmax';
import { transpose } from './transpose';
import { unary, unaryDerivative } from './unary';

export function createCpuBackend(): Backend {
  return {
    name: 'cpu',
    description: 'CPU (JavaScript)',
    dtypes: ['float32', 'float64'],
    download: () => Promise.resolve(),
    countNonFinite,
    assign,
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
    logSoftmax,
    binaryCrossEntropy,
    binaryCrossEntropyGrad,
    // Convolution and pooling.
    im2col,
    col2im,
    transpose,
    maxLastAxis,
    maxLastAxisBackward,
    // Normalisation, concatenation.
    channelSums,
    channelAffine,
    moments,
    normalize,
    normalizeBackward,
    localResponseNorm,
    localResponseNormBackward,
    concat,
    split,
  };
}
