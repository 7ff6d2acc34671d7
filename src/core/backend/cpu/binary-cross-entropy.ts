import { formatShape } from '../../tensor/shape';
import { allocate, Tensor } from '../../tensor/tensor';

function checkShapes(op: string, a: Tensor, y: Tensor): void {
  if (!a.sameShapeAs(y)) throw new Error(`${op}: shapes differ, ${formatShape(a.shape)} and ${formatShape(y.shape)}`);
}

/**
 * Keras clips the probability before taking logs, so a saturated output costs about -ln(epsilon)
 * at most. The bounds are rounded to the tensor's dtype as TensorFlow's are: in float32,
 * 1 - 1e-7 is 1 - 1.19e-7, and the largest loss -ln(1.19e-7) rather than -ln(1e-7).
 */
function clipRange(a: Tensor, epsilon: number): [number, number] {
  return a.dtype === 'float32' ? [Math.fround(epsilon), Math.fround(1 - epsilon)] : [epsilon, 1 - epsilon];
}

export function binaryCrossEntropy(a: Tensor, y: Tensor, epsilon: number): Tensor {
  checkShapes('binaryCrossEntropy', a, y);
  const [low, high] = clipRange(a, epsilon);
  const out = allocate(a.dtype, a.size);
  for (let i = 0; i < out.length; i++) {
    const p = Math.min(Math.max(a.data[i], low), high);
    const t = y.data[i];
    out[i] = -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
  }
  return new Tensor(a.shape, out);
}

// Clipping is flat outside [epsilon, 1 - epsilon], so no gradient passes there (as tf.clip_by_value).
export function binaryCrossEntropyGrad(a: Tensor, y: Tensor, epsilon: number): Tensor {
  checkShapes('binaryCrossEntropyGrad', a, y);
  const [low, high] = clipRange(a, epsilon);
  const out = allocate(a.dtype, a.size);
  for (let i = 0; i < out.length; i++) {
    const p = a.data[i];
    if (p < low || p > high) continue;
    out[i] = (p - y.data[i]) / (p * (1 - p));
  }
  return new Tensor(a.shape, out);
}
