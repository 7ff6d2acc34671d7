import { type Backend, compareInitialisers, type Network, resolveTraining } from '../core';
import type { InitCompareParams, InitCompareResult } from '../protocol/inspect-messages';
import { inspectData } from './inspect-data';
import { networkCopy, requireLoss } from './inspect-run';

/** The model under each initialiser in turn, one inspected pass each on the model's own data. */
export async function runInitCompare(
  source: Network,
  backend: Backend,
  params: InitCompareParams,
): Promise<InitCompareResult> {
  const net = await networkCopy(source, backend);
  requireLoss(net);
  const { probe, probeText } = inspectData(net, resolveTraining(net.model.training), 0, undefined);
  const comparisons = await compareInitialisers(net.model, net.plan, {
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
