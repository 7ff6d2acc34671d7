import type { StepRecordPayload } from '../../protocol/results';
import { texFactor, texNumber } from './number-format';
import { type FlatTensor, flat } from './tensor-values';
import { chain, type Derivation, dE, name, sub, WORKED_ENTRIES } from './tex';

interface ActivationTex {
  /** f applied to an argument. */
  f(arg: string): string;
  /** f'(net_k) in symbols. */
  derivative(k: string): string;
  /** f'(net_k) with this element's numbers, where that shows more than the value alone. */
  derivativeWith?(net: string, out: string): string;
}

const net = (k: string) => `${name('net')}${k}`;
const out = (k: string) => `${name('out')}${k}`;

const activations: Record<string, ActivationTex> = {
  sigmoid: {
    f: (a) => `\\sigma(${a})`,
    derivative: (k) => `${out(k)}\\,(1 - ${out(k)})`,
    derivativeWith: (_n, o) => `${o}\\,(1 - ${o})`,
  },
  tanh: {
    f: (a) => `\\tanh(${a})`,
    derivative: (k) => `1 - ${out(k)}^2`,
    derivativeWith: (_n, o) => `1 - ${o}^2`,
  },
  relu: {
    f: (a) => `\\max(0,\\, ${a})`,
    derivative: (k) => `[\\,${net(k)} > 0\\,]`,
    derivativeWith: (n) => `[\\,${n} > 0\\,]`,
  },
  softplus: {
    f: (a) => `\\ln(1 + e^{${a}})`,
    derivative: (k) => `\\sigma(${net(k)})`,
    derivativeWith: (n) => `\\sigma(${n})`,
  },
  identity: { f: (a) => a, derivative: () => '1' },
  step: { f: (a) => `[\\,${a} > 0\\,]`, derivative: () => '0' },
};

const generic: ActivationTex = { f: (a) => `f(${a})`, derivative: (k) => `f'(${net(k)})` };

function texOf(type: string): ActivationTex {
  return activations[type] ?? generic;
}

/** The subscript of the e-th element: the batch index is left out when there is one sample. */
export function elementSub(shape: readonly number[], e: number): string {
  const index: number[] = [];
  let rest = e;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(rest % shape[axis]);
    rest = Math.floor(rest / shape[axis]);
  }
  if (shape.length > 1 && shape[0] === 1) index.shift();
  return sub(...index);
}

function worked(tensor: FlatTensor): number {
  return Math.min(tensor.data.length, WORKED_ENTRIES);
}

/** out_k = f(net_k) with the numbers, for the first elements. */
export function activationForward(record: StepRecordPayload, digits: number): Derivation[] {
  if (record.inputs.length !== 1) return [];
  const tex = texOf(record.type);
  const x = flat(record.inputs[0]);
  const y = flat(record.output);
  return Array.from({ length: worked(x) }, (_, e) => {
    const k = elementSub(x.shape, e);
    return {
      caption: `Element ${k.replace(/[_{}]/g, '')}`,
      tex: chain(out(k), tex.f(net(k)), tex.f(texNumber(x.data[e], digits)), texNumber(y.data[e], digits)),
    };
  });
}

/**
 * ∂E/∂net_k = ∂E/∂out_k · f'(net_k). For the first element the local derivative is worked out on
 * its own, then the product; the next elements show the product of their two numbers.
 */
export function activationBackward(record: StepRecordPayload, digits: number): Derivation[] {
  if (!record.upstream || !record.local || !record.inputGrads?.[0] || record.inputs.length !== 1) return [];
  const tex = texOf(record.type);
  const x = flat(record.inputs[0]);
  const y = flat(record.output);
  const upstream = flat(record.upstream);
  const local = flat(record.local);
  const grad = flat(record.inputGrads[0]);
  const derivations: Derivation[] = [];
  for (let e = 0; e < worked(x); e++) {
    const k = elementSub(x.shape, e);
    const label = k.replace(/[_{}]/g, '');
    const product = `${texFactor(upstream.data[e], digits)} \\times ${texFactor(local.data[e], digits)}`;
    const result = texNumber(grad.data[e], digits);
    if (e > 0) {
      derivations.push({ caption: `Chain rule, element ${label}`, tex: chain(dE(net(k)), product, result) });
      continue;
    }
    if (tex.derivativeWith) {
      const withNumbers = tex.derivativeWith(texFactor(x.data[e], digits), texFactor(y.data[e], digits));
      derivations.push({
        caption: `Local derivative, element ${label}`,
        tex: chain(`f'(${net(k)})`, tex.derivative(k), withNumbers, texNumber(local.data[e], digits)),
      });
    }
    derivations.push({
      caption: `Chain rule, element ${label}`,
      tex: chain(dE(net(k)), `${dE(out(k))} \\cdot ${tex.derivative(k)}`, product, result),
    });
  }
  return derivations;
}
