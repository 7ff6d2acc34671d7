import type { Backend } from '../backend/backend';
import { type BackwardResult, type Params, type PassContext, RunError } from '../layers/kind';
import { Tensor } from '../tensor/tensor';
import type { Plan, PlanNode } from './compile';

export type Phase = 'idle' | 'forward' | 'backward' | 'done';

/** What one step did, for the debugger and traces. */
export interface StepRecord {
  nodeId: string;
  direction: 'forward' | 'backward';
  inputs: Tensor[];
  output: Tensor;
  /** Backward only: dLoss/d(output) summed over the node's consumers. */
  upstream?: Tensor;
  backward?: BackwardResult;
}

/** An error while running a node, with the node it happened at. */
export class NodeRunError extends Error {
  override name = 'NodeRunError';
  constructor(
    readonly nodeId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`node '${nodeId}': ${message}`, options);
  }
}

/**
 * Runs a compiled plan one node at a time. A forward step runs the next node in plan order; a
 * backward step runs the previous one, from the losses back to the input. Gradients of a node
 * read by several consumers add up before its own backward step runs.
 */
export class Executor {
  readonly outputs = new Map<string, Tensor>();
  /** dLoss/d(output) of each node. */
  readonly grads = new Map<string, Tensor>();
  readonly paramGrads = new Map<string, Params>();
  private readonly caches = new Map<string, unknown>();
  private cursor = 0;
  private phaseValue: Phase = 'idle';

  constructor(
    readonly backend: Backend,
    readonly plan: Plan,
    readonly params: Map<string, Params>,
    public ctx: PassContext,
  ) {
    const unshaped = plan.nodes.find((n) => !n.outputShape);
    if (unshaped) throw new NodeRunError(unshaped.id, 'the node has an error; fix it before running');
  }

  get phase(): Phase {
    return this.phaseValue;
  }

  /** The node the next step will run, if any. */
  get nextNodeId(): string | undefined {
    if (this.phaseValue === 'done') return undefined;
    if (this.phaseValue === 'backward') return this.plan.nodes[this.cursor - 1]?.id;
    return this.plan.nodes[this.cursor]?.id;
  }

  /** The loss nodes' outputs that have run: what to download before reading `loss` on a GPU backend. */
  lossTensors(): Tensor[] {
    return this.plan.lossIds.map((id) => this.outputs.get(id)).filter((t): t is Tensor => t !== undefined);
  }

  /** Every tensor the pass holds (outputs, gradients, parameter gradients), for downloading them all at once. */
  heldTensors(): Tensor[] {
    const held = [...this.outputs.values(), ...this.grads.values()];
    for (const grads of this.paramGrads.values()) held.push(...Object.values(grads));
    return held;
  }

  /** The total loss: the sum of every loss node's output, once they have run (and are on the host). */
  get loss(): number | undefined {
    if (this.plan.lossIds.length === 0) return undefined;
    let total = 0;
    for (const id of this.plan.lossIds) {
      const out = this.outputs.get(id);
      if (!out) return undefined;
      total += out.data[0];
    }
    return total;
  }

  reset(): void {
    this.releaseDeviceMemory();
    this.outputs.clear();
    this.grads.clear();
    this.paramGrads.clear();
    this.caches.clear();
    this.cursor = 0;
    this.phaseValue = 'idle';
  }

  /** Runs the next node forward; returns undefined when the forward pass is complete. */
  stepForward(): StepRecord | undefined {
    if (this.phaseValue === 'backward' || this.phaseValue === 'done') return undefined;
    const node = this.plan.nodes[this.cursor];
    if (!node) return undefined;
    this.phaseValue = 'forward';
    const inputs = node.inputs.map((id) => this.outputOf(id));
    const result = this.guard(node, () =>
      node.kind.forward(this.backend, node.config, inputs, this.params.get(node.id) ?? {}, this.contextOf(node)),
    );
    this.outputs.set(node.id, result.output);
    this.caches.set(node.id, result.cache);
    this.cursor++;
    return { nodeId: node.id, direction: 'forward', inputs, output: result.output };
  }

  get forwardDone(): boolean {
    return this.phaseValue === 'backward' || this.phaseValue === 'done' || this.cursor >= this.plan.nodes.length;
  }

  /** Runs the previous node backward; the forward pass must be complete. */
  stepBackward(): StepRecord | undefined {
    if (!this.forwardDone) throw new RunError('finish the forward pass before stepping backward');
    if (this.phaseValue === 'done') return undefined;
    this.phaseValue = 'backward';
    const node = this.plan.nodes[this.cursor - 1];
    this.cursor--;
    if (this.cursor === 0) this.phaseValue = 'done';
    if (!node) return undefined;
    const output = this.outputOf(node.id);
    const upstream = this.upstreamOf(node, output);
    const inputs = node.inputs.map((id) => this.outputOf(id));
    const result = this.guard(node, () =>
      node.kind.backward(this.backend, {
        config: node.config,
        inputs,
        output,
        params: this.params.get(node.id) ?? {},
        dy: upstream,
        cache: this.caches.get(node.id),
        ctx: this.contextOf(node),
      }),
    );
    this.paramGrads.set(node.id, result.dParams);
    node.inputs.forEach((id, i) => {
      this.accumulate(id, result.dInputs[i]);
    });
    return { nodeId: node.id, direction: 'backward', inputs, output, upstream, backward: result };
  }

  runForward(): void {
    while (this.stepForward());
  }

  runBackward(): void {
    this.runForward();
    while (this.phaseValue !== 'done') this.stepBackward();
  }

  /** A whole pass from the start: forward through every node, then backward to the input. */
  runPass(): number | undefined {
    this.reset();
    this.runBackward();
    return this.loss;
  }

  // GPU memory goes back to the pool now rather than when the collector finds the tensors;
  // parameters and the caller's input and target are not the pass's to release.
  private releaseDeviceMemory(): void {
    const keep = new Set<Tensor>();
    for (const params of this.params.values()) for (const t of Object.values(params)) keep.add(t);
    if (this.ctx.input) keep.add(this.ctx.input);
    if (this.ctx.target) keep.add(this.ctx.target);
    for (const t of this.heldTensors()) if (t.device && !keep.has(t)) t.dispose();
  }

  /** runPass for any backend: the loss is downloaded before it is read. */
  async runPassAndReadLoss(): Promise<number | undefined> {
    this.reset();
    this.runBackward();
    await this.backend.download(this.lossTensors());
    return this.loss;
  }

  private contextOf(node: PlanNode): PassContext {
    return { ...this.ctx, nodeId: node.id };
  }

  private outputOf(id: string): Tensor {
    const t = this.outputs.get(id);
    if (!t) throw new RunError(`node '${id}' has not run yet`);
    return t;
  }

  // A loss starts the chain with dE/dE = 1; a node no loss depends on gets a zero gradient.
  private upstreamOf(node: PlanNode, output: Tensor): Tensor {
    const g =
      node.kind.category === 'loss'
        ? Tensor.filled(output.shape, 1, output.dtype)
        : (this.grads.get(node.id) ?? Tensor.zeros(output.shape, output.dtype));
    this.grads.set(node.id, g);
    return g;
  }

  private accumulate(id: string, grad: Tensor | undefined): void {
    if (!grad) return;
    const existing = this.grads.get(id);
    if (existing) this.backend.axpy(existing, 1, grad);
    else this.grads.set(id, grad.clone());
  }

  private guard<T>(node: PlanNode, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof NodeRunError) throw e;
      throw new NodeRunError(node.id, (e as Error).message, { cause: e });
    }
  }
}
