import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/renderer/actions/registry';
import { edgePairs, loadExample, nodeIds, state } from './helpers';

describe('copy, cut and paste', () => {
  beforeEach(loadExample);

  it('copy needs selected nodes and changes nothing in the document', () => {
    expect(runAction('copy').ok).toBe(false);
    runAction('select', { set: { nodeIds: ['h', 'h_act'], edgeIds: [] } });
    const before = state().model;
    expect(runAction('copy')).toEqual({ ok: true, value: 2 });
    expect(state().model).toBe(before);
    expect(state().past).toHaveLength(0);
    expect(state().clipboard?.edges).toEqual([{ from: 'h', to: 'h_act' }]);
  });

  it('pastes with fresh ids, internal edges only, offset, params kept, and selects the copies', () => {
    runAction('select', { set: { nodeIds: ['h', 'h_act'], edgeIds: [] } });
    runAction('copy');
    const pasted = runAction('paste');
    expect(pasted).toEqual({ ok: true, value: ['dense_1', 'sigmoid_1'] });
    expect(edgePairs()).toContain('dense_1->sigmoid_1');
    expect(edgePairs().filter((e) => e.includes('dense_1') || e.includes('sigmoid_1'))).toEqual(['dense_1->sigmoid_1']);
    const copy = state().model.nodes.find((n) => n.id === 'dense_1');
    expect(copy?.position).toEqual({ x: 270, y: 40 });
    expect(copy?.params?.W.data).toEqual([0.15, 0.25, 0.2, 0.3]);
    expect(state().selection).toEqual({ nodeIds: ['dense_1', 'sigmoid_1'], edgeIds: ['dense_1->sigmoid_1'] });
    runAction('paste');
    expect(state().model.nodes.find((n) => n.id === 'dense_2')?.position).toEqual({ x: 310, y: 80 });
    runAction('undo');
    runAction('undo');
    expect(nodeIds()).toHaveLength(6);
    runAction('redo');
    expect(nodeIds()).toContain('dense_1');
  });

  it('cut removes the nodes, and paste brings them back under new ids', () => {
    runAction('select', { set: { nodeIds: ['o_act', 'loss'], edgeIds: [] } });
    expect(runAction('cut')).toEqual({ ok: true, value: 2 });
    expect(nodeIds()).toEqual(['x', 'h', 'h_act', 'o']);
    expect(edgePairs()).toEqual(['x->h', 'h->h_act', 'h_act->o']);
    runAction('paste');
    expect(nodeIds()).toEqual(['x', 'h', 'h_act', 'o', 'sigmoid_1', 'squared_error_1']);
    expect(edgePairs()).toContain('sigmoid_1->squared_error_1');
    runAction('undo');
    runAction('undo');
    expect(nodeIds()).toHaveLength(6);
    expect(edgePairs()).toContain('o_act->loss');
  });
});

describe('select-all and select', () => {
  beforeEach(loadExample);

  it('selects every node and edge without an undo entry', () => {
    runAction('select-all');
    expect(state().selection.nodeIds).toHaveLength(6);
    expect(state().selection.edgeIds).toHaveLength(5);
    expect(state().past).toHaveLength(0);
  });

  it('applies changes the canvas reports to the current selection', () => {
    runAction('select', { nodes: [{ id: 'h', selected: true }] });
    runAction('select', { edges: [{ id: 'x->h', selected: true }] });
    runAction('select', { nodes: [{ id: 'h', selected: false }] });
    expect(state().selection).toEqual({ nodeIds: [], edgeIds: ['x->h'] });
  });

  it('undo and redo are refused when there is nothing to undo or redo', () => {
    expect(runAction('undo')).toMatchObject({ ok: false });
    expect(runAction('redo')).toMatchObject({ ok: false });
  });
});
