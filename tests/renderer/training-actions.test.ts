import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/renderer/actions/registry';
import { resetGraphStore, useGraphStore } from '../../src/renderer/stores/graph-store';
import { exampleFile, exampleModel } from './training-helpers';

const graph = () => useGraphStore.getState();
const node = (id: string) => graph().model.nodes.find((n) => n.id === id);

function open(example: string): void {
  resetGraphStore();
  const loaded = runAction('load-model', { text: exampleFile(example), fileName: `${example}.json` });
  if (!loaded.ok) throw new Error(loaded.reason);
}

beforeEach(() => open('xor-mlp'));

describe('training actions', () => {
  it('stores the training section as one undoable edit, and an empty one removes it', () => {
    const training = { dataset: { name: 'xor' as const, samples: 100, noise: undefined }, epochs: 50 };
    expect(runAction('update-training', { training }).ok).toBe(true);
    expect(graph().model.training).toEqual({ dataset: { name: 'xor', samples: 100 }, epochs: 50 });
    expect(graph().past.at(-1)?.label).toBe('Change training settings');
    expect(runAction('update-training', { training: {} }).ok).toBe(true);
    expect('training' in graph().model).toBe(false);
    runAction('undo');
    expect(graph().model.training?.epochs).toBe(50);
  });

  it('refuses settings the schema rejects, with a message at the dotted field', () => {
    const refused = runAction('update-training', { training: { split: { validation: 0.6, test: 0.5 } } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.['split.test']).toMatch(/leave nothing to train on/);
    const beta = runAction('update-training', { training: { optimizer: { type: 'adam', beta1: 1.5 } } });
    if (!beta.ok) expect(beta.fieldErrors?.['optimizer.beta1']).toBe('must be at most 1');
    expect(graph().model.training).toBeUndefined();
  });

  it('freezes a node and sets a parameter initialiser, and clears both again', () => {
    runAction('set-node-training', { nodeId: 'hidden', trainable: false });
    runAction('set-node-training', { nodeId: 'hidden', init: { param: 'W', initializer: 'he_normal' } });
    expect(node('hidden')).toMatchObject({ trainable: false, init: { W: 'he_normal' } });
    runAction('set-node-training', { nodeId: 'hidden', trainable: true });
    runAction('set-node-training', { nodeId: 'hidden', init: { param: 'W', initializer: null } });
    expect(node('hidden')).not.toHaveProperty('trainable');
    expect(node('hidden')).not.toHaveProperty('init');
  });

  it('loads weights from another file where ids and shapes agree, reporting what it skipped', () => {
    const source = exampleModel('xor-mlp');
    source.nodes = source.nodes.map((n) =>
      n.id === 'hidden'
        ? { ...n, params: { W: { shape: [2, 4], data: [1, 2, 3, 4, 5, 6, 7, 8] }, b: { shape: [3], data: [0, 0, 0] } } }
        : n,
    );
    const outcome = runAction('load-weights', { text: JSON.stringify(source), fileName: 'pre.json' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.copied).toEqual([{ nodeId: 'hidden', param: 'W' }]);
    expect(outcome.value.skipped.map((s) => `${s.nodeId}.${s.param}`)).toEqual(['hidden.b', 'out.W', 'out.b']);
    expect(node('hidden')?.params?.W.data).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(node('hidden')?.config).toMatchObject({ units: 4 });
    expect(runAction('load-weights', { text: '{', fileName: 'bad.json' }).ok).toBe(false);

    expect(runAction('reset-weights').ok).toBe(true);
    expect(graph().model.nodes.some((n) => n.params)).toBe(false);
  });

  it('applies a search configuration: units, activation, rate and optimizer in one edit', () => {
    const before = graph().past.length;
    const outcome = runAction('apply-search-config', {
      config: { learningRate: 0.05, units: 8, activation: 'relu', optimizer: 'sgd', batchSize: 8 },
    });
    expect(outcome.ok).toBe(true);
    expect(node('hidden')?.config).toMatchObject({ units: 8 });
    expect(node('hidden_act')?.type).toBe('relu');
    const untouched = graph()
      .past.at(-1)
      ?.model.nodes.find((n) => n.id === 'out');
    expect(node('out')).toBe(untouched);
    expect(graph().model.training).toMatchObject({ batchSize: 8, optimizer: { type: 'sgd', learningRate: 0.05 } });
    expect(graph().past.length).toBe(before + 1);
  });

  it('saves the CSV label type and augmentation in the model file, undoably', () => {
    const training = { dataset: { csv: 'data.csv', labelType: 'categorical' as const }, augment: { rotation: 10 } };
    expect(runAction('update-training', { training }).ok).toBe(true);
    expect(graph().model.training).toEqual(training);
    const saved = runAction('save-model');
    if (!saved.ok) throw new Error(saved.reason);
    const reopened = runAction('load-model', { text: saved.value.text, fileName: 'saved.json' });
    expect(reopened.ok).toBe(true);
    expect(graph().model.training).toEqual(training);
    open('xor-mlp');
    expect(runAction('update-training', { training }).ok).toBe(true);
    runAction('undo');
    expect(graph().model.training).toBeUndefined();
  });
});
