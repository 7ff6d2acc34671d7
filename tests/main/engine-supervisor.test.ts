import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EngineSupervisor, type ForkOptions } from '../../src/main/engine-supervisor';
import { IPC } from '../../src/protocol/bridge';
import { CONNECT_PORT } from '../../src/protocol/host-control';

interface FakePort {
  name: string;
}

class FakeChild extends EventEmitter {
  readonly received: { message: unknown; transfer?: FakePort[] }[] = [];
  killed = false;
  postMessage(message: unknown, transfer?: FakePort[]): void {
    this.received.push({ message, transfer });
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
}

function setup() {
  const forks: { modulePath: string; options: ForkOptions; child: FakeChild }[] = [];
  const exits: number[] = [];
  let channels = 0;
  const supervisor = new EngineSupervisor<FakePort>({
    modulePath: '/app/out/main/engine.js',
    fork: (modulePath, _args, options) => {
      const child = new FakeChild();
      forks.push({ modulePath, options, child });
      return child;
    },
    createChannel: () => {
      channels++;
      return { port1: { name: `engine-end-${channels}` }, port2: { name: `page-end-${channels}` } };
    },
    onExit: (code) => exits.push(code),
  });
  const renderer = { sent: [] as { channel: string; message: unknown; transfer?: FakePort[] }[] };
  const receiver = {
    postMessage: (channel: string, message: unknown, transfer?: FakePort[]) =>
      renderer.sent.push({ channel, message, transfer }),
  };
  return { supervisor, forks, exits, renderer, receiver };
}

describe('engine supervisor', () => {
  it('spawns the engine on first connect and hands one end of a new channel to each side', () => {
    const { supervisor, forks, renderer, receiver } = setup();
    supervisor.connect(receiver);
    expect(forks).toHaveLength(1);
    expect(forks[0].modulePath).toBe('/app/out/main/engine.js');
    expect(forks[0].options.serviceName).toMatch(/engine/);
    expect(forks[0].child.received).toEqual([{ message: CONNECT_PORT, transfer: [{ name: 'engine-end-1' }] }]);
    expect(renderer.sent).toEqual([{ channel: IPC.enginePort, message: null, transfer: [{ name: 'page-end-1' }] }]);
    expect(supervisor.running).toBe(true);
  });

  it('reuses the running engine for later connections (a reload), with a fresh channel each time', () => {
    const { supervisor, forks, renderer, receiver } = setup();
    supervisor.connect(receiver);
    supervisor.connect(receiver);
    expect(forks).toHaveLength(1);
    expect(forks[0].child.received.map((r) => r.transfer?.[0].name)).toEqual(['engine-end-1', 'engine-end-2']);
    expect(renderer.sent.map((r) => r.transfer?.[0].name)).toEqual(['page-end-1', 'page-end-2']);
  });

  it('reports an engine that exits on its own, and starts a new one on the next connect', () => {
    const { supervisor, forks, exits, receiver } = setup();
    supervisor.connect(receiver);
    forks[0].child.emit('exit', 134);
    expect(exits).toEqual([134]);
    expect(supervisor.running).toBe(false);
    supervisor.connect(receiver);
    expect(forks).toHaveLength(2);
  });

  it('stops the engine without reporting it as a crash', () => {
    const { supervisor, forks, exits, receiver } = setup();
    supervisor.connect(receiver);
    supervisor.stop();
    expect(forks[0].child.killed).toBe(true);
    expect(exits).toEqual([]);
    supervisor.stop();
  });
});
