import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/renderer/actions/registry';
import { compiledFor } from '../../src/renderer/stores/compiled-graph';
import { loadExample, state } from './helpers';

const dense = (id: string) => state().model.nodes.find((n) => n.id === id);

describe('update-config', () => {
  beforeEach(loadExample);

  it('applies a valid config, drops weights that no longer fit, and shapes follow', () => {
    const outcome = runAction('update-config', { nodeId: 'h', config: { ...dense('h')?.config, units: 3 } });
    expect(outcome.ok).toBe(true);
    expect(dense('h')?.config.units).toBe(3);
    expect(dense('h')?.params).toBeUndefined();
    // o keeps b (still [2]) but its W [2, 2] no longer fits a 3-wide input.
    expect(Object.keys(dense('o')?.params ?? {})).toEqual(['b']);
    const compiled = compiledFor(state().model);
    expect(compiled.shapes.get('h')).toEqual([1, 3]);
    expect(compiled.shapes.get('h_act')).toEqual([1, 3]);
    expect(compiled.paramCounts.get('h')).toBe(9);
    expect(compiled.issueCount).toBe(0);
    runAction('undo');
    expect(dense('h')?.config.units).toBe(2);
    expect(dense('h')?.params?.W.data).toEqual([0.15, 0.25, 0.2, 0.3]);
    expect(compiledFor(state().model).shapes.get('h')).toEqual([1, 2]);
    runAction('redo');
    expect(dense('h')?.config.units).toBe(3);
  });

  it('refuses an invalid value with a message per field and leaves the graph unchanged', () => {
    const before = state().model;
    const zero = runAction('update-config', { nodeId: 'h', config: { ...dense('h')?.config, units: 0 } });
    expect(zero.ok).toBe(false);
    if (!zero.ok) {
      expect(zero.fieldErrors).toEqual({ units: 'must be at least 1' });
      expect(zero.reason).toBe('units must be at least 1');
    }
    const fraction = runAction('update-config', { nodeId: 'h', config: { ...dense('h')?.config, units: 1.5 } });
    if (!fraction.ok) expect(fraction.fieldErrors?.units).toBe('must be a whole number');
    const text = runAction('update-config', { nodeId: 'x', config: { shape: [2, 'a'] } });
    if (!text.ok) expect(text.fieldErrors?.shape).toBe('item 2 must be a number');
    expect(state().model).toBe(before);
    expect(state().past).toHaveLength(0);
  });

  it('collapses consecutive edits of one field into one undo entry', () => {
    runAction('update-config', { nodeId: 'h', config: { units: 1 }, mergeKey: 'units' });
    runAction('update-config', { nodeId: 'h', config: { units: 12 }, mergeKey: 'units' });
    expect(state().past).toHaveLength(1);
    runAction('undo');
    expect(dense('h')?.config.units).toBe(2);
  });

  it('a shape that no longer fits marks the node downstream with an issue', () => {
    runAction('update-config', { nodeId: 'o', config: { units: 3 } });
    const compiled = compiledFor(state().model);
    expect(compiled.shapes.get('o_act')).toEqual([1, 3]);
    const lossIssues = compiled.issuesByNode.get('loss') ?? [];
    expect(lossIssues[0]?.message).toMatch(/sample target has shape \[1, 2\]/);
  });
});
