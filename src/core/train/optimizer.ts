import type { Backend } from '../backend/backend';
import type { Params } from '../layers/kind';

/** Updates parameters in place from their gradients. */
export interface Optimizer {
  readonly name: string;
  step(backend: Backend, params: Map<string, Params>, grads: Map<string, Params>): void;
}
