import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelJson } from '../../src/core/graph/model';
import type { EngineEvent, EngineReply, OkReply } from '../../src/protocol/messages';
import type { RequestType } from '../../src/protocol/requests';
import type { ResultOf } from '../../src/protocol/results';
import type { DecisionBoundaryEvent, PerceptronEpochEvent, SearchTrialEvent } from '../../src/protocol/training';
import { startThreadEngine, type ThreadEngine } from './thread-engine';

const example = (name: string): ModelJson =>
  JSON.parse(readFileSync(new URL(`../../resources/examples/${name}.json`, import.meta.url), 'utf8'));

const xorTraining = {
  dataset: { name: 'xor', samples: 100 },
  split: { validation: 0.2 },
  batchSize: 16,
  epochs: 200,
  optimizer: { type: 'adam', learningRate: 0.03 },
} as const;

let engine: ThreadEngine;
let nextId = 1;

function send(type: RequestType, params: Record<string, unknown>): { id: number; reply: Promise<EngineReply> } {
  const id = nextId++;
  return { id, reply: engine.send({ id, type, ...params }) };
}

async function ok<T extends RequestType>(type: T, params: Record<string, unknown>): Promise<ResultOf[T]> {
  const reply = await send(type, params).reply;
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
  return (reply as OkReply<T>).result;
}

function eventsOf<T extends EngineEvent['type']>(requestId: number, type: T): Extract<EngineEvent, { type: T }>[] {
  return engine.events.filter(
    (e): e is Extract<EngineEvent, { type: T }> => e.type === type && 'requestId' in e && e.requestId === requestId,
  );
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

beforeAll(() => {
  engine = startThreadEngine();
});

afterAll(async () => {
  await engine.stop();
});

describe('training runs over worker_threads', () => {
  it('trains the XOR MLP on the XOR set to 100% training accuracy, streaming curves and the boundary', async () => {
    const { id, reply } = send('train-start', { model: { ...example('xor-mlp'), training: xorTraining } });
    const done = await reply;
    if (!done.ok) throw new Error(done.error.message);
    const result = (done as OkReply<'train-start'>).result;
    expect(result.reason).toBe('finished');
    expect(result.epochs).toBe(200);
    expect(result.train?.accuracy).toBe(1);
    expect(result.train?.samples).toBe(80);
    expect(result.validation?.samples).toBe(20);
    expect(result.model.nodes.find((n) => n.id === 'hidden')?.params?.W.shape).toEqual([2, 4]);

    const progress = eventsOf(id, 'train-progress');
    const batches = progress.flatMap((p) => p.run?.batches ?? []);
    const epochs = progress.flatMap((p) => p.run?.epochs ?? []);
    // Every batch and epoch arrives, however few events carry them.
    expect(batches.map((b) => b.step)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(epochs).toHaveLength(200);
    expect(epochs.at(-1)?.validationAccuracy).toBeGreaterThan(0.9);
    expect(progress.at(-1)?.run?.progress).toBe(1);

    const boundaries = eventsOf(id, 'decision-boundary') as DecisionBoundaryEvent[];
    expect(boundaries.length).toBeGreaterThanOrEqual(2);
    expect(boundaries[0].points?.labels).toHaveLength(100);
    expect(boundaries.slice(1).every((b) => b.points === undefined)).toBe(true);
    const last = boundaries.at(-1) as DecisionBoundaryEvent;
    expect(last.values).toHaveLength(48 * 48);
    // The frame holds every point (the Playground's sets lie in about [-6, 6]) and stays put.
    expect(last.xRange).toEqual(boundaries[0].xRange);
    expect(last.xRange[0]).toBeLessThan(-5);
    expect(last.yRange[1]).toBeGreaterThan(5);
    // XOR: the top-right and top-left corners are on opposite sides.
    expect(last.values[47]).toBeGreaterThan(0.5);
    expect(last.values[0]).toBeLessThan(0.5);
  });

  it('honours a stop within 100 ms of the request during a long run', async () => {
    const model = { ...example('xor-mlp'), training: { ...xorTraining, dataset: { name: 'spiral', samples: 400 } } };
    const { id, reply } = send('train-start', { model, maxEpochs: 100_000 });
    await until(() => eventsOf(id, 'train-progress').length >= 3);
    const stopAsked = performance.now();
    const control = await ok('train-control', { action: 'stop' });
    expect(control.state).toBe('stopping');
    const done = await reply;
    const elapsed = performance.now() - stopAsked;
    console.log(`stop honoured: train-done ${elapsed.toFixed(1)} ms after the stop request`);
    expect(done.ok && (done as OkReply<'train-start'>).result.reason).toBe('stopped');
    expect(elapsed).toBeLessThan(100);
  });

  it('pauses and resumes: no batches arrive while paused', async () => {
    const model = { ...example('xor-mlp'), training: xorTraining };
    const { id, reply } = send('train-start', { model, maxEpochs: 100_000 });
    await until(() => eventsOf(id, 'train-progress').length >= 2);
    expect((await ok('train-control', { action: 'pause' })).state).toBe('paused');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const stepAtPause = eventsOf(id, 'train-progress').at(-1)?.step ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(eventsOf(id, 'train-progress').at(-1)?.step ?? 0).toBe(stepAtPause);
    expect((await ok('train-control', { action: 'resume' })).state).toBe('running');
    await until(() => (eventsOf(id, 'train-progress').at(-1)?.step ?? 0) > stepAtPause);
    const busy = await send('train-start', { model }).reply;
    expect(!busy.ok && busy.error.code).toBe('busy');
    await ok('train-control', { action: 'stop' });
    expect((await reply).ok).toBe(true);
    expect((await ok('train-control', { action: 'stop' })).state).toBe('idle');
  });

  it('reports a non-finite run with its node and step, keeping the weights from before it', async () => {
    const base = example('xor-mlp');
    const params: Record<string, NonNullable<ModelJson['nodes'][number]['params']>> = {
      hidden: {
        W: { shape: [2, 4], data: [0.5, -0.4, 0.3, -0.2, 0.1, 0.6, -0.7, 0.2] },
        b: { shape: [4], data: [0, 0, 0, 0] },
      },
      out: { W: { shape: [4, 1], data: [0.3, -0.5, 0.2, 0.4] }, b: { shape: [1], data: [0] } },
    };
    const model: ModelJson = {
      ...base,
      nodes: base.nodes.map((n) => (params[n.id] ? { ...n, params: params[n.id] } : n)),
      training: { ...xorTraining, optimizer: { type: 'sgd', learningRate: 1e300 } },
    };
    const result = await ok('train-start', { model });
    expect(result.reason).toBe('non-finite');
    expect(result.nonFinite).toMatchObject({ nodeId: 'hidden', step: 0, stage: 'update' });
    expect(result.nonFinite?.message).toMatch(/step 0: the update made a weight of node 'hidden' non-finite/);
    const kept = Object.fromEntries(result.model.nodes.filter((n) => n.params).map((n) => [n.id, n.params]));
    for (const [nodeId, values] of Object.entries(params)) {
      for (const [name, tensor] of Object.entries(values)) {
        kept[nodeId]?.[name].data.forEach((v, i) => {
          expect(v).toBeCloseTo(tensor.data[i], 6);
        });
      }
    }
  });

  it('learns NAND with the perceptron rule, reporting the truth table after every pass', async () => {
    const { id, reply } = send('train-start', { model: example('perceptron-learn-nand') });
    const done = await reply;
    const result = (done as OkReply<'train-start'>).result;
    expect(result.converged).toBe(true);
    expect(result.train?.accuracy).toBe(1);
    const epochs = eventsOf(id, 'perceptron-epoch') as PerceptronEpochEvent[];
    expect(epochs[0].samples).toEqual({
      inputs: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      targets: [1, 1, 1, 0],
    });
    expect(epochs.at(-1)?.errors).toBe(0);
    expect(epochs.at(-1)?.outputs).toEqual([1, 1, 1, 0]);
    expect(epochs.map((e) => e.epoch)).toEqual(epochs.map((_, i) => i));
  });

  it('previews datasets: 2D points, digit images, a CSV table and where a CSV goes wrong', async () => {
    const points = await ok('dataset-preview', { spec: { name: 'circle', samples: 50 } });
    expect(points).toMatchObject({ kind: 'points', count: 50 });
    if (points.kind === 'points') expect(points.xy).toHaveLength(100);
    const digits = await ok('dataset-preview', { spec: { name: 'digits', samples: 500 }, limit: 12 });
    expect(digits).toMatchObject({ kind: 'images', count: 500, height: 28, width: 28 });
    if (digits.kind === 'images') expect(digits.pixels).toHaveLength(12 * 28 * 28);
    const text = 'height,weight,kind\n1.0,2.0,cat\n1.5,2.5,dog\n2.0,oops,cat\n';
    const table = await ok('dataset-preview', { spec: { csv: 'pets.csv' }, csv: { text } });
    expect(table).toMatchObject({
      kind: 'table',
      header: ['height', 'weight', 'kind'],
      hasHeader: true,
      rowCount: 3,
      columnTypes: ['numeric', 'categorical', 'categorical'],
      problem: { line: 4, column: 2 },
    });
    const model = { ...example('xor-mlp'), training: { dataset: { csv: 'pets.csv' } } };
    const refused = await send('train-start', { model, csv: { text } }).reply;
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: 'invalid-dataset', line: 4, column: 2 });
      expect(refused.error.message).toMatch(/'oops' is not a number/);
    }
  });

  it('searches hyperparameters trial by trial and ranks them', async () => {
    const model = { ...example('xor-mlp'), training: { ...xorTraining, epochs: 20 } };
    const { id, reply } = send('search-start', {
      model,
      method: 'grid',
      space: { learningRate: [0.003, 0.03], optimizer: ['sgd', 'adam'] },
      trials: 10,
    });
    const done = await reply;
    const result = (done as OkReply<'search-start'>).result;
    expect(result.ranked).toHaveLength(4);
    expect(result.stopped).toBe(false);
    expect(result.bestConfig).toEqual(result.ranked[0].config);
    const trials = eventsOf(id, 'search-trial') as SearchTrialEvent[];
    expect(trials.map((t) => t.completed)).toEqual([1, 2, 3, 4]);
    expect(result.ranked[0].valLoss).toBeLessThanOrEqual(result.ranked[3].valLoss);
  });
});
