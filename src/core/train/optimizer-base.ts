import type { Backend, DeviceParamUpdate, DeviceUpdateRule } from '../backend/backend';
import type { Params } from '../layers/kind';
import { Tensor, type TypedArray } from '../tensor/tensor';
import type { Optimizer, ParamFilter } from './optimizer';
import { applyMaxNorm, clipByGlobalNorm, type GradientOptions, isWeight, prepareGradient } from './regularization';
import { constantSchedule, type Schedule } from './schedules/schedule';

export interface OptimizerSettings extends GradientOptions {
  /** A fixed rate, or a schedule read at the global step t (updates applied before this one). */
  learningRate: number | Schedule;
}

/**
 * A rule's form for backends that update on the device (Backend.applyUpdates): the same formula
 * in WGSL over float32 state, and the scalars it reads at a step, computed here in float64.
 */
export interface DeviceForm {
  readonly rule: DeviceUpdateRule;
  scalars(lr: number, step: number): Record<string, number>;
}

/** How one optimizer changes one parameter, element-wise, given its own state for that parameter. */
export interface UpdateRule<S> {
  readonly name: string;
  createState(size: number): S;
  /** w updated in place from g (already penalised and clipped); step is 1 for the first update, as Keras's local_step. */
  update(w: TypedArray, g: Float64Array, state: S, lr: number, step: number): void;
  /** The same update for a device; without it the rule always runs on the host. */
  readonly device?: DeviceForm;
}

interface Slot<S> {
  state: S;
  /** The gradient after penalties and clipping, reused from step to step. */
  grad: Float64Array;
}

/** Values kept per parameter, keyed by node id and parameter name. */
class SlotTable<T> {
  private readonly byNode = new Map<string, Map<string, T>>();

  /** The slot for a parameter, made anew when there is none or fits() rejects the one there. */
  get(nodeId: string, name: string, fits: (slot: T) => boolean, make: () => T): T {
    let nodeSlots = this.byNode.get(nodeId);
    if (!nodeSlots) {
      nodeSlots = new Map();
      this.byNode.set(nodeId, nodeSlots);
    }
    let slot = nodeSlots.get(name);
    if (!slot || !fits(slot)) {
      slot = make();
      nodeSlots.set(name, slot);
    }
    return slot;
  }
}

interface Found {
  nodeId: string;
  name: string;
  w: Tensor;
  g: Tensor;
}

/**
 * An optimizer from an update rule: it keeps state per parameter (keyed by node and name), reads
 * the schedule, skips parameters the filter rejects, and applies penalties, clipping and the
 * max-norm constraint around the rule.
 *
 * Where the backend has applyUpdates and the rule a device form, the state lives on the device as
 * float32 tensors (made once per parameter) and the whole step is dispatched there: parameters are
 * written in place on the device and their host copies go stale until the caller downloads them.
 * Otherwise the update runs on the host arrays of the parameters and gradients, which the caller
 * downloads first. A parameter's state does not move between the two: were an optimizer to switch
 * (a lost GPU, the network moved to the CPU), that state would start again from its initial value.
 */
export function createOptimizer<S>(rule: UpdateRule<S>, settings: OptimizerSettings): Optimizer {
  const schedule =
    typeof settings.learningRate === 'number' ? constantSchedule(settings.learningRate) : settings.learningRate;
  const hostSlots = new SlotTable<Slot<S>>();
  const deviceSlots = new SlotTable<Tensor[]>();
  let iterations = 0;

  function hostStep(found: readonly Found[], lr: number): void {
    const work: { w: Tensor; slot: Slot<S> }[] = [];
    for (const { nodeId, name, w, g } of found) {
      const slot = hostSlots.get(
        nodeId,
        name,
        (s) => s.grad.length === w.size,
        () => ({ state: rule.createState(w.size), grad: new Float64Array(w.size) }),
      );
      prepareGradient(slot.grad, g.data, w.data, w.shape, settings);
      work.push({ w, slot });
    }
    if (settings.clipNorm !== undefined) {
      clipByGlobalNorm(
        work.map((x) => x.slot.grad),
        settings.clipNorm,
      );
    }
    for (const { w, slot } of work) {
      rule.update(w.data, slot.grad, slot.state, lr, iterations + 1);
      if (settings.maxNorm !== undefined && isWeight(w.shape)) applyMaxNorm(w.data, w.shape, settings.maxNorm);
      w.touch();
    }
  }

  function deviceStep(
    form: DeviceForm,
    apply: NonNullable<Backend['applyUpdates']>,
    found: readonly Found[],
    lr: number,
  ): void {
    const updates = found.map(({ nodeId, name, w, g }): DeviceParamUpdate => {
      // Host zeros (or the initial value) in float32: the first dispatch uploads them, once.
      const state = deviceSlots.get(
        nodeId,
        name,
        (s) => s.every((t) => t.size === w.size),
        () => form.rule.state.map((s) => Tensor.filled(w.shape, s.initial, 'float32')),
      );
      return { w, g, state, weight: isWeight(w.shape) };
    });
    apply(form.rule, updates, {
      scalars: form.scalars(lr, iterations + 1),
      l1: settings.l1,
      l2: settings.l2,
      clipValue: settings.clipValue,
      clipNorm: settings.clipNorm,
      maxNorm: settings.maxNorm,
    });
  }

  return {
    name: rule.name,
    get iterations() {
      return iterations;
    },
    learningRate: () => schedule(iterations),
    step(backend, params: Map<string, Params>, grads: Map<string, Params>, trainable: ParamFilter = () => true) {
      const lr = schedule(iterations);
      const found: Found[] = [];
      for (const [nodeId, nodeGrads] of grads) {
        const nodeParams = params.get(nodeId);
        if (!nodeParams) continue;
        for (const [name, g] of Object.entries(nodeGrads)) {
          const w = nodeParams[name];
          if (!w || !trainable(nodeId, name)) continue;
          if (g.size !== w.size) {
            throw new Error(`gradient of ${nodeId}.${name} has ${g.size} values but the parameter has ${w.size}`);
          }
          found.push({ nodeId, name, w, g });
        }
      }
      const form = rule.device;
      const apply = backend.applyUpdates?.bind(backend);
      const onDevice =
        form !== undefined &&
        apply !== undefined &&
        found.every(({ w, g }) => w.dtype === 'float32' && g.dtype === 'float32');
      if (onDevice) deviceStep(form, apply, found, lr);
      else hostStep(found, lr);
      iterations++;
    },
  };
}
