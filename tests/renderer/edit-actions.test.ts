import { beforeEach, describe, expect, it } from 'vitest';
import { findKind } from '../../src/core/layers/registry';
import { runAction } from '../../src/renderer/actions/registry';
import { compiledFor } from '../../src/renderer/stores/compiled-graph';
import { isDirty, resetGraphStore } from '../../src/renderer/stores/graph-store';
import { edgePairs, loadExample, nodeIds, state } from './helpers';

describe('add-node', () => {
  beforeEach(() => resetGraphStore());

  it('adds a node with the kind default config, a numbered id, and selects it', () => {
    const first = runAction('add-node', { type: 'dense', position: { x: 10.4, y: 20.6 } });
    const second = runAction('add-node', { type: 'dense', position: { x: 0, y: 0 } });
    expect(first).toEqual({ ok: true, value: 'dense_1' });
    expect(second).toEqual({ ok: true, value: 'dense_2' });
    expect(state().model.nodes[0]).toEqual({
      id: 'dense_1',
      type: 'dense',
      config: findKind('dense')?.defaultConfig,
      position: { x: 10, y: 21 },
    });
    expect(state().selection).toEqual({ nodeIds: ['dense_2'], edgeIds: [] });
    expect(isDirty(state())).toBe(true);
  });

  it('refuses an unknown kind and leaves the graph as it was', () => {
    const before = state().model;
    const outcome = runAction('add-node', { type: 'warp_drive', position: { x: 0, y: 0 } });
    expect(outcome.ok).toBe(false);
    expect(state().model).toBe(before);
  });

  it('undo removes the node and redo puts it back', () => {
    runAction('add-node', { type: 'input', position: { x: 0, y: 0 } });
    runAction('undo');
    expect(nodeIds()).toEqual([]);
    runAction('redo');
    expect(nodeIds()).toEqual(['input_1']);
  });
});

describe('connect', () => {
  beforeEach(loadExample);

  it('adds an edge and the shapes downstream appear', () => {
    runAction('add-node', { type: 'dense', position: { x: 0, y: 200 } });
    expect(compiledFor(state().model).shapes.get('dense_1')).toBeUndefined();
    const outcome = runAction('connect', { from: 'o_act', to: 'dense_1' });
    expect(outcome).toEqual({ ok: true, value: 'o_act->dense_1' });
    expect(compiledFor(state().model).shapes.get('dense_1')).toEqual([1, 2]);
    runAction('undo');
    expect(edgePairs()).not.toContain('o_act->dense_1');
    runAction('redo');
    expect(edgePairs()).toContain('o_act->dense_1');
  });

  it('refuses a self loop', () => {
    const outcome = runAction('connect', { from: 'h', to: 'h' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/cannot feed itself/);
  });

  it('refuses an edge that closes a cycle and names the path', () => {
    const before = state().model;
    const outcome = runAction('connect', { from: 'o_act', to: 'h' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toBe("That edge would close a cycle: 'h' → 'h_act' → 'o' → 'o_act' → 'h'.");
    expect(state().model).toBe(before);
  });

  it('refuses a second input into a single-input node', () => {
    runAction('add-node', { type: 'input', position: { x: 0, y: 200 } });
    const outcome = runAction('connect', { from: 'input_1', to: 'h' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/^Dense takes one input and 'hidden net' already has 'x'/);
  });

  it('refuses an edge into an input node and a duplicate edge', () => {
    runAction('add-node', { type: 'dense', position: { x: 0, y: 200 } });
    const intoInput = runAction('connect', { from: 'dense_1', to: 'x' });
    expect(intoInput.ok).toBe(false);
    if (!intoInput.ok) expect(intoInput.reason).toMatch(/take no inputs/);
    const twice = runAction('connect', { from: 'x', to: 'h' });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.reason).toMatch(/already feeds/);
  });
});

describe('delete-selection', () => {
  beforeEach(loadExample);

  it('is disabled with nothing selected', () => {
    expect(runAction('delete-selection').ok).toBe(false);
  });

  it('deletes selected nodes with their edges, and selected edges', () => {
    runAction('select', { set: { nodeIds: ['h_act'], edgeIds: ['o_act->loss'] } });
    runAction('delete-selection');
    expect(nodeIds()).toEqual(['x', 'h', 'o', 'o_act', 'loss']);
    expect(edgePairs()).toEqual(['x->h', 'o->o_act']);
    expect(state().selection).toEqual({ nodeIds: [], edgeIds: [] });
    runAction('undo');
    expect(nodeIds()).toHaveLength(6);
    expect(edgePairs()).toHaveLength(5);
    expect(state().selection).toEqual({ nodeIds: ['h_act'], edgeIds: ['o_act->loss'] });
    runAction('redo');
    expect(nodeIds()).toHaveLength(5);
  });
});

describe('rename and move-nodes', () => {
  beforeEach(loadExample);

  it('renames, clears a name, and typing into one field is one undo entry', () => {
    const depth = state().past.length;
    runAction('rename', { nodeId: 'h', name: 'h', mergeKey: 'name:h:1' });
    runAction('rename', { nodeId: 'h', name: 'hi', mergeKey: 'name:h:1' });
    expect(state().model.nodes[1].name).toBe('hi');
    expect(state().past.length).toBe(depth + 1);
    runAction('rename', { nodeId: 'h', name: '  ' });
    expect(state().model.nodes[1]).not.toHaveProperty('name');
    runAction('undo');
    runAction('undo');
    expect(state().model.nodes[1].name).toBe('hidden net');
  });

  it('moves several nodes as one undo entry', () => {
    const depth = state().past.length;
    runAction('move-nodes', { positions: { h: { x: 230, y: 40 }, o: { x: 650.7, y: -10 } } });
    expect(state().model.nodes[1].position).toEqual({ x: 230, y: 40 });
    expect(state().model.nodes[3].position).toEqual({ x: 651, y: -10 });
    expect(state().past.length).toBe(depth + 1);
    runAction('undo');
    expect(state().model.nodes[1].position).toEqual({ x: 230, y: 0 });
    runAction('redo');
    expect(state().model.nodes[3].position).toEqual({ x: 651, y: -10 });
  });

  it('records nothing for a drag that ends where it started', () => {
    const before = state().model;
    runAction('move-nodes', { positions: { h: { x: 230, y: 0 } } });
    expect(state().model).toBe(before);
    expect(state().past).toHaveLength(0);
  });
});
