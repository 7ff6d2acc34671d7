import type { Backend } from '../backend/backend';
import type { Params, PassContext } from '../layers/kind';
import type { DType, NestedArray, Tensor } from '../tensor/tensor';
import type { Plan } from './compile';
import { Executor } from './executor';
import { ModelError } from './issues';
import { validateModel } from './load';
import type { ModelJson, NestedNumbers } from './model';
import { materializeParams, withParams } from './params';
import { nestedToTensor } from './sample';

export interface NetworkOptions {
  backend: Backend;
  dtype?: DType;
  /** Seed for initialising parameters the model does not store. */
  seed?: number;
}

export interface TraceNode {
  type: string;
  output: NestedArray;
  /** dLoss/d(output). */
  grad: NestedArray | null;
  params: Record<string, { value: NestedArray; grad: NestedArray | null }>;
}

export interface Trace {
  loss: number | null;
  nodes: Record<string, TraceNode>;
}

/** A model compiled for running: its plan, its parameter tensors and the backend they live on. */
export class Network {
  private constructor(
    readonly model: ModelJson,
    readonly plan: Plan,
    readonly params: Map<string, Params>,
    readonly backend: Backend,
    readonly dtype: DType,
  ) {}

  /** Validates and compiles a model; throws ModelError with every issue if it is not runnable. */
  static fromModel(model: unknown, options: NetworkOptions): Network {
    const { model: valid, plan, issues } = validateModel(model);
    if (!valid || !plan || issues.length) throw new ModelError(issues);
    const dtype = options.dtype ?? 'float32';
    return new Network(valid, plan, materializeParams(valid, plan, dtype, options.seed ?? 0), options.backend, dtype);
  }

  /**
   * The same network, parameters shared, computing on another backend. Parameters live on the
   * host (a GPU backend mirrors them), so a CPU view sees the weights of the last completed step.
   */
  withBackend(backend: Backend): Network {
    if (!backend.dtypes.includes(this.dtype))
      throw new Error(`the ${backend.name} backend cannot compute in ${this.dtype}`);
    return new Network(this.model, this.plan, this.params, backend, this.dtype);
  }

  /** The pass context for given input and target values, defaulting to the model's sample. */
  context(values: { input?: NestedNumbers; target?: NestedNumbers } = {}, training = true): PassContext {
    const input = values.input ?? this.model.sample?.input;
    const target = values.target ?? this.model.sample?.target;
    return {
      input: input ? nestedToTensor(input, this.dtype) : undefined,
      target: target ? nestedToTensor(target, this.dtype) : undefined,
      training,
    };
  }

  executor(ctx: PassContext): Executor {
    return new Executor(this.backend, this.plan, this.params, ctx);
  }

  /** One forward and backward pass, every node's values and gradients collected (downloaded once from a GPU). */
  async trace(ctx: PassContext): Promise<Trace> {
    const ex = this.executor(ctx);
    ex.reset();
    ex.runBackward();
    await this.backend.download([...ex.heldTensors(), ...this.paramTensors()]);
    const nodes: Record<string, TraceNode> = {};
    for (const node of this.plan.nodes) {
      const params: TraceNode['params'] = {};
      const grads = ex.paramGrads.get(node.id) ?? {};
      for (const [name, value] of Object.entries(this.params.get(node.id) ?? {})) {
        params[name] = { value: value.toNested(), grad: nestedOrNull(grads[name]) };
      }
      nodes[node.id] = {
        type: node.kind.type,
        output: (ex.outputs.get(node.id) as Tensor).toNested(),
        grad: nestedOrNull(ex.grads.get(node.id)),
        params,
      };
    }
    return { loss: ex.loss ?? null, nodes };
  }

  /** Every parameter tensor, for downloading them before host code reads them. */
  paramTensors(): Tensor[] {
    return [...this.params.values()].flatMap((p) => Object.values(p));
  }

  /** The model with the current parameter values stored in it; the parameters must be on the host. */
  toModel(): ModelJson {
    return withParams(this.model, this.params);
  }
}

function nestedOrNull(t: Tensor | undefined): NestedArray | null {
  return t ? t.toNested() : null;
}
