import { type Backend, compareInitialisers, type Network, resolveTraining } from '../core';
import type { InitCompareParams, InitCompareResult } from '../protocol/inspect-messages';
import { inspectData } from './inspect-data';
import { networkCopy, requireLoss } from './inspect-run';

/** The model under each initialiser in turn, one inspected pass each on the model's own data. */
export function runInitCompare(source: Network, backend: Backend, params: InitCompareParams): InitCompareResult {
  const net = networkCopy(source, backend);
  requireLoss(net);
  const { probe, probeText } = inspectData(net, resolveTraining(net.model.training), 0, undefined);
  const comparisons = compareInitialisers(net.model, net.plan, {
    backend,
    inits: params.initialisers,
    input: probe.input,
    target: probe.target,
    dtype: net.dtype,
    vanishingRatio: params.vanishingRatio,
    explodingFactor: params.explodingFactor,
  });
  return { comparisons, data: probeText };
}
