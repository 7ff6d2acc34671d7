import { beforeEach, describe, expect, it } from 'vitest';
import type { TrainingJson } from '../../src/core/graph/training';
import { runAction } from '../../src/renderer/actions/registry';
import type { EngineClient } from '../../src/renderer/engine-client/engine-client';
import { resetGraphStore, useGraphStore } from '../../src/renderer/stores/graph-store';
import { CURVE_LIMIT, useTrainingStore } from '../../src/renderer/stores/training-store';
import { commitTrainedWeights, trainStartParams } from '../../src/renderer/training/training-commands';
import { eventingClient, exampleFile, until } from './training-helpers';

const xor: TrainingJson = {
  dataset: { name: 'xor', samples: 100 },
  split: { validation: 0.2 },
  batchSize: 16,
  epochs: 200,
  optimizer: { type: 'adam', learningRate: 0.03 },
};

const training = () => useTrainingStore.getState();
const graph = () => useGraphStore.getState();
let client: EngineClient;

function open(example: string, section?: TrainingJson): void {
  resetGraphStore();
  const loaded = runAction('load-model', { text: exampleFile(example), fileName: `${example}.json` });
  if (!loaded.ok) throw new Error(loaded.reason);
  if (section) runAction('update-training', { training: section });
}

const start = (maxEpochs?: number) => {
  const { csvFile, labelType } = training();
  const params = trainStartParams(graph().model, csvFile, labelType);
  return training().start(client, maxEpochs ? { ...params, maxEpochs } : params, commitTrainedWeights);
};

beforeEach(() => {
  useTrainingStore.setState(useTrainingStore.getInitialState(), true);
  client = eventingClient();
});

describe('training store', () => {
  it('trains XOR: curves, boundary and result, then the weights go into the graph as one undo step', async () => {
    open('xor-mlp', xor);
    const undoBefore = graph().past.length;
    await start();
    const s = training();
    expect(s.status).toBe('done');
    expect(s.result?.reason).toBe('finished');
    expect(s.result?.train?.accuracy).toBe(1);
    expect(s.curves.batches).toHaveLength(1000);
    expect(s.curves.epochs.map((e) => e.x)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(s.curves.epochs.at(-1)?.valAccuracy).toBeGreaterThan(0.9);
    expect(s.numbers).toMatchObject({ step: 1000, progress: 1, totalSteps: 1000 });
    expect(s.boundary?.values).toHaveLength(48 * 48);
    expect(s.points?.labels).toHaveLength(100);
    expect(graph().model.nodes.find((n) => n.id === 'hidden')?.params?.W.shape).toEqual([2, 4]);
    expect(graph().past.length).toBe(undoBefore + 1);
    runAction('undo');
    expect(graph().model.nodes.some((n) => n.params)).toBe(false);
  });

  it('continues from the trained weights after a setting changes, the curves marking where', async () => {
    open('xor-mlp', { ...xor, epochs: 5 });
    await start();
    runAction('update-training', { training: { ...xor, epochs: 5, optimizer: { type: 'adam', learningRate: 0.01 } } });
    await start();
    const s = training();
    expect(s.curves.runStarts).toEqual([5]);
    expect(s.curves.epochs.map((e) => e.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.numbers?.learningRate).toBeCloseTo(0.01, 6);
    training().clearCurves();
    expect(training().curves.epochs).toEqual([]);
  });

  it('pauses, resumes and stops a long run', async () => {
    open('xor-mlp', xor);
    const run = start(100_000);
    await until(() => (training().numbers?.step ?? 0) > 50);
    await training().pause(client);
    expect(training().status).toBe('paused');
    // The run reports where it stopped as it pauses; from then on nothing moves.
    await new Promise((resolve) => setTimeout(resolve, 60));
    const pausedAt = training().numbers?.step ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(training().numbers?.step).toBe(pausedAt);
    await training().resume(client);
    expect(training().status).toBe('running');
    await until(() => (training().numbers?.step ?? 0) > pausedAt + 50);
    await training().stop(client);
    await run;
    expect(training().status).toBe('done');
    expect(training().result?.reason).toBe('stopped');
    expect(training().curves.batches.length).toBeLessThanOrEqual(CURVE_LIMIT);
  });

  it('learns NAND with the perceptron rule, keeping every pass of the truth table', async () => {
    open('perceptron-learn-nand');
    await start();
    const { perceptron, result } = training();
    expect(result?.converged).toBe(true);
    expect(perceptron.samples?.targets).toEqual([1, 1, 1, 0]);
    expect(perceptron.epochs.at(-1)?.outputs).toEqual([1, 1, 1, 0]);
    expect(perceptron.epochs.length).toBeGreaterThan(1);
  });

  it('reports a CSV problem with its line and column, and a non-finite run with its node and step', async () => {
    open('xor-mlp', { dataset: { csv: 'points.csv' } });
    training().setCsvFile({ name: 'points.csv', text: 'a,b,label\n1,2,1\n3,x,0\n' });
    await start();
    expect(training().status).toBe('error');
    expect(training().error).toMatchObject({ line: 3, column: 2 });

    open('xor-mlp', { ...xor, optimizer: { type: 'sgd', learningRate: 1e300 } });
    await start();
    expect(training().status).toBe('done');
    expect(training().result?.reason).toBe('non-finite');
    expect(training().result?.nonFinite).toMatchObject({ nodeId: 'hidden', step: 0 });
  });
});

describe('training store and the document', () => {
  it('leaves a model opened during a run alone: its weights were not the ones trained', async () => {
    open('xor-mlp', xor);
    const { documentId } = graph();
    const run = training().start(
      client,
      { ...trainStartParams(graph().model, null, 'auto'), maxEpochs: 100_000 },
      (result) => commitTrainedWeights(result, documentId),
      documentId,
    );
    await until(() => (training().numbers?.step ?? 0) > 20);
    runAction('load-model', { text: exampleFile('perceptron-learn-nand'), fileName: 'nand.json' });
    await training().stop(client);
    await run;
    expect(training().commitError).toBe('another model was opened while this one trained');
    expect(graph().model.nodes.find((n) => n.id === 'unit')?.params?.W.data).toEqual([0, 0]);
    training().clearCurves(graph().documentId);
    expect(training()).toMatchObject({ status: 'idle', result: null, documentId: graph().documentId });
  });
});
