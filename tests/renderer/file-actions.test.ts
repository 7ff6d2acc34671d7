import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/renderer/actions/registry';
import { isDirty } from '../../src/renderer/stores/graph-store';
import { exampleText, loadExample, nodeIds, state } from './helpers';

describe('load-model', () => {
  beforeEach(loadExample);

  it('opens the worked example clean, with its file name and an empty history', () => {
    expect(state().fileName).toBe('backprop-2-2-2.json');
    expect(isDirty(state())).toBe(false);
    expect(nodeIds()).toEqual(['x', 'h', 'h_act', 'o', 'o_act', 'loss']);
    expect(state().past).toHaveLength(0);
  });

  it('refuses text that is not JSON, with line numbers, and leaves the graph untouched', () => {
    runAction('rename', { nodeId: 'h', name: 'edited' });
    const before = state();
    const outcome = runAction('load-model', {
      text: '{\n  "format": "backprop-studio.model",\n  "nodes": [,]\n}',
      fileName: 'bad.json',
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toMatch(/^bad\.json could not be opened/);
    expect(outcome.issues?.[0]).toMatchObject({ line: 3 });
    expect(outcome.issues?.[0].message).toMatch(/invalid JSON/);
    expect(state().model).toBe(before.model);
    expect(state().past).toBe(before.past);
    expect(state().fileName).toBe('backprop-2-2-2.json');
  });

  it('refuses a model with an unknown node type, pointing at its line', () => {
    const text = exampleText.replace('"type": "sigmoid"', '"type": "sigmoidal"');
    const line = text.split('\n').findIndex((l) => l.includes('sigmoidal')) + 1;
    const before = state().model;
    const outcome = runAction('load-model', { text });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.issues?.some((i) => /unknown node type "sigmoidal"/.test(i.message) && i.line === line)).toBe(
        true,
      );
    }
    expect(state().model).toBe(before);
  });

  it('refuses duplicate ids and dangling edges, which the canvas cannot show', () => {
    const text = exampleText.replace('"id": "h_act"', '"id": "h"');
    const outcome = runAction('load-model', { text });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues?.map((i) => i.message).join('\n')).toMatch(/duplicate node id 'h'/);
  });

  it('opens a model whose shapes do not fit, returning the issues to mark on the canvas', () => {
    const text = exampleText.replace(
      '"config": { "units": 2 },\n      "position": { "x": 0, "y": 220 }',
      '"config": { "units": 3 },\n      "position": { "x": 0, "y": 220 }',
    );
    const outcome = runAction('load-model', { text, fileName: 'wide.json' });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value.issues.length).toBeGreaterThan(0);
  });

  it('lays out nodes that have no position, left to right by depth', () => {
    const text = exampleText.replace(/,\s*"position": \{ "x": \d+, "y": \d+ \}/g, '');
    expect(text).not.toMatch(/"position"/);
    runAction('load-model', { text });
    expect(state().model.nodes.map((n) => n.position?.x)).toEqual([0, 240, 480, 720, 960, 1200]);
  });
});

describe('save-model and new-model', () => {
  beforeEach(loadExample);

  it('saves with positions, and the text loads back to the same graph', () => {
    runAction('move-nodes', { positions: { h: { x: 250, y: 60 } } });
    runAction('add-node', { type: 'relu', position: { x: 500, y: 300 } });
    const saved = runAction('save-model');
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.fileName).toBe('backprop-2-2-2.json');
    expect(saved.value.text).toMatch(/"position": \{\s*"x": 250,\s*"y": 60\s*\}/);
    const model = state().model;
    runAction('new-model');
    expect(nodeIds()).toEqual([]);
    const loaded = runAction('load-model', { text: saved.value.text });
    expect(loaded.ok).toBe(true);
    expect(state().model).toEqual(model);
    expect(state().model.nodes.find((n) => n.id === 'relu_1')?.position).toEqual({ x: 500, y: 300 });
  });

  it('mark-saved clears the dirty flag for the model that was written', () => {
    runAction('rename', { nodeId: 'h', name: 'z' });
    expect(isDirty(state())).toBe(true);
    const saved = runAction('save-model');
    if (!saved.ok) throw new Error(saved.reason);
    runAction('mark-saved', { fileName: 'copy.json', model: saved.value.model });
    expect(isDirty(state())).toBe(false);
    expect(state().fileName).toBe('copy.json');
    runAction('undo');
    expect(isDirty(state())).toBe(true);
    runAction('redo');
    expect(isDirty(state())).toBe(false);
  });

  it('new-model starts an empty, clean document with an empty history', () => {
    runAction('rename', { nodeId: 'h', name: 'z' });
    const id = state().documentId;
    runAction('new-model');
    expect(state().model.nodes).toEqual([]);
    expect(state().past).toEqual([]);
    expect(state().fileName).toBeNull();
    expect(state().documentId).toBe(id + 1);
    expect(isDirty(state())).toBe(false);
    expect(runAction('save-model')).toMatchObject({ ok: true, value: { fileName: 'model.json' } });
  });
});
