import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyWeightsFrom } from '../../../src/core/graph/copy-weights';
import { ModelError } from '../../../src/core/graph/issues';
import { validateModel } from '../../../src/core/graph/load';
import type { ModelJson, NodeJson } from '../../../src/core/graph/model';

const worked = JSON.parse(
  readFileSync(new URL('../../../resources/examples/backprop-2-2-2.json', import.meta.url), 'utf8'),
) as ModelJson;

function node(model: ModelJson, id: string): NodeJson {
  const found = model.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** The worked example without stored weights, its output layer resized and a node renamed. */
function changedTarget(): ModelJson {
  const target = structuredClone(worked);
  for (const n of target.nodes) delete n.params;
  node(target, 'o').config = { units: 3 };
  target.sample = undefined;
  return target;
}

describe('copyWeightsFrom', () => {
  it('copies parameters whose node id, name and shape match, and says why the others were not', () => {
    const { model, copied, skipped } = copyWeightsFrom(changedTarget(), worked);
    expect(copied).toEqual([
      { nodeId: 'h', param: 'W' },
      { nodeId: 'h', param: 'b' },
    ]);
    expect(skipped).toEqual([
      { nodeId: 'o', param: 'W', reason: 'shape [2, 2] in the source, [2, 3] here' },
      { nodeId: 'o', param: 'b', reason: 'shape [2] in the source, [3] here' },
    ]);
    expect(node(model, 'h').params).toEqual(node(worked, 'h').params);
    expect(node(model, 'o').params).toBeUndefined();
    expect(validateModel(model).issues).toEqual([]);
  });

  it('names a node missing from the source and a parameter the source does not store', () => {
    const source = structuredClone(worked);
    source.nodes = source.nodes.filter((n) => n.id !== 'o');
    delete node(source, 'h').params?.b;
    const { copied, skipped } = copyWeightsFrom(changedTarget(), source);
    expect(copied).toEqual([{ nodeId: 'h', param: 'W' }]);
    expect(skipped.map((s) => `${s.nodeId}.${s.param}: ${s.reason}`)).toEqual([
      'h.b: the source node stores no b',
      'o.W: the source has no node with this id',
      'o.b: the source has no node with this id',
    ]);
  });

  it('leaves the source untouched and copies values, not references', () => {
    const { model } = copyWeightsFrom(changedTarget(), worked);
    const w = node(model, 'h').params?.W.data as number[];
    w[0] = 42;
    expect(node(worked, 'h').params?.W.data[0]).toBe(0.15);
  });

  it('refuses a target that does not compile', () => {
    const broken = changedTarget();
    node(broken, 'h').config = { units: 2 };
    broken.edges = broken.edges.filter((e) => e.to !== 'h');
    expect(() => copyWeightsFrom(broken, worked)).toThrow(ModelError);
  });
});
