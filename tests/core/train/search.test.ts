import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import { syntheticDataset } from '../../../src/core/data/synthetic';
import { compiledModel } from '../../../src/core/graph/compiled';
import type { ModelJson } from '../../../src/core/graph/model';
import { applyConfig } from '../../../src/core/train/search/apply-config';
import { gridConfigs } from '../../../src/core/train/search/grid';
import { lipschitzEstimate } from '../../../src/core/train/search/lipo';
import { createProposer, runSearch, type SearchMethod } from '../../../src/core/train/search/proposers';
import { searchHyperparameters } from '../../../src/core/train/search/search-model';
import { configKey, dimensions, type SearchConfig, type SearchSpace } from '../../../src/core/train/search/space';

const xor = compiledModel(
  JSON.parse(readFileSync(new URL('../../../resources/examples/xor-mlp.json', import.meta.url), 'utf8')),
).model;

/** A cheap objective with its minimum 0 at lr 10^-2.5, 32 units, tanh, adam (what a space leaves out is at its best). */
function bowl(c: SearchConfig): number {
  const lr = (Math.log10(c.learningRate ?? 1) + 2.5) ** 2;
  const units = 0.25 * (Math.log2(c.units ?? 32) - 5) ** 2;
  const activation = (c.activation ?? 'tanh') === 'tanh' ? 0 : 1;
  return lr + units + activation + ((c.optimizer ?? 'adam') === 'adam' ? 0 : 0.5);
}

const bowlSpace: SearchSpace = {
  learningRate: { min: 1e-5, max: 1 },
  units: [2, 4, 8, 16, 32, 64, 128],
  activation: ['relu', 'tanh', 'sigmoid'],
  optimizer: ['sgd', 'momentum', 'adam'],
};

async function bestOf(method: SearchMethod, seed: number, trials: number, space = bowlSpace): Promise<number> {
  const history = await runSearch(createProposer(method, dimensions(space), { seed }), trials, async (c) => ({
    score: bowl(c),
    value: null,
  }));
  expect(history).toHaveLength(trials);
  return Math.min(...history.map((h) => h.score));
}

describe('hyperparameter search', () => {
  it('grid: every combination once, a learning-rate range as log-spaced points', async () => {
    const dims = dimensions({
      learningRate: { min: 0.001, max: 0.1 },
      batchSize: [32, 'full', 8],
      optimizer: ['sgd', 'adam'],
    });
    const configs = gridConfigs(dims, 3);
    expect(configs).toHaveLength(3 * 3 * 2);
    expect(new Set(configs.map(configKey)).size).toBe(18);
    const rates = [...new Set(configs.map((c) => c.learningRate))];
    expect(rates.map((r) => Number(r?.toPrecision(6)))).toEqual([0.001, 0.01, 0.1]);
    expect(configs.slice(0, 6).map((c) => [c.batchSize, c.optimizer])).toEqual([
      [8, 'sgd'],
      [8, 'adam'],
      [32, 'sgd'],
      [32, 'adam'],
      ['full', 'sgd'],
      ['full', 'adam'],
    ]);
    const proposer = createProposer('grid', dims, { gridPoints: 3 });
    const run = await runSearch(proposer, 100, async () => ({ score: 0, value: null }));
    expect(run.map((t) => t.config)).toEqual(configs);
  });

  it('random: the same seed gives the same configs, another seed others, never one twice', async () => {
    const dims = dimensions(bowlSpace);
    const draw = async (seed: number) =>
      (await runSearch(createProposer('random', dims, { seed }), 12, async () => ({ score: 0, value: null }))).map(
        (t) => t.config,
      );
    expect(await draw(5)).toEqual(await draw(5));
    expect(await draw(5)).not.toEqual(await draw(6));
    const small = dimensions({ units: [1, 2], optimizer: ['sgd', 'adam'] });
    const all = await runSearch(createProposer('random', small, { seed: 1 }), 10, async () => ({
      score: 0,
      value: null,
    }));
    expect(all).toHaveLength(4);
    expect(new Set(all.map((t) => configKey(t.config))).size).toBe(4);
  });

  it('LIPO: reproducible, and a better optimum than random search for the same trials', async () => {
    expect(await bestOf('lipo', 3, 20)).toBe(await bestOf('lipo', 3, 20));
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const lipo = await Promise.all(seeds.map((s) => bestOf('lipo', s, 30)));
    const random = await Promise.all(seeds.map((s) => bestOf('random', s, 30)));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(lipo)).toBeLessThan(0.6 * mean(random));
    expect(lipo.filter((v, i) => v < random[i]).length).toBeGreaterThanOrEqual(15);
    // A learning rate alone: LIPO narrows in on the minimum of (log10 lr + 2.5)^2.
    const lrOnly = await Promise.all(
      seeds.slice(0, 10).map((s) => bestOf('lipo', s, 15, { learningRate: { min: 1e-5, max: 1 } })),
    );
    expect(Math.max(...lrOnly)).toBeLessThan(0.01);
  });

  it('estimates the Lipschitz constant as the steepest slope between two trials', () => {
    const dims = dimensions({ learningRate: { min: 1, max: Math.E ** 4 } });
    expect(lipschitzEstimate(dims, [[0], [0.5], [1]], [0, 1, 1.5])).toBeCloseTo(2, 12);
  });

  it('applyConfig resizes hidden layers, swaps hidden activations and sets the training settings', () => {
    const model: ModelJson = {
      ...xor,
      training: { optimizer: { type: 'momentum', momentum: 0.8, learningRate: 0.1, l2: 0.01 }, seed: 4 },
    };
    const hidden = model.nodes.find((n) => n.id === 'hidden');
    if (hidden)
      hidden.params = { W: { shape: [2, 4], data: [1, 2, 3, 4, 5, 6, 7, 8] }, b: { shape: [4], data: [0, 0, 0, 0] } };
    const applied = applyConfig(model, {
      units: 8,
      activation: 'relu',
      optimizer: 'adam',
      learningRate: 0.02,
      batchSize: 'full',
    });
    const node = (id: string) => applied.nodes.find((n) => n.id === id);
    expect(node('hidden')?.config.units).toBe(8);
    expect(node('hidden')?.params).toBeUndefined();
    expect(node('out')?.config.units).toBe(1);
    expect(node('hidden_act')?.type).toBe('relu');
    expect(node('out_act')?.type).toBe('sigmoid');
    expect(applied.training).toEqual({
      optimizer: { type: 'adam', learningRate: 0.02, l2: 0.01 },
      seed: 4,
      batchSize: 'full',
    });
    expect(compiledModel(applied).plan.byId.get('out')?.paramSpecs.W.shape).toEqual([8, 1]);
    const kept = applyConfig(model, { learningRate: 0.5 });
    expect(kept.nodes.find((n) => n.id === 'hidden')?.params?.W.data).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(kept.training?.optimizer).toEqual({ type: 'momentum', momentum: 0.8, learningRate: 0.5, l2: 0.01 });
    const scheduled = applyConfig(
      {
        ...model,
        training: { optimizer: { type: 'sgd', learningRate: { type: 'cosine', learningRate: 0.1, decaySteps: 50 } } },
      },
      { learningRate: 0.3 },
    );
    expect(scheduled.training?.optimizer?.learningRate).toMatchObject({
      type: 'cosine',
      learningRate: 0.3,
      decaySteps: 50,
    });
    expect(() => applyConfig(model, { units: 3 }, { unitsNode: 'hidden_act' })).toThrow(/not a dense node/);
    expect(() => applyConfig(model, { activation: 'dense' })).toThrow(/not an activation/);
  });

  it('runs end to end on XOR: trials scored on validation, the best tested once', async () => {
    const model: ModelJson = { ...xor, training: { epochs: 30, batchSize: 16, seed: 1 } };
    const seen: number[] = [];
    const result = await searchHyperparameters(model, syntheticDataset('xor', { samples: 200, seed: 2 }), {
      space: { learningRate: { min: 1e-3, max: 0.3 }, units: [2, 8], optimizer: ['sgd', 'adam'] },
      method: 'lipo',
      trials: 6,
      seed: 1,
      backend: createCpuBackend(),
      onTrial: (t) => seen.push(t.index),
    });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.ranked).toHaveLength(6);
    const losses = result.ranked.map((t) => t.valLoss);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    expect(result.best).toBe(result.ranked[0]);
    expect(result.splits.validation.inputs.shape[0]).toBe(40);
    expect(result.test?.samples).toBe(40);
    expect(result.test?.accuracy).toBeGreaterThan(0.5);
    expect(result.bestModel.training?.optimizer?.type).toBe(result.best.config.optimizer);
    expect(result.bestModel.nodes.find((n) => n.id === 'hidden')?.config.units).toBe(result.best.config.units);
  });
});
