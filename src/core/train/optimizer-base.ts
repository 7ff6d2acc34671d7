import type { Params } from '../layers/kind';
import type { TypedArray } from '../tensor/tensor';
import type { Optimizer, ParamFilter } from './optimizer';
import { applyMaxNorm, clipByGlobalNorm, type GradientOptions, isWeight, prepareGradient } from './regularization';
import { constantSchedule, type Schedule } from './schedules/schedule';

export interface OptimizerSettings extends GradientOptions {
  /** A fixed rate, or a schedule read at the global step t (updates applied before this one). */
  learningRate: number | Schedule;
}

/** How one optimizer changes one parameter, element-wise, given its own state for that parameter. */
export interface UpdateRule<S> {
  readonly name: string;
  createState(size: number): S;
  /** w updated in place from g (already penalised and clipped); step is 1 for the first update, as Keras's local_step. */
  update(w: TypedArray, g: Float64Array, state: S, lr: number, step: number): void;
}

interface Slot<S> {
  state: S;
  /** The gradient after penalties and clipping, reused from step to step. */
  grad: Float64Array;
}

/**
 * An optimizer from an update rule: it keeps state per parameter (keyed by node and name), reads
 * the schedule, skips parameters the filter rejects, and applies penalties, clipping and the
 * max-norm constraint around the rule. Updates run on the parameter arrays, which every backend
 * keeps on the host.
 */
export function createOptimizer<S>(rule: UpdateRule<S>, settings: OptimizerSettings): Optimizer {
  const schedule =
    typeof settings.learningRate === 'number' ? constantSchedule(settings.learningRate) : settings.learningRate;
  const slots = new Map<string, Map<string, Slot<S>>>();
  let iterations = 0;

  function slotFor(nodeId: string, name: string, size: number): Slot<S> {
    let nodeSlots = slots.get(nodeId);
    if (!nodeSlots) {
      nodeSlots = new Map();
      slots.set(nodeId, nodeSlots);
    }
    let slot = nodeSlots.get(name);
    if (!slot || slot.grad.length !== size) {
      slot = { state: rule.createState(size), grad: new Float64Array(size) };
      nodeSlots.set(name, slot);
    }
    return slot;
  }

  return {
    name: rule.name,
    get iterations() {
      return iterations;
    },
    learningRate: () => schedule(iterations),
    step(_backend, params: Map<string, Params>, grads: Map<string, Params>, trainable: ParamFilter = () => true) {
      const lr = schedule(iterations);
      const work: { w: TypedArray; shape: readonly number[]; slot: Slot<S> }[] = [];
      for (const [nodeId, nodeGrads] of grads) {
        const nodeParams = params.get(nodeId);
        if (!nodeParams) continue;
        for (const [name, g] of Object.entries(nodeGrads)) {
          const w = nodeParams[name];
          if (!w || !trainable(nodeId, name)) continue;
          if (g.size !== w.size) {
            throw new Error(`gradient of ${nodeId}.${name} has ${g.size} values but the parameter has ${w.size}`);
          }
          const slot = slotFor(nodeId, name, w.size);
          prepareGradient(slot.grad, g.data, w.data, w.shape, settings);
          work.push({ w: w.data, shape: w.shape, slot });
        }
      }
      if (settings.clipNorm !== undefined) {
        clipByGlobalNorm(
          work.map((x) => x.slot.grad),
          settings.clipNorm,
        );
      }
      for (const { w, shape, slot } of work) {
        rule.update(w, slot.grad, slot.state, lr, iterations + 1);
        if (settings.maxNorm !== undefined && isWeight(shape)) applyMaxNorm(w, shape, settings.maxNorm);
      }
      iterations++;
    },
  };
}
