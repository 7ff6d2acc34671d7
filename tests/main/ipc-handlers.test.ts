import { describe, expect, it } from 'vitest';
import { type IpcEventLike, registerStudioIpc, type StudioServices } from '../../src/main/ipc-handlers';
import { SaveRequests } from '../../src/main/save-requests';
import { IPC } from '../../src/protocol/bridge';

interface Sender {
  id: string;
}
interface Win {
  name: string;
}

const APP = 'app://studio';

function setup() {
  const onHandlers = new Map<string, (event: IpcEventLike<Sender>, ...args: unknown[]) => void>();
  const invokeHandlers = new Map<string, (event: IpcEventLike<Sender>, ...args: unknown[]) => unknown>();
  const calls: unknown[][] = [];
  const main: Win = { name: 'main' };
  const services: StudioServices<Sender, Win> = {
    connectEngine: (sender) => void calls.push(['connect', sender.id]),
    openFile: async (window) => {
      calls.push(['open', window.name]);
      return null;
    },
    saveFile: async (window, request) => {
      calls.push(['save', window.name, request.mode]);
      return { name: request.suggestedName };
    },
    updateDocument: (window, state) => void calls.push(['document', window.name, state]),
    askUnsaved: async () => 'cancel',
    settleSave: (window, result) => void calls.push(['saved', window.name, result]),
    editText: (sender, command) => void calls.push(['edit', sender.id, command]),
  };
  registerStudioIpc<Sender, Win>(
    {
      on: (channel, listener) => onHandlers.set(channel, listener),
      handle: (channel, handler) => invokeHandlers.set(channel, handler),
    },
    { trustedOrigins: [APP], windowOf: (sender) => (sender.id === 'page' ? main : null), services },
  );
  const event = (url = `${APP}/index.html`, id = 'page', parent: unknown = null): IpcEventLike<Sender> => ({
    sender: { id },
    senderFrame: { url, parent },
  });
  const send = (channel: string, e: IpcEventLike<Sender>, ...args: unknown[]) => onHandlers.get(channel)?.(e, ...args);
  const invoke = async (channel: string, e: IpcEventLike<Sender>, ...args: unknown[]) =>
    invokeHandlers.get(channel)?.(e, ...args);
  return { send, invoke, event, calls };
}

describe('IPC handlers', () => {
  it('serve the app page in one of our windows', async () => {
    const { send, invoke, event, calls } = setup();
    send(IPC.requestEnginePort, event());
    send(IPC.documentState, event(), { fileName: 'a.json', dirty: true });
    send(IPC.saveResult, event(), { requestId: 2, saved: true });
    send(IPC.textEdit, event(), 'paste');
    await invoke(IPC.openFile, event());
    const request = { text: '{}', suggestedName: 'a.json', mode: 'save-as', handle: null };
    expect(await invoke(IPC.saveFile, event(), request)).toEqual({ name: 'a.json' });
    expect(await invoke(IPC.askUnsaved, event())).toBe('cancel');
    expect(calls).toEqual([
      ['connect', 'page'],
      ['document', 'main', { fileName: 'a.json', dirty: true }],
      ['saved', 'main', { requestId: 2, saved: true }],
      ['edit', 'page', 'paste'],
      ['open', 'main'],
      ['save', 'main', 'save-as'],
    ]);
  });

  it('drop or refuse messages from frames, other origins and senders outside our windows', async () => {
    const { send, invoke, event, calls } = setup();
    const strangers = [event('https://evil.example/'), event(`${APP}/x`, 'page', {}), event(`${APP}/`, 'devtools')];
    for (const e of strangers) {
      send(IPC.requestEnginePort, e);
      send(IPC.documentState, e, { fileName: 'a.json', dirty: true });
      send(IPC.textEdit, e, 'copy');
      await expect(invoke(IPC.openFile, e)).rejects.toThrow(/refused/);
      await expect(invoke(IPC.askUnsaved, e)).rejects.toThrow(/refused/);
    }
    expect(calls).toEqual([]);
  });

  it('drop or refuse malformed arguments', async () => {
    const { send, invoke, event, calls } = setup();
    send(IPC.requestEnginePort, event(), 'extra');
    send(IPC.documentState, event(), { fileName: 3, dirty: true });
    send(IPC.saveResult, event(), { requestId: 'x', saved: true });
    send(IPC.textEdit, event(), 'rm');
    await expect(invoke(IPC.openFile, event(), '/etc/passwd')).rejects.toThrow(/refused/);
    const paths = { text: '{}', suggestedName: 'a.json', mode: 'save', handle: null, path: '/etc/x' };
    expect(await invoke(IPC.saveFile, event(), { ...paths, path: undefined })).toEqual({ name: 'a.json' });
    await expect(invoke(IPC.saveFile, event(), { ...paths, mode: 'overwrite' })).rejects.toThrow(/refused/);
    await expect(invoke(IPC.saveFile, event(), { ...paths, handle: -1 })).rejects.toThrow(/refused/);
    await expect(invoke(IPC.saveFile, event(), { ...paths, text: 7 })).rejects.toThrow(/refused/);
    expect(calls).toEqual([['save', 'main', 'save']]);
  });
});

describe('save requests before a close', () => {
  it('resolve with the answer from the window that was asked, and only that one', async () => {
    const requests = new SaveRequests<Win>();
    const asked: number[] = [];
    const main = { name: 'main' };
    const pending = requests.request(main, (id) => asked.push(id));
    requests.settle({ name: 'other' }, { requestId: asked[0], saved: true });
    requests.settle(main, { requestId: asked[0], saved: true });
    expect(await pending).toBe(true);
  });

  it('count as not saved when the page never answers', async () => {
    const requests = new SaveRequests<Win>(5);
    expect(await requests.request({ name: 'main' }, () => {})).toBe(false);
  });
});
