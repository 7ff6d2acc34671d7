import {
  type Backend,
  checkModelGradients,
  checkNodeGradients,
  type GradCheckEntry,
  gradCheckDefaults,
  Network,
  resolveTraining,
} from '../core';
import type { GradcheckParams, GradcheckResult, GradcheckRow } from '../protocol/inspect-messages';
import { RequestError } from './errors';
import { inspectData } from './inspect-data';
import { requireLoss } from './inspect-run';

function rowOf(entry: GradCheckEntry, size: number): GradcheckRow {
  let worst: GradcheckRow['worst'] = null;
  let largest = -1;
  for (let i = 0; i < entry.indices.length; i++) {
    const difference = Math.abs(entry.analytic[i] - entry.numeric[i]);
    // NaN compares false, so a NaN element is taken as the worst whatever came before.
    if (!(difference <= largest)) {
      largest = Number.isNaN(difference) ? Number.POSITIVE_INFINITY : difference;
      worst = { index: entry.indices[i], analytic: entry.analytic[i], numeric: entry.numeric[i] };
    }
  }
  return {
    nodeId: entry.nodeId,
    tensor: entry.name,
    size,
    checked: entry.indices.length,
    maxAbsError: entry.maxAbsError,
    maxRelError: entry.maxRelError,
    passed: entry.passed,
    worst,
  };
}

/**
 * Analytic gradients against central differences, in float64 on the model's own data: of the
 * whole model, or of one node (its parameters within the model; a node without parameters is
 * checked on its own, with the inputs the model's data gives it).
 */
export function runGradcheck(source: Network, backend: Backend, params: GradcheckParams): GradcheckResult {
  const net = Network.fromModel(source.toModel(), { backend, dtype: 'float64' });
  requireLoss(net);
  const data = inspectData(net, resolveTraining(net.model.training), 0, undefined);
  const ctx = data.probe;
  const node = params.nodeId === undefined ? undefined : net.plan.byId.get(params.nodeId);
  if (params.nodeId !== undefined && !node) {
    throw new RequestError({
      code: 'bad-request',
      message: `the model has no node '${params.nodeId}'`,
      path: '$.nodeId',
    });
  }
  const sizes = new Map<string, number>();
  for (const [id, ps] of net.params) for (const [name, t] of Object.entries(ps)) sizes.set(`${id}.${name}`, t.size);
  if (ctx.input && net.plan.inputIds[0]) sizes.set(`${net.plan.inputIds[0]}.input`, ctx.input.size);

  let entries: GradCheckEntry[];
  const trainable = node && Object.values(node.paramSpecs).some((s) => s.trainable !== false);
  if (!node || trainable || node.kind.category === 'input') {
    entries = checkModelGradients(net, ctx).filter((e) => !node || e.nodeId === node.id);
  } else {
    const ex = net.executor(ctx);
    ex.runForward();
    const inputs = node.inputs.map((id) => ex.outputs.get(id)?.clone());
    if (inputs.some((t) => t === undefined)) {
      throw new RequestError({ code: 'run-error', message: `node '${node.id}' did not run`, nodeId: node.id });
    }
    const present = inputs.flatMap((t) => (t ? [t] : []));
    const nodeParams = net.params.get(node.id) ?? {};
    entries = checkNodeGradients(backend, node.kind, node.config, present, nodeParams, { ...ctx, nodeId: node.id });
    entries = entries.map((e) => ({ ...e, nodeId: node.id }));
    present.forEach((t, i) => sizes.set(`${node.id}.input${i}`, t.size));
  }
  const rows = entries.map((e) => rowOf(e, sizes.get(`${e.nodeId}.${e.name}`) ?? e.indices.length));
  return {
    nodeId: node?.id ?? null,
    rows,
    passed: rows.every((r) => r.passed),
    epsilon: gradCheckDefaults.epsilon,
    tolerance: gradCheckDefaults.tolerance,
    absoluteTolerance: gradCheckDefaults.absoluteTolerance,
    data: data.probeText,
  };
}
