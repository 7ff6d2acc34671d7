import type { Params, StepRecord, Tensor } from '../core';
import type { StepRecordPayload, TensorValues } from '../protocol/results';

/** A core step record as values that can travel: copies, so later steps cannot change them. */
export function stepPayload(record: StepRecord, type: string, params: Params, target?: Tensor): StepRecordPayload {
  const payload: StepRecordPayload = {
    nodeId: record.nodeId,
    type,
    direction: record.direction,
    inputs: record.inputs.map(values),
    output: values(record.output),
    params: valuesOf(params),
  };
  if (record.upstream) payload.upstream = values(record.upstream);
  const backward = record.backward;
  if (backward) {
    if (backward.local) payload.local = values(backward.local);
    payload.inputGrads = backward.dInputs.map(values);
    payload.paramGrads = valuesOf(backward.dParams);
  }
  if (target) payload.target = values(target);
  return payload;
}

/** Every tensor a payload reads, to download them together before building it. */
export function recordTensors(record: StepRecord, params: Params): Tensor[] {
  const tensors = [...record.inputs, record.output, ...Object.values(params)];
  if (record.upstream) tensors.push(record.upstream);
  const backward = record.backward;
  if (backward) {
    if (backward.local) tensors.push(backward.local);
    tensors.push(...backward.dInputs, ...Object.values(backward.dParams));
  }
  return tensors;
}

function values(t: Tensor): TensorValues {
  return t.toNested();
}

function valuesOf(params: Params): Record<string, TensorValues> {
  return Object.fromEntries(Object.entries(params).map(([name, t]) => [name, values(t)]));
}
