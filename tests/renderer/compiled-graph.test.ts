import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/renderer/actions/registry';
import { compiledFor } from '../../src/renderer/stores/compiled-graph';
import { loadExample, state } from './helpers';

describe('compiled graph', () => {
  beforeEach(loadExample);

  it('gives shapes, parameter counts and no issues for the worked example', () => {
    const compiled = compiledFor(state().model);
    expect(Object.fromEntries(compiled.shapes)).toEqual({
      x: [1, 2],
      h: [1, 2],
      h_act: [1, 2],
      o: [1, 2],
      o_act: [1, 2],
      loss: [],
    });
    expect(compiled.paramCounts.get('h')).toBe(6);
    expect(compiled.paramTotal).toBe(12);
    expect(compiled.issueCount).toBe(0);
  });

  it('is computed once per graph version', () => {
    const model = state().model;
    expect(compiledFor(model)).toBe(compiledFor(model));
    runAction('select-all');
    expect(compiledFor(state().model)).toBe(compiledFor(model));
    runAction('rename', { nodeId: 'h', name: 'renamed' });
    expect(compiledFor(state().model)).not.toBe(compiledFor(model));
  });

  it('follows edits: a deleted edge leaves the nodes after it without shapes and marks the orphan', () => {
    runAction('select', { set: { nodeIds: [], edgeIds: ['h->h_act'] } });
    runAction('delete-selection');
    const broken = compiledFor(state().model);
    expect(broken.shapes.get('h')).toEqual([1, 2]);
    expect(broken.shapes.has('h_act')).toBe(false);
    expect(broken.shapes.has('loss')).toBe(false);
    expect(broken.issuesByNode.get('h_act')?.[0].message).toMatch(/takes 1 input but has 0/);
    runAction('connect', { from: 'h', to: 'h_act' });
    const fixed = compiledFor(state().model);
    expect(fixed.shapes.get('loss')).toEqual([]);
    expect(fixed.issueCount).toBe(0);
  });

  it('reports model-wide issues apart from node issues', () => {
    runAction('select', { set: { nodeIds: ['x'], edgeIds: [] } });
    runAction('delete-selection');
    const compiled = compiledFor(state().model);
    expect(compiled.modelIssues.map((i) => i.message)).toContain('the model has no input node');
    expect(compiled.issuesByNode.get('h')).toBeDefined();
  });
});
