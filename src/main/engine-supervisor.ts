import { IPC } from '../protocol/bridge';
import { CONNECT_PORT } from '../protocol/host-control';

/** The engine process as main uses it (Electron's UtilityProcess has these). */
export interface EngineChild<Port> {
  postMessage(message: unknown, transfer?: Port[]): void;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Where a renderer's end of the channel goes (Electron's WebContents has this). */
export interface PortReceiver<Port> {
  postMessage(channel: string, message: unknown, transfer?: Port[]): void;
}

export interface ForkOptions {
  serviceName: string;
  stdio: 'inherit';
}

export interface EngineSupervisorOptions<Port> {
  /** The built engine host (out/main/engine.js). */
  modulePath: string;
  fork(modulePath: string, args: string[], options: ForkOptions): EngineChild<Port>;
  createChannel(): { port1: Port; port2: Port };
  /** The engine exited without being stopped: tell the pages it served. */
  onExit?(code: number): void;
}

/**
 * Spawns the engine host on first use and connects renderers to it: each connection is a new
 * message channel, one end to the engine, the other to the page, so main never relays
 * engine traffic. After the engine exits, the next connection starts a new one.
 */
export class EngineSupervisor<Port> {
  private child: EngineChild<Port> | undefined;

  constructor(private readonly options: EngineSupervisorOptions<Port>) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  connect(renderer: PortReceiver<Port>): void {
    const child = this.child ?? this.spawn();
    const { port1, port2 } = this.options.createChannel();
    child.postMessage(CONNECT_PORT, [port1]);
    renderer.postMessage(IPC.enginePort, null, [port2]);
  }

  stop(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }

  private spawn(): EngineChild<Port> {
    const child = this.options.fork(this.options.modulePath, [], {
      serviceName: 'Backprop Studio engine',
      stdio: 'inherit',
    });
    child.on('exit', (code) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.options.onExit?.(code);
    });
    this.child = child;
    return child;
  }
}
