import { describe, expect, it } from 'vitest';
import { createBridge } from '../../src/preload/bridge';
import { IPC } from '../../src/protocol/bridge';

type Listener = (event: unknown, value: unknown) => void;

function fakeIpc(answers: Record<string, unknown> = {}) {
  const listeners = new Map<string, Set<Listener>>();
  const sent: unknown[][] = [];
  const invoked: unknown[][] = [];
  return {
    sent,
    invoked,
    emit: (channel: string, value: unknown) => {
      for (const l of listeners.get(channel) ?? []) l({}, value);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
    ipc: {
      send: (channel: string, ...args: unknown[]) => void sent.push([channel, ...args]),
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push([channel, ...args]);
        return answers[channel];
      },
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
    expect(fake.sent).toEqual([[IPC.requestEnginePort]]);
  });

  it('passes on well-formed menu commands, save requests and engine exits only, until unsubscribed', () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    const commands: unknown[] = [];
    const exits: unknown[] = [];
    const saves: number[] = [];
    const stop = bridge.onMenuCommand((c) => commands.push(c));
    bridge.onEngineExit((e) => exits.push(e));
    bridge.onSaveRequest((id) => saves.push(id));
    fake.emit(IPC.menuCommand, { type: 'open-example', fileName: 'xor-mlp.json' });
    fake.emit(IPC.menuCommand, { type: 'command', id: 'undo' });
    fake.emit(IPC.menuCommand, { type: 'command', id: 'format-disk' });
    fake.emit(IPC.menuCommand, { type: 'open-example' });
    fake.emit(IPC.menuCommand, 'rm -rf /');
    fake.emit(IPC.engineExited, { code: 9 });
    fake.emit(IPC.engineExited, { code: 'nine' });
    fake.emit(IPC.saveRequest, 3);
    fake.emit(IPC.saveRequest, -1);
    expect(commands).toEqual([
      { type: 'open-example', fileName: 'xor-mlp.json' },
      { type: 'command', id: 'undo' },
    ]);
    expect(exits).toEqual([{ code: 9 }]);
    expect(saves).toEqual([3]);
    stop();
    expect(fake.count(IPC.menuCommand)).toBe(0);
    expect(fake.count(IPC.engineExited)).toBe(1);
  });

  it('sends the document state, save results and text edits on their channels', () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    bridge.setDocumentState({ fileName: 'a.json', dirty: true });
    bridge.reportSaveResult(4, true);
    bridge.editText('copy');
    expect(fake.sent).toEqual([
      [IPC.documentState, { fileName: 'a.json', dirty: true }],
      [IPC.saveResult, { requestId: 4, saved: true }],
      [IPC.textEdit, 'copy'],
    ]);
  });

  it('returns what main answers for files and prompts, and refuses answers of another shape', async () => {
    const opened = { name: 'a.json', text: '{}', handle: 1 };
    const fake = fakeIpc({ [IPC.openFile]: opened, [IPC.saveFile]: null, [IPC.askUnsaved]: 'maybe' });
    const bridge = createBridge(fake.ipc);
    expect(await bridge.openModelFile()).toEqual(opened);
    const request = { text: '{}', suggestedName: 'a.json', mode: 'save' as const, handle: 1 };
    expect(await bridge.saveModelFile(request)).toBeNull();
    await expect(bridge.askUnsavedChanges()).rejects.toThrow(/unexpected/);
    expect(fake.invoked).toEqual([[IPC.openFile], [IPC.saveFile, request], [IPC.askUnsaved]]);
  });

  it('exposes named functions only, never ipcRenderer itself', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual([
      'askUnsavedChanges',
      'editText',
      'host',
      'onEngineExit',
      'onMenuCommand',
      'onSaveRequest',
      'openModelFile',
      'reportSaveResult',
      'requestEnginePort',
      'saveModelFile',
      'setDocumentState',
    ]);
  });
});
