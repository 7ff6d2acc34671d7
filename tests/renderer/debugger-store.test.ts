import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/renderer/actions/registry';
import { commandEnabled } from '../../src/renderer/debugger/debugger-commands';
import { forwardComplete, resetDebuggerStore, useDebuggerStore } from '../../src/renderer/stores/debugger-store';
import { useGraphStore } from '../../src/renderer/stores/graph-store';
import { type InProcessClient, inProcessClient } from './debugger-helpers';
import { loadExample } from './helpers';

const PLAN = ['x', 'h', 'h_act', 'o', 'o_act', 'loss'];
let client: InProcessClient;

const debug = () => useDebuggerStore.getState();
const graphModel = () => useGraphStore.getState().model;

/** What the integrator does on every new document: the engine loads it (float64 for exact digits). */
async function loadIntoEngine(): Promise<void> {
  await client.request('load', { model: graphModel(), dtype: 'float64' });
  debug().syncGraph(graphModel());
}

async function steps(direction: 'forward' | 'backward', count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await (direction === 'forward' ? debug().stepForward(client) : debug().stepBackward(client));
  }
}

beforeEach(async () => {
  resetDebuggerStore();
  loadExample();
  client = inProcessClient();
  await loadIntoEngine();
});

describe('debugger store', () => {
  it('steps forward through every node, keeping each record, and reports the loss', async () => {
    expect(debug()).toMatchObject({ phase: 'idle', activeNodeId: null, loss: null });
    await steps('forward', 3);
    expect(debug()).toMatchObject({ phase: 'forward', forwardSteps: 3, activeNodeId: 'h_act', nextNodeId: 'o' });
    expect(debug().activeDirection).toBe('forward');
    await steps('forward', 3);
    expect(Object.keys(debug().records)).toEqual(PLAN);
    expect(forwardComplete(debug())).toBe(true);
    expect(debug().loss).toBeCloseTo(0.298371109, 8);
    expect(debug().dtype).toBe('float64');
    const outAct = debug().records.o_act.forward?.output as number[][];
    expect(outAct[0][0]).toBeCloseTo(0.75136507, 8);
    expect(commandEnabled('step-forward', debug(), true)).toBe(false);
    expect(commandEnabled('step-backward', debug(), true)).toBe(true);
  });

  it('steps backward to the input, recording the chain rule at each node', async () => {
    await steps('forward', 6);
    await steps('backward', 2);
    expect(debug()).toMatchObject({ phase: 'backward', backwardSteps: 2, activeNodeId: 'o_act' });
    const outAct = debug().records.o_act.backward;
    expect((outAct?.upstream as number[][])[0][0]).toBeCloseTo(0.74136507, 8);
    expect((outAct?.local as number[][])[0][0]).toBeCloseTo(0.186815602, 8);
    await steps('backward', 4);
    expect(debug().phase).toBe('done');
    expect(debug().activeNodeId).toBe('x');
    expect(((debug().records.o.backward?.paramGrads?.W as number[][]) ?? [])[0][0]).toBeCloseTo(0.082167041, 8);
    expect(commandEnabled('step-backward', debug(), true)).toBe(false);
  });

  it('runs a whole pass in one request, and reset clears it', async () => {
    await debug().runPass(client);
    expect(debug()).toMatchObject({ phase: 'done', forwardSteps: 6, backwardSteps: 6 });
    await debug().reset(client);
    expect(debug()).toMatchObject({ phase: 'idle', records: {}, loss: null, activeNodeId: null });
    expect(client.sent.slice(-2)).toEqual(['step', 'step']);
  });

  it('applies an update, stores the new weights in the document as one undo step, and keeps showing it', async () => {
    expect(debug().learningRate).toBe(0.5);
    await debug().runPass(client);
    const before = graphModel();
    await debug().applyUpdate(client, (update) => {
      const params = Object.fromEntries(update.model.nodes.filter((n) => n.params).map((n) => [n.id, n.params ?? {}]));
      return runAction('apply-params', { params }).ok ? graphModel() : null;
    });
    const update = debug().lastUpdate;
    const w5 = update?.changes.find((c) => c.nodeId === 'o' && c.param === 'W')?.new as number[][];
    expect(w5[0][0]).toBeCloseTo(0.35891648, 8);
    expect(debug()).toMatchObject({ phase: 'idle', records: {}, error: null });
    expect(graphModel().nodes.find((n) => n.id === 'o')?.params?.W.data[0]).toBeCloseTo(0.35891648, 7);

    // The new document is the update's own: the debugger keeps showing it.
    debug().syncGraph(graphModel());
    expect(debug().lastUpdate).toBe(update);
    // Undo brings the old weights back: another computation, so the debugger starts over.
    runAction('undo');
    expect(graphModel()).toBe(before);
    debug().syncGraph(graphModel());
    expect(debug().lastUpdate).toBeNull();
  });

  it('keeps the pass when only positions change, and drops it when the computation changes', async () => {
    await steps('forward', 2);
    runAction('move-nodes', { positions: { h: { x: 300, y: 80 } } });
    debug().syncGraph(graphModel());
    expect(debug().forwardSteps).toBe(2);
    runAction('update-config', { nodeId: 'h', config: { units: 3 } });
    debug().syncGraph(graphModel());
    expect(debug()).toMatchObject({ phase: 'idle', forwardSteps: 0, records: {} });
  });

  it('drops a reply that arrives after the document changed', async () => {
    const pending = debug().stepForward(client);
    runAction('update-config', { nodeId: 'o', config: { units: 3 } });
    debug().syncGraph(graphModel());
    await pending;
    expect(debug()).toMatchObject({ phase: 'idle', records: {}, busy: false });
  });

  it('starts its records over when the engine restarted the pass underneath', async () => {
    await steps('forward', 3);
    await client.request('load', { model: graphModel(), dtype: 'float64' });
    await steps('forward', 1);
    expect(Object.keys(debug().records)).toEqual(['x']);
    expect(debug().forwardSteps).toBe(1);
  });

  it('reports engine failures and stays usable', async () => {
    await steps('backward', 1);
    expect(debug().error?.message).toMatch(/forward pass/);
    expect(debug().busy).toBe(false);
    client.failWith('the engine worker failed');
    await steps('forward', 1);
    expect(debug().error?.message).toBe('the engine worker failed');
    client.failWith(null);
    await steps('forward', 1);
    expect(debug().error).toBeNull();
    debug().forgetPass();
    expect(debug()).toMatchObject({ phase: 'idle', records: {} });
  });

  it('keeps a learning rate the user chose across documents', () => {
    debug().setLearningRate(0.25);
    runAction('update-config', { nodeId: 'h', config: { units: 3 } });
    debug().syncGraph(graphModel());
    expect(debug().learningRate).toBe(0.25);
  });
});

describe('apply-params action', () => {
  it('refuses parameters for a node the model no longer has', () => {
    loadExample();
    const outcome = runAction('apply-params', { params: { gone: { W: { shape: [1], data: [1] } } } });
    expect(outcome.ok).toBe(false);
  });
});
