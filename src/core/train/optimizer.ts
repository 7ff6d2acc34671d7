import type { Backend } from '../backend/backend';
import type { Params } from '../layers/kind';

/** Whether the optimizer may change a parameter: not those of frozen nodes, nor those marked trainable: false. */
export type ParamFilter = (nodeId: string, paramName: string) => boolean;

/** Updates parameters in place from their gradients. */
export interface Optimizer {
  readonly name: string;
  /** Updates applied so far: the global step t that a learning-rate schedule reads. */
  readonly iterations: number;
  /** The learning rate the next update uses. */
  learningRate(): number;
  /**
   * One update of every parameter that has a gradient and passes the filter (all of them without
   * one). On a backend with applyUpdates the parameters change on the device and their host
   * copies go stale: download them before reading `data`. Otherwise the update reads the host
   * arrays of the parameters and gradients, so download those first.
   */
  step(backend: Backend, params: Map<string, Params>, grads: Map<string, Params>, trainable?: ParamFilter): void;
}
