import {
  type Backend,
  DEFAULT_SATURATION_THRESHOLD,
  gradientFlowDefaults,
  inspectExecutor,
  Network,
  NonFiniteTrainingError,
  type Remedy,
  remedyText,
  resolveTraining,
  Trainer,
} from '../core';
import type { InspectParams, InspectResult, InspectThresholds, InspectTraining } from '../protocol/inspect-messages';
import { RequestError } from './errors';
import { inspectData } from './inspect-data';
import { InspectHistory, thinned } from './inspect-history';

const DEFAULT_BINS = 24;
/** Pre-activation values sent per activation node for the curve plots. */
const CURVE_SAMPLES = 400;

export function inspectThresholds(params: Partial<InspectThresholds>): InspectThresholds {
  return {
    vanishingRatio: params.vanishingRatio ?? gradientFlowDefaults.vanishingRatio,
    explodingFactor: params.explodingFactor ?? gradientFlowDefaults.explodingFactor,
    saturationThreshold: params.saturationThreshold ?? DEFAULT_SATURATION_THRESHOLD,
  };
}

/** A copy of the session's network: training before an inspection must not move the user's weights. */
export async function networkCopy(source: Network, backend: Backend): Promise<Network> {
  await source.backend.download(source.paramTensors());
  return Network.fromModel(source.toModel(), { backend, dtype: source.dtype });
}

export function requireLoss(net: Network): void {
  if (net.plan.lossIds.length === 0) {
    throw new RequestError({
      code: 'run-error',
      message: 'the model has no loss node, so there is no gradient to inspect: connect one to its output',
    });
  }
}

/**
 * Optionally trains a copy of the network a few steps (recording gradient sizes and
 * pre-activation distributions as it goes), then inspects one forward and backward pass.
 */
export async function runInspect(
  source: Network,
  backend: Backend,
  cpu: Backend,
  params: InspectParams,
): Promise<InspectResult> {
  const net = await networkCopy(source, backend);
  requireLoss(net);
  const training = resolveTraining(net.model.training);
  const steps = params.steps ?? 0;
  const data = inspectData(net, training, steps, params.dataset);
  const thresholds = inspectThresholds(params);
  const bins = params.bins ?? DEFAULT_BINS;
  let trained: InspectTraining | null = null;
  // The history's passes run between training steps, from a synchronous progress hook, on the
  // weights the step just left on the host: a CPU view of the network, whatever trains it.
  const history = steps > 0 ? new InspectHistory(net.withBackend(cpu), data.probe, steps) : undefined;
  if (history && data.train) {
    history.record(0);
    const summary: InspectTraining = {
      steps: 0,
      losses: [],
      data: data.trainText ?? '',
      optimizer: training.optimizer.type,
    };
    const trainer = new Trainer(net, {
      train: data.train,
      optimizer: training.optimizer,
      batchSize: training.batchSize,
      steps,
      seed: training.seed,
      onProgress: (p) => {
        summary.steps = p.step;
        summary.losses.push(p.loss);
        history.maybeRecord(p.step, p.step === steps);
      },
    });
    try {
      await trainer.run();
    } catch (e) {
      if (!(e instanceof NonFiniteTrainingError)) throw e;
      summary.stopped = e.message;
    }
    trained = summary;
  }
  const ex = net.executor(data.probe);
  const inspection = await inspectExecutor(ex, { ...thresholds, bins });
  const preActivationSamples: Record<string, number[]> = {};
  for (const node of net.plan.nodes) {
    const input = node.kind.category === 'activation' ? ex.outputs.get(node.inputs[0] ?? '') : undefined;
    if (input) preActivationSamples[node.id] = Array.from(thinned(input.data, CURVE_SAMPLES));
  }
  const remedies = new Set<Remedy>(inspection.flow.flatMap((f) => f.flag?.remedies ?? []));
  return {
    loss: inspection.loss ?? null,
    data: data.probeText,
    dtype: net.dtype,
    thresholds,
    activations: inspection.activations,
    preActivationSamples,
    gradients: inspection.gradients,
    flow: inspection.flow,
    remedyText: Object.fromEntries([...remedies].map((r) => [r, remedyText[r]])),
    training: trained,
    history: history?.snapshots(bins) ?? [],
  };
}
