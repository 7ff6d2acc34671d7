import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, type Issue } from '../../src/core/graph/issues';
import { modelSchemaText } from '../../src/core/graph/json-schema';
import { type LoadResult, loadModelText } from '../../src/core/graph/load';
import type { ModelJson } from '../../src/core/graph/model';
import { materializeParams, withParams } from '../../src/core/graph/params';
import { formatModel } from '../../src/core/graph/serialize';
import { Tensor } from '../../src/core/tensor/tensor';

const root = new URL('../../', import.meta.url);
const examplesDir = new URL('resources/examples/', root);
const exampleFiles = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const readExample = (file: string) => readFileSync(new URL(file, examplesDir), 'utf8');

function loadOk(text: string, what: string): Required<Pick<LoadResult, 'model' | 'plan'>> {
  const r = loadModelText(text);
  expect(r.issues.map((i) => formatIssue(i, what))).toEqual([]);
  expect(r.model).toBeDefined();
  expect(r.plan).toBeDefined();
  return { model: r.model as ModelJson, plan: r.plan as NonNullable<LoadResult['plan']> };
}

function bytes(data: ArrayLike<number>): number[] {
  return Array.from(new Uint8Array(Float32Array.from(data).buffer));
}

/**
 * Where two value lists first differ as float32 bit patterns, with both values, or 'identical'.
 * (Compared word by word: toEqual on the bytes of a large model is slow.)
 */
function bitDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): string {
  const a = new Uint32Array(Float32Array.from(actual).buffer);
  const e = new Uint32Array(Float32Array.from(expected).buffer);
  if (a.length !== e.length) return `${a.length} values instead of ${e.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== e[i]) return `value ${i}: ${actual[i]} instead of ${expected[i]}`;
  }
  return 'identical';
}

/** Everything about a node but its parameters. */
function structureOf(model: ModelJson) {
  return {
    format: model.format,
    version: model.version,
    name: model.name,
    description: model.description,
    nodes: model.nodes.map(({ params: _params, ...rest }) => rest),
    edges: model.edges,
    sample: model.sample,
  };
}

describe('model files round-trip', () => {
  it('the examples folder has the shipped examples', () => {
    expect(exampleFiles).toEqual(
      expect.arrayContaining(['backprop-2-2-2.json', 'perceptron-nand.json', 'xor-mlp.json']),
    );
  });

  describe.each(exampleFiles)('%s', (file) => {
    it('loads, saves with float32 weights and loads again: same structure, positions, bit-identical weights', () => {
      const first = loadOk(readExample(file), file);
      const params = materializeParams(first.model, first.plan, 'float32', 1234);
      const saved = formatModel(withParams(first.model, params));
      const second = loadOk(saved, `${file} (saved)`);

      expect(structureOf(second.model)).toEqual(structureOf(first.model));
      expect(second.model.nodes.map((n) => n.position)).toEqual(first.model.nodes.map((n) => n.position));
      expect(second.model.nodes.every((n) => n.position !== undefined)).toBe(true);
      expect(second.plan.nodes.map((n) => n.id)).toEqual(first.plan.nodes.map((n) => n.id));
      expect(second.plan.nodes.map((n) => n.outputShape)).toEqual(first.plan.nodes.map((n) => n.outputShape));

      let checked = 0;
      for (const node of second.model.nodes) {
        const original = params.get(node.id) ?? {};
        expect(Object.keys(node.params ?? {}).sort(), `params of ${node.id}`).toEqual(Object.keys(original).sort());
        for (const [name, tensor] of Object.entries(original)) {
          const stored = node.params?.[name];
          expect(stored?.shape).toEqual(tensor.shape);
          expect(tensor.data).toBeInstanceOf(Float32Array);
          expect(bitDifference(stored?.data ?? [], tensor.data), `${node.id}.${name} bit for bit`).toBe('identical');
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);

      // loading the saved file uses the stored weights, whatever the seed
      const again = materializeParams(second.model, second.plan, 'float32', 999);
      for (const [id, p] of params) {
        for (const [name, t] of Object.entries(p))
          expect(bitDifference(again.get(id)?.[name]?.data ?? [], t.data), `${id}.${name}`).toBe('identical');
      }
      // saving again changes nothing
      expect(formatModel(withParams(second.model, again))).toBe(saved);
    });
  });

  it('weights stored in the examples load exactly as written', () => {
    const { model, plan } = loadOk(readExample('backprop-2-2-2.json'), 'backprop-2-2-2.json');
    const p64 = materializeParams(model, plan, 'float64');
    expect(Array.from(p64.get('h')?.W.data ?? [])).toEqual([0.15, 0.25, 0.2, 0.3]);
    expect(Array.from(p64.get('o')?.b.data ?? [])).toEqual([0.6, 0.6]);
  });

  it('float32 values that need all their digits survive a save and load bit for bit', () => {
    const values = [
      Math.fround(0.1),
      Math.fround(1 / 3),
      Math.fround(-2 / 7),
      1.401298464324817e-45, // smallest subnormal float32
      1.1754943508222875e-38, // smallest normal float32
      3.4028234663852886e38, // largest float32
      Math.fround(Math.PI) * 1e-20,
      -Math.fround(123456.789),
    ];
    const { model, plan } = loadOk(readExample('backprop-2-2-2.json'), 'backprop-2-2-2.json');
    const params = materializeParams(model, plan, 'float32');
    const w = params.get('o')?.W as Tensor;
    const b = params.get('h')?.b as Tensor;
    w.data.set(values.slice(0, 4));
    b.data.set(values.slice(4, 6));
    (params.get('o')?.b as Tensor).data.set(values.slice(6, 8));
    const saved = formatModel(withParams(model, params));
    const back = loadOk(saved, 'saved');
    const node = (id: string) => back.model.nodes.find((n) => n.id === id);
    expect(bytes(node('o')?.params?.W.data ?? [])).toEqual(bytes(values.slice(0, 4)));
    expect(bytes(node('h')?.params?.b.data ?? [])).toEqual(bytes(values.slice(4, 6)));
    expect(bytes(node('o')?.params?.b.data ?? [])).toEqual(bytes(values.slice(6, 8)));
  });

  it('formatModel keeps number arrays on one line and ends with a newline', () => {
    const { model } = loadOk(readExample('xor-mlp.json'), 'xor-mlp.json');
    const text = formatModel(model);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('"shape": [2]');
    expect(text).toContain('[0, 1]');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(model)));
  });

  it('the committed JSON schema is the one the model schemas generate', () => {
    const committed = readFileSync(new URL('resources/schema/model.schema.json', root), 'utf8');
    expect(
      committed === modelSchemaText(),
      'resources/schema/model.schema.json is out of date: run npm run schema',
    ).toBe(true);
    const schema = JSON.parse(committed) as { $id?: string; properties?: Record<string, unknown> };
    expect(schema.$id).toBe('urn:backprop-studio:model:v1');
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['format', 'version', 'nodes', 'edges']),
    );
  });
});

interface RawTensor {
  shape: unknown[];
  data: unknown[];
}
interface RawNode {
  id: string;
  type: string;
  config: Record<string, unknown>;
  params?: Record<string, RawTensor>;
  [key: string]: unknown;
}
interface RawModel {
  nodes: RawNode[];
  edges: { from: string; to: string }[];
  sample?: { input: unknown; target?: unknown };
  [key: string]: unknown;
}

const baseText = readExample('backprop-2-2-2.json');
const base = JSON.parse(baseText) as RawModel;

/** The worked example edited, written as JSON.stringify(_, null, 2) text, and loaded. */
function variant(edit: (m: RawModel) => void): { text: string; result: LoadResult } {
  const m = structuredClone(base);
  edit(m);
  const text = JSON.stringify(m, null, 2);
  return { text, result: loadModelText(text) };
}

/** The 1-based line of the first occurrence of needle in text. */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  expect(at, `'${needle}' not in the text`).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

/** The line of the '{' that opens the node with this id (the line above its "id"). */
function nodeLine(text: string, id: string): number {
  return lineOf(text, `"id": "${id}"`) - 1;
}

interface Expected {
  message: RegExp;
  path?: string;
  nodeId?: string;
  line?: number;
  column?: number;
}

function expectIssue(result: LoadResult, want: Expected): Issue {
  const found = result.issues.find((i) => want.message.test(i.message));
  expect(
    found,
    `no issue matches ${want.message}; issues: ${result.issues.map((i) => formatIssue(i)).join(' | ')}`,
  ).toBeDefined();
  const issue = found as Issue;
  if (want.path !== undefined) expect(issue.path).toBe(want.path);
  if (want.nodeId !== undefined) expect(issue.nodeId).toBe(want.nodeId);
  if (want.line !== undefined) expect(issue.line).toBe(want.line);
  if (want.column !== undefined) expect(issue.column).toBe(want.column);
  // formatIssue puts every known part in front of the message
  const where = [
    issue.line === undefined ? 'm.json' : `m.json:${issue.line}:${issue.column ?? 1}`,
    issue.path,
    issue.nodeId ? `(node ${issue.nodeId})` : undefined,
  ].filter(Boolean);
  expect(formatIssue(issue, 'm.json')).toBe(`${where.join(' ')}: ${issue.message}`);
  return issue;
}

describe('validation: every error says where it is', () => {
  it('the unedited example has no issues', () => {
    expect(variant(() => {}).result.issues).toEqual([]);
  });

  it('unknown node type', () => {
    const { text, result } = variant((m) => {
      m.nodes[2].type = 'sigmoidd';
    });
    expect(result.model).toBeUndefined();
    const issue = expectIssue(result, {
      message: /^unknown node type "sigmoidd"; known types: input, dense, .*sigmoid/,
      path: '$.nodes[2].type',
      nodeId: 'h_act',
      line: lineOf(text, '"sigmoidd"'),
      column: text.split('\n')[lineOf(text, '"sigmoidd"') - 1].indexOf('"sigmoidd"') + 1,
    });
    expect(formatIssue(issue, 'm.json')).toMatch(
      /^m\.json:\d+:\d+ \$\.nodes\[2\]\.type \(node h_act\): unknown node type/,
    );
  });

  it('unknown fields: on a node, in a config, at the top', () => {
    const onNode = variant((m) => {
      m.nodes[2].colour = 'red';
    });
    expectIssue(onNode.result, {
      message: /^unknown field 'colour'$/,
      path: '$.nodes[2]',
      nodeId: 'h_act',
      line: nodeLine(onNode.text, 'h_act'),
    });
    const inConfig = variant((m) => {
      m.nodes[1].config.unitz = 3;
    });
    expectIssue(inConfig.result, {
      message: /^unknown field 'unitz'$/,
      path: '$.nodes[1].config',
      nodeId: 'h',
      line: lineOf(inConfig.text, '"config"', inConfig.text.indexOf('"id": "h"')),
    });
    const top = variant((m) => {
      m.extra = 1;
      m.other = 2;
    });
    expectIssue(top.result, { message: /^unknown fields 'extra', 'other'$/, path: '$', line: 1, column: 1 });
  });

  it('an invalid config value', () => {
    const { text, result } = variant((m) => {
      m.nodes[3].config.units = 0;
    });
    expectIssue(result, {
      message: />=\s*1/,
      path: '$.nodes[3].config.units',
      nodeId: 'o',
      line: lineOf(text, '"units": 0'),
    });
  });

  it.each(['from', 'to'] as const)('edge %s names a node that does not exist', (end) => {
    const { text, result } = variant((m) => {
      m.edges[1][end] = 'ghost';
    });
    expectIssue(result, {
      message: new RegExp(`^edge ${end} 'ghost': no node has this id$`),
      path: `$.edges[1].${end}`,
      line: lineOf(text, `"${end}": "ghost"`),
    });
    // the node left without its input says so; nodes after it are not blamed for made-up reasons
    expect(result.issues.map((i) => i.message)).toEqual([
      `edge ${end} 'ghost': no node has this id`,
      'Sigmoid takes 1 input but has 0',
    ]);
  });

  it('duplicate node id', () => {
    const { text, result } = variant((m) => {
      m.nodes[4].id = 'h_act';
    });
    const secondId = text.indexOf('"id": "h_act"', text.indexOf('"id": "h_act"') + 1);
    expectIssue(result, {
      message: /^duplicate node id 'h_act'$/,
      path: '$.nodes[4].id',
      nodeId: 'h_act',
      line: text.slice(0, secondId).split('\n').length,
    });
  });

  it('an edge from a node to itself', () => {
    const { text, result } = variant((m) => {
      m.edges.push({ from: 'o', to: 'o' });
    });
    expectIssue(result, {
      message: /^edge connects node 'o' to itself$/,
      path: '$.edges[5]',
      nodeId: 'o',
      line: lineOf(text, '"from": "o",\n      "to": "o"') - 1,
    });
  });

  it('the same edge twice', () => {
    const { text, result } = variant((m) => {
      m.edges.push({ from: 'h', to: 'h_act' });
    });
    expectIssue(result, {
      message: /^duplicate edge from 'h' to 'h_act'$/,
      path: '$.edges[5]',
      nodeId: 'h_act',
      line: lineOf(text, '"from": "h",\n      "to": "h_act"', text.indexOf('"edges"') + 200) - 1,
    });
  });

  it('a cycle, naming its nodes in order', () => {
    const { text, result } = variant((m) => {
      m.edges.push({ from: 'o_act', to: 'h' });
    });
    const issue = expectIssue(result, { message: /^node is part of a cycle: / });
    const cycle = issue.message.replace('node is part of a cycle: ', '').split(' -> ');
    expect(cycle[0]).toBe(cycle[cycle.length - 1]);
    expect([...cycle.slice(0, -1)].sort()).toEqual(['h', 'h_act', 'o', 'o_act']);
    // consecutive names follow the edges
    for (let i = 0; i + 1 < cycle.length; i++) {
      expect(base.edges.concat({ from: 'o_act', to: 'h' })).toContainEqual({ from: cycle[i], to: cycle[i + 1] });
    }
    expect(issue.nodeId).toBe(cycle[0]);
    expect(issue.path).toBe(`$.nodes[${base.nodes.findIndex((n) => n.id === cycle[0])}]`);
    expect(issue.line).toBe(nodeLine(text, cycle[0]));
    expect(result.issues.filter((i) => /cycle/.test(i.message))).toHaveLength(1);
  });

  it('two inputs into a node that takes one', () => {
    const { text, result } = variant((m) => {
      m.edges.push({ from: 'x', to: 'o_act' });
    });
    expectIssue(result, {
      message: /^Sigmoid takes 1 input but has 2 \(from 'o', 'x'\)$/,
      path: '$.nodes[4]',
      nodeId: 'o_act',
      line: nodeLine(text, 'o_act'),
    });
  });

  it('a parameter of the wrong shape', () => {
    const { text, result } = variant((m) => {
      const params = m.nodes[1].params as Record<string, RawTensor>;
      params.W = { shape: [3, 2], data: [1, 2, 3, 4, 5, 6] };
    });
    expectIssue(result, {
      message: /^parameter W has shape \[3, 2\] but this node needs \[2, 2\]$/,
      path: '$.nodes[1].params.W.shape',
      nodeId: 'h',
      line: lineOf(text, '"shape": [\n            3'),
    });
  });

  it('an unknown parameter name', () => {
    const { text, result } = variant((m) => {
      const params = m.nodes[3].params as Record<string, RawTensor>;
      params.gamma = { shape: [2], data: [1, 1] };
    });
    expectIssue(result, {
      message: /^Dense has no parameter 'gamma' \(it has W, b\)$/,
      path: '$.nodes[3].params.gamma',
      nodeId: 'o',
      line: lineOf(text, '"gamma"'),
    });
  });

  it('parameter data whose length does not match its shape', () => {
    const { text, result } = variant((m) => {
      const params = m.nodes[1].params as Record<string, RawTensor>;
      params.W.data = [0.15, 0.25, 0.2];
    });
    expectIssue(result, {
      message: /^data has 3 values but shape \[2, 2\] needs 4$/,
      path: '$.nodes[1].params.W.data',
      nodeId: 'h',
      line: lineOf(text, '"data"'),
    });
  });

  it.each([
    ['a string', '0.2', /expected number, received string/],
    ['null', null, /expected number, received null/],
  ])('%s in parameter data', (_what, value, message) => {
    const { text, result } = variant((m) => {
      const params = m.nodes[3].params as Record<string, RawTensor>;
      params.W.data[2] = value;
    });
    const dataLine = lineOf(text, '"data"', text.indexOf('"id": "o"'));
    expectIssue(result, { message, path: '$.nodes[3].params.W.data[2]', nodeId: 'o', line: dataLine + 3 });
  });

  it('a huge number like 1e400 is not finite', () => {
    const text = baseText.replace('[0.15, 0.25, 0.2, 0.3]', '[0.15, 1e400, 0.2, 0.3]');
    expect(text).not.toBe(baseText);
    const result = loadModelText(text);
    expect(result.model).toBeUndefined();
    expectIssue(result, {
      message: /Infinity/,
      path: '$.nodes[1].params.W.data[1]',
      nodeId: 'h',
      line: lineOf(text, '1e400'),
      column: text.split('\n')[lineOf(text, '1e400') - 1].indexOf('1e400') + 1,
    });
  });

  const textCases: [string, (t: string) => string, RegExp, (broken: string) => { line: number; column: number }][] = [
    [
      'NaN',
      (t) => t.replace('[0.15,', '[NaN,'),
      /^invalid JSON: unexpected character \(NaN, Infinity and comments are not JSON\)$/,
      (b) => positionOf(b, 'NaN'),
    ],
    [
      'an Infinity literal',
      (t) => t.replace('[0.15,', '[Infinity,'),
      /^invalid JSON: unexpected character \(NaN, Infinity/,
      (b) => positionOf(b, 'Infinity'),
    ],
    [
      'a line comment',
      (t) => t.replace('  "nodes": [', '  // the graph\n  "nodes": ['),
      /^invalid JSON: invalid comment token$/,
      (b) => positionOf(b, '// the graph'),
    ],
    [
      'a block comment',
      (t) => t.replace('"version": 1,', '"version": 1, /* v1 */'),
      /^invalid JSON: invalid comment token$/,
      (b) => positionOf(b, '/* v1 */'),
    ],
    [
      'a trailing comma in an array',
      (t) => t.replace('[0.15, 0.25, 0.2, 0.3]', '[0.15, 0.25, 0.2, 0.3,]'),
      /^invalid JSON: value expected$/,
      (b) => positionOf(b, ']', b.indexOf('0.3,]')),
    ],
    [
      'a trailing comma in an object',
      (t) => t.replace('"config": { "units": 2 }', '"config": { "units": 2, }'),
      /^invalid JSON: property name expected$/,
      (b) => positionOf(b, '}', b.indexOf('"units": 2, }')),
    ],
    [
      'truncated text',
      (t) => t.slice(0, t.indexOf('"edges": [') + '"edges": ['.length),
      /^invalid JSON: /,
      (b) => {
        const lines = b.split('\n');
        return { line: lines.length, column: lines[lines.length - 1].length + 1 };
      },
    ],
  ];

  it.each(textCases)('invalid JSON: %s (line and column reported)', (_what, breakIt, message, where) => {
    const broken = breakIt(baseText);
    expect(broken).not.toBe(baseText);
    const result = loadModelText(broken);
    expect(result.model).toBeUndefined();
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.length).toBeLessThanOrEqual(5);
    const { line, column } = where(broken);
    expect(line).toBeGreaterThan(1);
    const issue = expectIssue(result, { message, line, column });
    expect(result.issues[0]).toBe(issue);
    expect(formatIssue(issue, 'm.json')).toBe(`m.json:${line}:${column}: ${issue.message}`);
    expect(formatIssue(issue)).toBe(`line ${line}:${column}: ${issue.message}`);
  });

  it('empty text', () => {
    expectIssue(loadModelText(''), { message: /^invalid JSON: value expected$/, line: 1, column: 1 });
  });

  it('a sample input of the wrong shape', () => {
    const { text, result } = variant((m) => {
      m.sample = { input: [[0.05, 0.1, 0.2]], target: [[0.01, 0.99]] };
    });
    expectIssue(result, {
      message: /^sample input has shape \[1, 3\] but input node 'x' takes \[1, 2\]/,
      path: '$.sample.input',
      line: lineOf(text, '"input": ['),
    });
  });

  it('a ragged sample', () => {
    const { text, result } = variant((m) => {
      m.sample = { input: [[0.05, 0.1], [0.2]], target: [[0.01, 0.99]] };
    });
    expectIssue(result, {
      message: /ragged: expected 2 entries on axis 1/,
      path: '$.sample.input',
      line: lineOf(text, '"input": ['),
    });
  });

  it('a sample target of the wrong shape, naming the loss', () => {
    const { text, result } = variant((m) => {
      m.sample = { input: [[0.05, 0.1]], target: [[0.01, 0.99, 0.5]] };
    });
    expectIssue(result, {
      message: /^sample target has shape \[1, 3\] but loss 'loss' compares it with a prediction of shape \[1, 2\]/,
      path: '$.sample.target',
      nodeId: 'loss',
      line: lineOf(text, '"target": ['),
    });
  });

  it('a shape error: dense after a rank-3 input, and nothing blamed downstream', () => {
    const { text, result } = variant((m) => {
      m.nodes[0].config.shape = [2, 3];
      delete m.sample;
    });
    expectIssue(result, {
      message: /^Dense expects a rank-2 input \[batch, features\].*got \[1, 2, 3\]$/,
      path: '$.nodes[1]',
      nodeId: 'h',
      line: nodeLine(text, 'h'),
    });
    expect(result.issues).toHaveLength(1);
    expect(result.plan?.byId.get('h_act')?.outputShape).toBeUndefined();
  });

  it('no input node', () => {
    const { text, result } = variant((m) => {
      m.nodes.shift();
      m.edges.shift();
      delete m.sample;
    });
    expectIssue(result, { message: /^the model has no input node$/ });
    expectIssue(result, {
      message: /^Dense takes 1 input but has 0$/,
      path: '$.nodes[0]',
      nodeId: 'h',
      line: nodeLine(text, 'h'),
    });
  });

  it('a wrong format or version', () => {
    const format = variant((m) => {
      m.format = 'onnx';
    });
    expectIssue(format.result, {
      message: /backprop-studio\.model/,
      path: '$.format',
      line: lineOf(format.text, '"format"'),
    });
    const version = variant((m) => {
      m.version = 2;
    });
    expectIssue(version.result, {
      message: /expected 1/,
      path: '$.version',
      line: lineOf(version.text, '"version"'),
    });
    const missing = variant((m) => {
      delete m.format;
    });
    expectIssue(missing.result, { message: /./, path: '$.format', line: 1 });
  });

  it('a bad node id', () => {
    const { text, result } = variant((m) => {
      m.nodes[5].id = '9 lives';
      m.edges[4].to = '9 lives';
    });
    expectIssue(result, { message: /ids start with a letter/, path: '$.nodes[5].id', line: lineOf(text, '"9 lives"') });
  });
});

function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(needle, from);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
