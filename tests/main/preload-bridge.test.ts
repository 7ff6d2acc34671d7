import { describe, expect, it } from 'vitest';
import { createBridge } from '../../src/preload/bridge';
import { IPC } from '../../src/protocol/bridge';

type Listener = (event: unknown, value: unknown) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const sent: string[] = [];
  return {
    sent,
    emit: (channel: string, value: unknown) => {
      for (const l of listeners.get(channel) ?? []) l({}, value);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
    ipc: {
      send: (channel: string) => sent.push(channel),
      on: (channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
    },
  };
}

describe('preload bridge', () => {
  it('asks main for an engine port on its one channel', () => {
    const fake = fakeIpc();
    createBridge(fake.ipc).requestEnginePort();
    expect(fake.sent).toEqual([IPC.requestEnginePort]);
  });

  it('passes on well-formed menu commands and engine exits only, until unsubscribed', () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    const commands: unknown[] = [];
    const exits: unknown[] = [];
    const stop = bridge.onMenuCommand((c) => commands.push(c));
    bridge.onEngineExit((e) => exits.push(e));
    fake.emit(IPC.menuCommand, { type: 'open-example', fileName: 'xor-mlp.json' });
    fake.emit(IPC.menuCommand, { type: 'open-example' });
    fake.emit(IPC.menuCommand, 'rm -rf /');
    fake.emit(IPC.engineExited, { code: 9 });
    fake.emit(IPC.engineExited, { code: 'nine' });
    expect(commands).toEqual([{ type: 'open-example', fileName: 'xor-mlp.json' }]);
    expect(exits).toEqual([{ code: 9 }]);
    stop();
    expect(fake.count(IPC.menuCommand)).toBe(0);
    expect(fake.count(IPC.engineExited)).toBe(1);
  });

  it('exposes named functions only, never ipcRenderer itself', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['host', 'onEngineExit', 'onMenuCommand', 'requestEnginePort']);
  });
});
