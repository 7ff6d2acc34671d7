import {
  type Executor,
  loadModelText,
  ModelError,
  Network,
  NonFiniteLossError,
  type StepRecord,
  sgd,
  trainOnBatch,
  validateModel,
} from '../core';
import type { BackendStatus } from '../protocol/backend';
import { type EngineEvent, type EngineReply, errorReply } from '../protocol/messages';
import type { EngineRequest, LoadParams, RequestOf } from '../protocol/requests';
import type {
  HelloResult,
  LoadResult,
  StepRecordPayload,
  StepResult,
  TraceResult,
  TrainResult,
} from '../protocol/results';
import { PROTOCOL_VERSION } from '../protocol/version';
import { applyUpdate } from './apply-update';
import type { EngineBackends } from './backends';
import { RequestError, toEngineError } from './errors';
import { runGradcheck } from './inspect-gradcheck';
import { runInitCompare } from './inspect-init-compare';
import { runInspect } from './inspect-run';
import { passContext } from './pass-context';
import { recordTensors, stepPayload } from './step-payload';
import { summarizeNetwork } from './summarize';
import type { EngineResources } from './training-data';
import { TrainingRunner } from './training-runner';
import { validateRequest } from './validate-request';

export interface EngineSessionOptions {
  backends: EngineBackends;
  /** Where events (training progress) go; they are dropped when absent. */
  emit?: (event: EngineEvent) => void;
  /** Files the host reads for training (the digits); without them those datasets are refused. */
  resources?: EngineResources;
}

interface LoadedModel {
  network: Network;
  /** The executor the step requests move through, one node at a time. */
  stepper: Executor;
}

/**
 * One client's engine state over core: the loaded model and the pass being stepped. It knows
 * nothing of transports; every message gets exactly one reply, and every failure is a typed
 * error reply rather than an exception.
 */
export class EngineSession {
  private loaded: LoadedModel | undefined;
  private readonly training: TrainingRunner;

  constructor(private readonly options: EngineSessionOptions) {
    this.training = new TrainingRunner({ ...options, onDeviceLost: (e) => this.deviceLost(e) });
  }

  async handle(message: unknown): Promise<EngineReply> {
    const checked = validateRequest(message);
    if (!checked.ok) return checked.reply;
    const { request } = checked;
    try {
      return await this.run(request);
    } catch (e) {
      if (!this.backends.lostDevice(e)) return errorReply(request.id, toEngineError(e));
      // The GPU went away mid-request: move to the CPU, keep the model, and answer from there.
      this.deviceLost(e);
      try {
        return await this.run(request);
      } catch (again) {
        return errorReply(request.id, toEngineError(again));
      }
    }
  }

  /** Falls back to the CPU after a lost GPU, moving the loaded model over with its last known weights. */
  private deviceLost(e: unknown): void {
    const reason = e instanceof Error ? e.message : String(e);
    const status = this.backends.fallBackToCpu(reason);
    if (this.loaded) {
      const { network, stepper } = this.loaded;
      for (const t of network.paramTensors()) t.recoverHost();
      const moved = network.withBackend(this.backends.cpu);
      this.loaded = { network: moved, stepper: moved.executor(stepper.ctx) };
    }
    this.options.emit?.({
      kind: 'event',
      type: 'backend-changed',
      status,
      message: `The GPU stopped responding (${reason}). The engine now runs on the CPU; your graph and weights are kept.`,
    });
  }

  private async run(request: EngineRequest): Promise<EngineReply> {
    const { id } = request;
    switch (request.type) {
      case 'hello':
        return { kind: 'reply', id, ok: true, result: this.hello(request.clientVersion) };
      case 'load':
        return { kind: 'reply', id, ok: true, result: this.load(request) };
      case 'trace':
        return { kind: 'reply', id, ok: true, result: await this.trace(request) };
      case 'step':
        return { kind: 'reply', id, ok: true, result: await this.step(request) };
      case 'train':
        return { kind: 'reply', id, ok: true, result: await this.train(request) };
      case 'apply-update': {
        const { network, stepper } = this.require();
        return { kind: 'reply', id, ok: true, result: await applyUpdate(network, stepper, request.learningRate) };
      }
      case 'inspect': {
        const { network } = this.require();
        const result = await runInspect(network, network.backend, this.backends.cpu, request);
        return { kind: 'reply', id, ok: true, result };
      }
      case 'gradcheck':
        // Central differences need float64, which only the CPU backend has.
        return {
          kind: 'reply',
          id,
          ok: true,
          result: runGradcheck(this.require().network, this.backends.cpu, request),
        };
      case 'init-compare': {
        const { network } = this.require();
        return { kind: 'reply', id, ok: true, result: await runInitCompare(network, network.backend, request) };
      }
      case 'set-backend':
        return { kind: 'reply', id, ok: true, result: await this.setBackend(request.preference) };
      case 'train-start':
        return { kind: 'reply', id, ok: true, result: await this.training.start(request) };
      case 'train-control':
        return { kind: 'reply', id, ok: true, result: this.training.control(request) };
      case 'dataset-preview':
        return { kind: 'reply', id, ok: true, result: await this.training.preview(request) };
      case 'search-start':
        return { kind: 'reply', id, ok: true, result: await this.training.search(request) };
    }
  }

  private hello(clientVersion: number): HelloResult {
    if (clientVersion !== PROTOCOL_VERSION) {
      throw new RequestError({
        code: 'version-mismatch',
        message: `this engine speaks protocol version ${PROTOCOL_VERSION}, the client ${clientVersion}: reload the app`,
      });
    }
    return { protocolVersion: PROTOCOL_VERSION, engine: 'backprop-studio', backend: this.backends.status };
  }

  /** Applies the user's choice; a loaded model moves to the new backend with its current weights. */
  private async setBackend(preference: RequestOf<'set-backend'>['preference']): Promise<BackendStatus> {
    const status = await this.backends.choose(preference);
    if (this.loaded) {
      const { network, stepper } = this.loaded;
      const target = this.backends.forDtype(network.dtype);
      if (target !== network.backend) {
        await network.backend.download(network.paramTensors());
        const moved = Network.fromModel(network.toModel(), { backend: target, dtype: network.dtype });
        this.loaded = { network: moved, stepper: moved.executor(stepper.ctx) };
      }
    }
    return status;
  }

  private load(request: LoadParams): LoadResult {
    // A model that fails to load must not leave the previous one answering later requests.
    this.loaded = undefined;
    const checked = request.text !== undefined ? loadModelText(request.text) : validateModel(request.model);
    if (!checked.model || checked.issues.length) {
      throw new ModelError(checked.issues.length ? checked.issues : [{ message: 'the model could not be read' }]);
    }
    const network = Network.fromModel(checked.model, {
      backend: this.backends.forDtype(request.dtype),
      dtype: request.dtype,
      seed: request.seed,
    });
    this.loaded = { network, stepper: network.executor(network.context()) };
    return summarizeNetwork(network);
  }

  private async trace(request: RequestOf<'trace'>): Promise<TraceResult> {
    const { network } = this.require();
    let traced = network;
    if (request.dtype && request.dtype !== network.dtype) {
      await network.backend.download(network.paramTensors());
      traced = Network.fromModel(network.toModel(), {
        backend: this.backends.forDtype(request.dtype),
        dtype: request.dtype,
      });
    }
    return traced.trace(passContext(traced, request));
  }

  private async step(request: RequestOf<'step'>): Promise<StepResult> {
    const loaded = this.require();
    const { network, stepper } = loaded;
    const steps: StepRecord[] = [];
    const record = (r: StepRecord | undefined) => {
      if (r) steps.push(r);
    };
    switch (request.direction) {
      case 'forward':
        record(stepper.stepForward());
        break;
      case 'backward':
        record(stepper.stepBackward());
        break;
      case 'reset':
        this.restart(loaded, request);
        break;
      case 'pass':
        this.restart(loaded, request);
        for (let r = stepper.stepForward(); r; r = stepper.stepForward()) record(r);
        while (stepper.phase !== 'done') record(stepper.stepBackward());
        break;
    }
    const paramsOf = (id: string) => network.params.get(id) ?? {};
    await network.backend.download([
      ...steps.flatMap((r) => recordTensors(r, paramsOf(r.nodeId))),
      ...stepper.lossTensors(),
    ]);
    const records: StepRecordPayload[] = steps.map((r) => {
      const kind = network.plan.byId.get(r.nodeId)?.kind;
      const target = kind?.category === 'loss' ? stepper.ctx.target : undefined;
      return stepPayload(r, kind?.type ?? '?', paramsOf(r.nodeId), target);
    });
    return {
      records,
      phase: stepper.phase,
      nextNodeId: stepper.nextNodeId ?? null,
      loss: stepper.loss ?? null,
      dtype: network.dtype,
    };
  }

  private restart(loaded: LoadedModel, request: RequestOf<'step'>): void {
    if (request.input || request.target) loaded.stepper.ctx = passContext(loaded.network, request);
    loaded.stepper.reset();
  }

  private async train(request: RequestOf<'train'>): Promise<TrainResult> {
    const loaded = this.require();
    const { network } = loaded;
    const ctx = passContext(network, request);
    const optimizer = sgd(request.learningRate);
    const every = request.progressEvery ?? request.steps;
    const losses: number[] = [];
    while (losses.length < request.steps) {
      const done = losses.length;
      try {
        const chunk = await trainOnBatch(network, ctx, optimizer, Math.min(every, request.steps - done));
        for (const loss of chunk.losses) losses.push(loss);
      } catch (e) {
        if (e instanceof NonFiniteLossError) throw new NonFiniteLossError(done + e.step, e.nodeId);
        throw e;
      }
      if (request.progressEvery) {
        this.options.emit?.({
          kind: 'event',
          type: 'train-progress',
          requestId: request.id,
          step: losses.length,
          loss: losses[losses.length - 1],
        });
      }
    }
    // The parameters changed under the stepped pass: start it again so it shows the new ones.
    loaded.stepper = network.executor(loaded.stepper.ctx);
    await network.backend.download(network.paramTensors());
    return { losses, model: network.toModel() };
  }

  private get backends(): EngineBackends {
    return this.options.backends;
  }

  private require(): LoadedModel {
    if (!this.loaded) throw new RequestError({ code: 'no-model', message: 'no model is loaded: send load first' });
    return this.loaded;
  }
}
