import { emptyModel, type ModelJson } from '../../src/core/graph/model';
import type { BackendPreference, BackendStatus } from '../../src/protocol/backend';
import type { EngineEvent } from '../../src/protocol/messages';
import type { RequestType } from '../../src/protocol/requests';
import { EngineClientError } from '../../src/renderer/engine-client/client-error';
import type { EngineConnection } from '../../src/renderer/engine-client/connect';
import type { EngineClient } from '../../src/renderer/engine-client/engine-client';
import type { PreferenceStorage } from '../../src/renderer/stores/backend-preference';
import { createSessionStore } from '../../src/renderer/stores/session-store';

export const CPU = 'CPU (JavaScript)';
export const cpuStatus = (preference: BackendPreference = 'auto', note?: string): BackendStatus => ({
  preference,
  active: 'cpu',
  description: CPU,
  ...(note ? { note } : {}),
});

/** The adapter a fake engine may have: a software one is refused by 'auto', as the real engine does. */
export interface FakeGpu {
  description: string;
  software: boolean;
}

/**
 * An engine that answers load with a summary (invalid-model for a model named 'bad') and
 * set-backend as the real engine chooses, on the adapter it is given; it sends events on demand.
 */
export class FakeEngine implements EngineClient {
  readonly transport = 'worker' as const;
  readonly requests: { type: RequestType; params: unknown }[] = [];
  private readonly disconnectListeners = new Set<(error: EngineClientError) => void>();
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();
  /** set-backend answers wait for this while it is set (opening a GPU takes a while). */
  hold: Promise<void> | undefined;
  closed = false;
  status: BackendStatus = cpuStatus();

  constructor(private readonly gpu?: FakeGpu) {}

  async request(type: RequestType, params: unknown): Promise<never> {
    this.requests.push({ type, params });
    if (this.closed) throw new EngineClientError({ code: 'disconnected', message: 'gone' });
    if (type === 'set-backend') {
      await this.hold;
      this.status = this.choose((params as { preference: BackendPreference }).preference);
      return this.status as never;
    }
    const model = (params as { model?: ModelJson }).model;
    if (type === 'load' && model?.name === 'bad') {
      throw new EngineClientError({ code: 'invalid-model', message: 'the model has no input node' });
    }
    return { nodes: [], paramCount: 12, batch: 1, hasSample: true, hasTarget: true } as never;
  }
  private choose(preference: BackendPreference): BackendStatus {
    if (preference === 'cpu') return cpuStatus('cpu');
    if (!this.gpu) return cpuStatus(preference, 'no WebGPU adapter is available');
    if (this.gpu.software && preference === 'auto') {
      return cpuStatus(preference, `the only WebGPU adapter is a software one (${this.gpu.description})`);
    }
    return { preference, active: 'webgpu', description: `WebGPU (${this.gpu.description})` };
  }
  emit(event: EngineEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }
  onDisconnect(listener: (error: EngineClientError) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }
  close(): void {
    this.closed = true;
  }
  crash(): void {
    this.closed = true;
    for (const l of this.disconnectListeners) l(new EngineClientError({ code: 'disconnected', message: 'crashed' }));
  }
}

export interface FakeSessionOptions {
  /** Starts that fail before one succeeds. */
  failures?: number;
  gpu?: FakeGpu;
  preferences?: PreferenceStorage;
}

/** A session store over fake engines, one per start; hello reports the CPU under 'auto', as a fresh engine does. */
export function fakeSession({ failures = 0, gpu, preferences }: FakeSessionOptions = {}) {
  const engines: FakeEngine[] = [];
  let toFail = failures;
  const session = createSessionStore({
    transport: 'worker',
    retryDelayMs: 1,
    preferences,
    connect: async (): Promise<EngineConnection> => {
      if (toFail-- > 0) throw new Error('no worker');
      const engine = new FakeEngine(gpu);
      engines.push(engine);
      return {
        client: engine,
        hello: { protocolVersion: 1, engine: 'backprop-studio', backend: cpuStatus() },
        kill: () => engine.crash(),
      };
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { session, engines, settle, state: () => session.getState() };
}

export const named = (name: string): ModelJson => ({ ...emptyModel(), name });

/** The requests an engine got, by type, and the models and dtypes of its loads. */
export const types = (engine: FakeEngine) => engine.requests.map((r) => r.type);
export const loads = (engine: FakeEngine) =>
  engine.requests.filter((r) => r.type === 'load').map((r) => (r.params as { model: ModelJson }).model.name);
export const dtypes = (engine: FakeEngine) =>
  engine.requests.filter((r) => r.type === 'load').map((r) => (r.params as { dtype?: string }).dtype);
