import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RequestParams, RequestType } from '../../src/protocol/requests';
import type { ResultOf } from '../../src/protocol/results';
import { runAction } from '../../src/renderer/actions/registry';
import type { EngineClient } from '../../src/renderer/engine-client/engine-client';
import { resetGraphStore, useGraphStore } from '../../src/renderer/stores/graph-store';
import {
  currentRun,
  DEFAULT_INITIALISERS,
  flagsOf,
  resetInspectStore,
  useInspectStore,
  WHOLE_GRAPH,
} from '../../src/renderer/stores/inspect-store';
import { type InProcessClient, inProcessClient } from './debugger-helpers';

const store = () => useInspectStore.getState();
const model = () => useGraphStore.getState().model;
let client: InProcessClient;

function open(file: string): void {
  resetGraphStore();
  const text = readFileSync(new URL(`../../resources/examples/${file}`, import.meta.url), 'utf8');
  const outcome = runAction('load-model', { text, fileName: file });
  if (!outcome.ok) throw new Error(outcome.reason);
}

async function openAndLoad(file: string): Promise<void> {
  open(file);
  await client.request('load', { model: model() });
}

beforeEach(() => {
  resetInspectStore();
  client = inProcessClient();
});

describe('inspect store', () => {
  it('keeps an inspection with the document it ran on, and its flags by node', async () => {
    await openAndLoad('deep-sigmoid-vanishing.json');
    const ran = store().inspect(client, model());
    expect(store().inspection?.status).toBe('running');
    await ran;
    const run = currentRun(store().inspection, model());
    expect(run?.status).toBe('done');
    const flags = run?.result ? flagsOf(run.result) : new Map();
    expect(flags.get('dense_1')?.kind).toBe('vanishing');
    expect(flags.has('out')).toBe(false);
    expect(client.sent).toEqual(['load', 'inspect']);
  });

  it('still shows it after an edit that computes the same, not after one that changes the computation', async () => {
    await openAndLoad('deep-relu-he.json');
    await store().inspect(client, model());
    runAction('move-nodes', { positions: { dense_1: { x: 500, y: 500 } } });
    expect(currentRun(store().inspection, model())).not.toBeNull();
    runAction('update-config', { nodeId: 'dense_1', config: { units: 8 } });
    expect(currentRun(store().inspection, model())).toBeNull();
  });

  it('sends the thresholds and the steps, and keeps the last result on show while a new run goes', async () => {
    await openAndLoad('no-batchnorm-deep.json');
    await store().inspect(client, model());
    const first = store().inspection?.result;
    store().setThresholds({ vanishingRatio: 1e-6, explodingFactor: 50 });
    const ran = store().inspect(client, model(), 10);
    expect(store().inspection).toMatchObject({ status: 'running', steps: 10, result: first });
    await ran;
    const result = store().inspection?.result;
    expect(result?.thresholds).toMatchObject({ vanishingRatio: 1e-6, explodingFactor: 50 });
    expect(result?.training?.steps).toBe(10);
    expect(result?.history.at(-1)?.step).toBe(10);
  });

  it("runs on a built-in set when one is chosen, and on the model's own data again after", async () => {
    await openAndLoad('deep-relu-he.json');
    store().setDataset('spiral');
    await store().inspect(client, model());
    expect(store().inspection?.result?.data).toMatch(/spiral/);
    expect(store().inspection?.dataset).toBe('spiral');
    store().setDataset(null);
    await store().inspect(client, model());
    expect(store().inspection?.result?.data).toMatch(/model's sample/);
  });

  it('drops a reply that a newer request overtook', async () => {
    const replies: ((result: unknown) => void)[] = [];
    const slow: EngineClient = {
      ...client,
      request<T extends RequestType>(_type: T, _params: RequestParams[T]): Promise<ResultOf[T]> {
        return new Promise((resolve) => replies.push(resolve as (result: unknown) => void));
      },
    };
    open('xor-mlp.json');
    const older = store().inspect(slow, model());
    const newer = store().inspect(slow, model(), 5);
    replies[1]({ marker: 'newer' });
    await newer;
    replies[0]({ marker: 'older' });
    await older;
    expect(store().inspection?.result).toEqual({ marker: 'newer' });
  });

  it('says in words that a graph the engine could not load cannot be inspected', async () => {
    open('xor-mlp.json');
    await store().inspect(client, model());
    expect(store().inspection).toMatchObject({ status: 'error', error: expect.stringMatching(/fix the issues/) });
    client.failWith('the engine stopped');
    await store().inspect(client, model());
    expect(store().inspection?.error).toBe('The engine stopped');
  });

  it('keeps the whole-graph check and each node check apart', async () => {
    await openAndLoad('backprop-2-2-2.json');
    await store().gradcheck(client, model());
    await store().gradcheck(client, model(), 'o');
    const whole = store().gradchecks[WHOLE_GRAPH];
    expect(whole?.result?.passed).toBe(true);
    expect(whole?.result?.rows).toHaveLength(5);
    expect(store().gradchecks.o?.result?.rows.map((r) => r.tensor)).toEqual(['W', 'b']);
  });

  it('compares the chosen initialisers, in the order they are offered, never none', async () => {
    await openAndLoad('zero-init-symmetry.json');
    expect(store().initialisers).toEqual(DEFAULT_INITIALISERS);
    store().toggleInitialiser('calibrated');
    store().toggleInitialiser('he_uniform');
    expect(store().initialisers).toEqual(['zeros', 'small_random', 'glorot_uniform', 'he_uniform', 'he_normal']);
    for (const name of [...store().initialisers]) store().toggleInitialiser(name);
    expect(store().initialisers).toEqual(['he_normal']);
    store().toggleInitialiser('zeros');
    await store().compareInits(client, model());
    const comparisons = store().initCompare?.result?.comparisons ?? [];
    expect(comparisons.map((c) => c.init)).toEqual(['zeros', 'he_normal']);
    expect(comparisons[0].layers[0].weightGradNorm).toBe(0);
  });
});
