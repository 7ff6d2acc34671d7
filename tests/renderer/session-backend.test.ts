import { beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { changeBackend } from '../../src/renderer/actions/change-backend';
import { commandsWithKeys, runCommand } from '../../src/renderer/actions/commands';
import { backendLabel, switchResult } from '../../src/renderer/shell/backend-text';
import {
  localPreferences,
  memoryPreferences,
  parseBackendPreference,
} from '../../src/renderer/stores/backend-preference';
import { createSessionStore } from '../../src/renderer/stores/session-store';
import { useUiStore } from '../../src/renderer/stores/ui-store';
import { inProcessClient } from './debugger-helpers';
import { cpuStatus, dtypes, fakeSession, named, types } from './fake-engine';
import { exampleText } from './helpers';

const SWIFTSHADER = { description: 'google swiftshader, software', software: true };
const HARDWARE = { description: 'nvidia ampere', software: false };

beforeEach(() => useUiStore.setState({ toast: null, preferencesOpen: false }));

describe('the backend preference', () => {
  it('is read from storage field by field: anything unknown means Automatic', () => {
    expect(parseBackendPreference('{"backend":"webgpu"}')).toBe('webgpu');
    expect(parseBackendPreference('{"backend":"cpu"}')).toBe('cpu');
    expect(parseBackendPreference('{"backend":"tpu"}')).toBe('auto');
    expect(parseBackendPreference('not json')).toBe('auto');
    expect(parseBackendPreference(null)).toBe('auto');
    // Node has no localStorage: the default stands and writing is harmless.
    expect(localPreferences.read()).toBe('auto');
    localPreferences.write('cpu');
  });

  it('starts from the stored choice and keeps each new one', async () => {
    const preferences = memoryPreferences('webgpu');
    const { session, state } = fakeSession({ preferences, gpu: SWIFTSHADER });
    expect(state().backendPreference).toBe('webgpu');
    await session.getState().start();
    await state().setBackend('cpu');
    expect(state().backendPreference).toBe('cpu');
    expect(preferences.saved).toEqual(['cpu']);
    expect(preferences.read()).toBe('cpu');
  });

  it('is sent after hello, before the graph, which then loads in the dtype of the backend chosen', async () => {
    const { session, engines, settle, state } = fakeSession({
      preferences: memoryPreferences('webgpu'),
      gpu: SWIFTSHADER,
    });
    session.getState().load(named('graph'));
    await session.getState().start();
    await settle();
    expect(types(engines[0])).toEqual(['set-backend', 'load']);
    expect(engines[0].requests[0].params).toEqual({ preference: 'webgpu' });
    expect(dtypes(engines[0])).toEqual(['float32']);
    expect(state().engine).toEqual({
      state: 'ready',
      backend: { preference: 'webgpu', active: 'webgpu', description: 'WebGPU (google swiftshader, software)' },
    });
  });

  it('is sent again to every engine started after a crash', async () => {
    const { session, engines, settle, state } = fakeSession({ preferences: memoryPreferences('cpu'), gpu: HARDWARE });
    session.getState().load(named('graph'));
    await session.getState().start();
    engines[0].crash();
    await settle();
    expect(state().engine.state).toBe('ready');
    expect(types(engines[1])).toEqual(['set-backend', 'load']);
    expect(engines[1].requests[0].params).toEqual({ preference: 'cpu' });
    expect(dtypes(engines[1])).toEqual(['float64']);
  });

  it('switches a running engine and reloads the graph in the new dtype, with progress meanwhile', async () => {
    const { session, engines, settle, state } = fakeSession({ gpu: HARDWARE });
    session.getState().load(named('graph'));
    await session.getState().start();
    await settle();
    expect(dtypes(engines[0])).toEqual(['float32']);
    const before = state().backendRevision;

    let open = () => {};
    engines[0].hold = new Promise((resolve) => (open = resolve));
    const switching = state().setBackend('cpu');
    expect(state().backendSwitching).toBe('cpu');
    open();
    expect(await switching).toEqual(cpuStatus('cpu'));
    await settle();
    expect(state().backendSwitching).toBeNull();
    expect(state().engine).toEqual({ state: 'ready', backend: cpuStatus('cpu') });
    expect(dtypes(engines[0])).toEqual(['float32', 'float64']);
    expect(state().backendRevision).toBe(before + 1);
    expect(state().model.state).toBe('loaded');

    engines[0].hold = undefined;
    await state().setBackend('auto');
    await settle();
    expect(dtypes(engines[0])).toEqual(['float32', 'float64', 'float32']);
  });

  it('stays on the CPU with the reason when WebGPU cannot be had', async () => {
    const { session, engines, settle, state } = fakeSession();
    session.getState().load(named('graph'));
    await session.getState().start();
    const status = await state().setBackend('webgpu');
    await settle();
    expect(status).toEqual(cpuStatus('webgpu', 'no WebGPU adapter is available'));
    expect(dtypes(engines[0])).toEqual(['float64', 'float64']);
  });

  it('keeps a choice made while no engine runs, and gives it to the next one', async () => {
    const { session, engines, settle, state } = fakeSession({ gpu: SWIFTSHADER });
    expect(await state().setBackend('webgpu')).toBeNull();
    await session.getState().start();
    await settle();
    expect(engines[0].requests[0].params).toEqual({ preference: 'webgpu' });
    expect(state().engine).toMatchObject({ backend: { active: 'webgpu' } });
  });
});

describe('a lost GPU', () => {
  it('moves the session to the CPU: the warning shows, and the graph reloads in float64', async () => {
    const { session, engines, settle, state } = fakeSession({
      preferences: memoryPreferences('webgpu'),
      gpu: SWIFTSHADER,
    });
    session.getState().load(named('graph'));
    await session.getState().start();
    await settle();
    const before = state().backendRevision;
    const message = 'The GPU stopped responding (device lost). The engine now runs on the CPU.';
    const status = cpuStatus('webgpu', 'the GPU was lost (device lost); running on the CPU');
    engines[0].emit({ kind: 'event', type: 'backend-changed', status, message });
    await settle();
    expect(state().engine).toEqual({ state: 'ready', backend: status });
    expect(state().backendWarning).toBe(message);
    expect(state().backendRevision).toBe(before + 1);
    expect(dtypes(engines[0])).toEqual(['float32', 'float64']);
    expect(state().model.state).toBe('loaded');

    state().dismissBackendWarning();
    expect(state().backendWarning).toBeNull();
    engines[0].emit({ kind: 'event', type: 'backend-changed', status, message });
    await state().setBackend('webgpu');
    expect(state().backendWarning).toBeNull();
  });
});

describe('the in-process engine (CPU only: no GPU opener)', () => {
  it('answers set-backend with the CPU and why, and the graph reloads in float64 for 9-digit steps', async () => {
    const client = inProcessClient();
    const hello = await client.request('hello', { clientVersion: PROTOCOL_VERSION });
    const session = createSessionStore({
      transport: 'worker',
      preferences: memoryPreferences('webgpu'),
      connect: async () => ({ client, hello }),
    });
    session.getState().load(JSON.parse(exampleText));
    await session.getState().start();
    const { engine } = session.getState();
    expect(engine).toMatchObject({
      state: 'ready',
      backend: { preference: 'webgpu', active: 'cpu', description: 'CPU (JavaScript)', note: expect.any(String) },
    });
    expect(client.sent.slice(1, 3)).toEqual(['set-backend', 'load']);
    const pass = await client.request('step', { direction: 'pass' });
    expect(pass.dtype).toBe('float64');
    expect(pass.loss).toBeCloseTo(0.298371109, 9);
  });
});

describe('the Preferences command and the outcome of a change', () => {
  it('opens with Mod+, from the keyboard, the menu or a button', async () => {
    expect(commandsWithKeys().find(([id]) => id === 'show-preferences')?.[1].shortcut).toBe('Mod+,');
    expect(await runCommand('show-preferences', {} as never)).toBe(true);
    expect(useUiStore.getState().preferencesOpen).toBe(true);
  });

  it('tells in a toast where the engine computes now, or why it could not move', async () => {
    const gpu = fakeSession({ gpu: SWIFTSHADER });
    await gpu.session.getState().start();
    await changeBackend(gpu.session, 'webgpu');
    expect(useUiStore.getState().toast).toMatchObject({
      tone: 'info',
      message: 'Now computing on WebGPU (google swiftshader, software), in float32.',
    });
    await changeBackend(gpu.session, 'auto');
    expect(useUiStore.getState().toast).toMatchObject({
      tone: 'error',
      message:
        'WebGPU is not available: the only WebGPU adapter is a software one (google swiftshader, software); still on the CPU.',
    });
    await changeBackend(gpu.session, 'cpu');
    expect(useUiStore.getState().toast?.message).toBe('Now computing on the CPU, in float64.');
  });

  it('labels the status bar with the adapter, or CPU', () => {
    const gpu = {
      preference: 'webgpu',
      active: 'webgpu',
      description: 'WebGPU (google swiftshader, software)',
    } as const;
    expect(backendLabel(gpu)).toBe('WebGPU · google swiftshader (software)');
    expect(backendLabel(cpuStatus())).toBe('CPU');
    expect(switchResult(cpuStatus('webgpu'))).toBe('WebGPU is not available; still on the CPU.');
  });
});
