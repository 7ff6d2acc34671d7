import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from '../../../src/core/graph/json-schema';
import { loadModelText } from '../../../src/core/graph/load';
import type { ModelJson } from '../../../src/core/graph/model';
import { materializeParams } from '../../../src/core/graph/params';
import { formatModel } from '../../../src/core/graph/serialize';

const xorText = readFileSync(new URL('../../../resources/examples/xor-mlp.json', import.meta.url), 'utf8');
const xor = JSON.parse(xorText) as ModelJson;

const training = {
  rule: 'backprop',
  dataset: { name: 'spiral', samples: 300, noise: 0.1, seed: 4 },
  split: { validation: 0.2, test: 0.1 },
  batchSize: 'full',
  epochs: 30,
  steps: 1000,
  optimizer: {
    type: 'rmsprop',
    rho: 0.8,
    learningRate: { type: 'exponential', learningRate: 0.1, decaySteps: 100, decayRate: 0.5, staircase: true },
  },
  l1: 0.001,
  l2: 0.01,
  maxNorm: 3,
  clipNorm: 1,
  clipValue: 0.5,
  seed: 7,
} as const;

/** The XOR example with a training section and per-node settings, edited by `edit`, written and loaded. */
function load(edit: (m: Record<string, unknown> & { nodes: Record<string, unknown>[] }) => void = () => {}) {
  const m = structuredClone({ ...xor, training }) as unknown as Record<string, unknown> & {
    nodes: Record<string, unknown>[];
  };
  m.nodes[1].trainable = false;
  m.nodes[1].init = { W: 'he_normal', b: { name: 'constant', value: 0.01 } };
  m.nodes[3].init = { W: { name: 'sparse', k: 2 } };
  edit(m);
  const text = JSON.stringify(m, null, 2);
  return { text, ...loadModelText(text) };
}

function issuesOf(edit: Parameters<typeof load>[0]) {
  const { issues, text } = load(edit);
  return { issues: issues.map((i) => ({ path: i.path, message: i.message, line: i.line })), text };
}

describe('training section and per-node trainable and init', () => {
  it('load, save and load again keep every field', () => {
    const first = load();
    expect(first.issues).toEqual([]);
    const model = first.model as ModelJson;
    expect(model.training).toEqual(training);
    expect(model.nodes[1].trainable).toBe(false);
    expect(model.nodes[1].init).toEqual({ W: 'he_normal', b: { name: 'constant', value: 0.01 } });
    const again = loadModelText(formatModel(model));
    expect(again.issues).toEqual([]);
    expect(again.model?.training).toEqual(model.training);
    expect(again.model?.nodes).toEqual(model.nodes);
  });

  it('keeps training.augment and a CSV label type through save and load', () => {
    const section = {
      dataset: { csv: 'data.csv', label: 'y', labelType: 'categorical' },
      augment: { shift: 0.1, rotation: 10, scale: 0.1, crop: 0.9, flipHorizontal: true, noise: 0.05, blur: 1 },
    };
    const first = load((m) => (m.training = section));
    expect(first.issues).toEqual([]);
    const again = loadModelText(formatModel(first.model as ModelJson));
    expect(again.issues).toEqual([]);
    expect(again.model?.training).toEqual(section);
    const schema = JSON.stringify(modelJsonSchema());
    for (const word of ['labelType', 'flipHorizontal', 'Largest rotation in degrees']) expect(schema).toContain(word);
  });

  it('refuses augment and label type settings out of range or out of place, at their path', () => {
    const cases: [Parameters<typeof load>[0], string, RegExp][] = [
      [(m) => (m.training = { augment: { shift: 2 } }), '$.training.augment.shift', /./],
      [(m) => (m.training = { augment: { twist: 1 } }), '$.training.augment', /unknown field 'twist'/],
      [(m) => (m.training = { augment: { flipVertical: 1 } }), '$.training.augment.flipVertical', /./],
      [
        (m) => (m.training = { dataset: { name: 'xor', labelType: 'numeric' } }),
        '$.training.dataset.labelType',
        /does not apply to the xor set/,
      ],
      [(m) => (m.training = { dataset: { csv: 'a.csv', labelType: 'text' } }), '$.training.dataset.labelType', /./],
    ];
    for (const [edit, path, message] of cases) {
      const { issues } = issuesOf(edit);
      expect(issues.map((i) => i.path)).toContain(path);
      expect(issues.find((i) => i.path === path)?.message).toMatch(message);
    }
  });

  it('reports invalid values at their JSON path and line', () => {
    const cases: [Parameters<typeof load>[0], string, RegExp][] = [
      [(m) => ((m.training as Record<string, unknown>).batchSize = 0), '$.training.batchSize', /./],
      [(m) => ((m.training as Record<string, unknown>).epochs = 1.5), '$.training.epochs', /int/i],
      [(m) => ((m.training as Record<string, unknown>).seed = -1), '$.training.seed', /./],
      [(m) => ((m.training as Record<string, unknown>).momentum = 0.9), '$.training', /unknown field 'momentum'/],
      [
        (m) => ((m.training as Record<string, unknown>).split = { validation: 0.6, test: 0.4 }),
        '$.training.split.test',
        /nothing to train on/,
      ],
      [(m) => ((m.training as Record<string, unknown>).dataset = { name: 'moons' }), '$.training.dataset.name', /./],
      [
        (m) => ((m.training as Record<string, unknown>).dataset = { name: 'xor', csv: 'a.csv' }),
        '$.training.dataset.csv',
        /either name .* or csv/,
      ],
      [(m) => ((m.training as Record<string, unknown>).dataset = {}), '$.training.dataset.name', /either name/],
      [
        (m) => ((m.training as Record<string, unknown>).dataset = { name: 'digits', noise: 0.1 }),
        '$.training.dataset.noise',
        /does not apply to the digits set/,
      ],
      [
        (m) => ((m.training as Record<string, unknown>).dataset = { csv: 'a.csv', samples: 3 }),
        '$.training.dataset.samples',
        /does not apply to a CSV file/,
      ],
      [
        (m) => ((m.training as Record<string, unknown>).dataset = { name: 'xor', noise: 0.7 }),
        '$.training.dataset.noise',
        /./,
      ],
      [
        (m) => ((m.training as Record<string, unknown>).optimizer = { type: 'adamw' }),
        '$.training.optimizer.type',
        /./,
      ],
      [
        (m) => ((m.training as Record<string, unknown>).optimizer = { type: 'adam', rho: 0.9 }),
        '$.training.optimizer',
        /unknown field 'rho'/,
      ],
      [
        (m) => ((m.training as Record<string, unknown>).optimizer = { type: 'sgd', l2: 0.1 }),
        '$.training.optimizer.l2',
        /also set at training.l2/,
      ],
      [
        (m) =>
          ((m.training as Record<string, unknown>).optimizer = {
            type: 'sgd',
            learningRate: { type: 'cosine', learningRate: 0.1 },
          }),
        '$.training.optimizer.learningRate',
        /./,
      ],
      [(m) => (m.nodes[1].trainable = 'no'), '$.nodes[1].trainable', /./],
      [(m) => (m.nodes[1].init = { W: 'glorot' }), '$.nodes[1].init.W', /initialiser name .*he_normal/],
      [(m) => (m.nodes[1].init = { W: { name: 'sparse', k: 0 } }), '$.nodes[1].init.W.k', /./],
      [(m) => (m.nodes[1].init = { Q: 'zeros' }), '$.nodes[1].init.Q', /Dense has no parameter 'Q' \(it has W, b\)/],
    ];
    for (const [edit, path, message] of cases) {
      const { issues, text } = issuesOf(edit);
      expect(issues, path).toHaveLength(1);
      expect(issues[0].path, JSON.stringify(issues[0])).toBe(path);
      expect(issues[0].message).toMatch(message);
      expect(issues[0].line, path).toBeGreaterThan(1);
      expect(issues[0].line).toBeLessThanOrEqual(text.split('\n').length);
    }
  });

  it('a missing parameter takes its node’s init, seeded', () => {
    const { model, plan } = load();
    if (!model || !plan) throw new Error('did not load');
    const first = materializeParams(model, plan, 'float64', 3);
    const same = materializeParams(model, plan, 'float64', 3);
    const other = materializeParams(model, plan, 'float64', 4);
    expect(Array.from(first.get('hidden')?.b.data ?? [])).toEqual([0.01, 0.01, 0.01, 0.01]);
    const w = Array.from(first.get('hidden')?.W.data ?? []);
    expect(w).toEqual(Array.from(same.get('hidden')?.W.data ?? []));
    expect(w).not.toEqual(Array.from(other.get('hidden')?.W.data ?? []));
    // He normal: truncated at two standard deviations of sqrt(2 / fan_in) = 1.
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(2);
    // Sparse with k = 2 over 4 inputs: two non-zero weights into the output unit.
    expect(Array.from(first.get('out')?.W.data ?? []).filter((v) => v !== 0)).toHaveLength(2);
  });

  it('the JSON Schema documents the training section and the node fields', () => {
    const text = JSON.stringify(modelJsonSchema());
    const schema = modelJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.training.description).toMatch(/How to train/);
    for (const word of [
      'batchSize',
      'clipValue',
      'maxNorm',
      'piecewise_constant',
      'perceptron',
      'trainable',
      'he_normal',
      'z_score',
    ])
      expect(text).toContain(word);
  });
});
