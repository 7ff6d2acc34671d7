import { beforeEach, describe, expect, it } from 'vitest';
import type { SaveFileRequest, UnsavedChoice } from '../../src/protocol/document-files';
import { type CommandContext, runCommand } from '../../src/renderer/actions/commands';
import { openExample } from '../../src/renderer/actions/file-commands';
import { runAction } from '../../src/renderer/actions/registry';
import { examples, firstSentence } from '../../src/renderer/examples/examples';
import { isDirty } from '../../src/renderer/stores/graph-store';
import { useLayoutStore } from '../../src/renderer/stores/layout-store';
import { useUiStore } from '../../src/renderer/stores/ui-store';
import { exampleText, loadExample, nodeIds, state } from './helpers';

function host(choices: UnsavedChoice[] = [], picked: { name: string; handle?: number } | null = { name: 'x.json' }) {
  const saves: SaveFileRequest[] = [];
  const asked: string[] = [];
  const view: string[] = [];
  const ctx: CommandContext = {
    files: {
      open: async () => ({ name: 'opened.json', text: exampleText, handle: 7 }),
      save: async (request) => {
        saves.push(request);
        return picked;
      },
    },
    askUnsaved: async () => {
      asked.push('ask');
      return choices.shift() ?? 'cancel';
    },
    view: {
      zoomIn: () => view.push('in'),
      zoomOut: () => view.push('out'),
      zoomReset: () => view.push('reset'),
      fitView: () => view.push('fit'),
    },
  };
  return { ctx, saves, asked, view };
}

describe('file commands', () => {
  beforeEach(loadExample);

  it('opens an example by file name, without asking when nothing is unsaved', async () => {
    const { ctx, asked } = host();
    runAction('new-model');
    useUiStore.getState().showExamples();
    expect(await openExample('backprop-2-2-2.json', ctx)).toBe(true);
    expect(nodeIds()).toHaveLength(6);
    expect(state().fileName).toBe('backprop-2-2-2.json');
    expect(state().fileHandle).toBeNull();
    expect(useUiStore.getState().examplesOpen).toBe(false);
    expect(asked).toEqual([]);
  });

  it('asks before discarding unsaved changes: Cancel keeps them, Save writes them first', async () => {
    runAction('rename', { nodeId: 'h', name: 'edited' });
    const cancel = host(['cancel']);
    expect(await openExample('xor-mlp.json', cancel.ctx)).toBe(false);
    expect(state().model.nodes.find((n) => n.id === 'h')?.name).toBe('edited');

    const save = host(['save']);
    expect(await openExample('xor-mlp.json', save.ctx)).toBe(true);
    expect(save.saves.map((s) => s.mode)).toEqual(['save']);
    expect(state().fileName).toBe('xor-mlp.json');
  });

  it('does not open over unsaved changes when their save is cancelled', async () => {
    runAction('rename', { nodeId: 'h', name: 'edited' });
    const { ctx } = host(['save'], null);
    expect(await runCommand('load-model', ctx)).toBe(false);
    expect(state().fileName).toBe('backprop-2-2-2.json');
  });

  it("keeps the opened file's handle, and hands it back when saving over it", async () => {
    const { ctx, saves } = host([], { name: 'opened.json', handle: 7 });
    expect(await runCommand('load-model', ctx)).toBe(true);
    expect(state().fileHandle).toBe(7);
    runAction('rename', { nodeId: 'h', name: 'z' });
    expect(await runCommand('save-model', ctx)).toBe(true);
    expect(saves[0]).toMatchObject({ mode: 'save', handle: 7, suggestedName: 'opened.json' });
    expect(isDirty(state())).toBe(false);
  });

  it('Save As takes the new name; Export leaves the document unsaved and its name alone', async () => {
    runAction('rename', { nodeId: 'h', name: 'z' });
    const exported = host([], { name: 'copy.json' });
    expect(await runCommand('export-json', exported.ctx)).toBe(true);
    expect(exported.saves[0].mode).toBe('export');
    expect(isDirty(state())).toBe(true);
    expect(state().fileName).toBe('backprop-2-2-2.json');

    const savedAs = host([], { name: 'renamed.json', handle: 3 });
    expect(await runCommand('save-as', savedAs.ctx)).toBe(true);
    expect(state()).toMatchObject({ fileName: 'renamed.json', fileHandle: 3 });
    expect(isDirty(state())).toBe(false);
  });

  it('runs view and panel commands through the same entry point', async () => {
    const { ctx, view } = host();
    for (const id of ['zoom-in', 'zoom-out', 'zoom-reset', 'fit-view'] as const) await runCommand(id, ctx);
    expect(view).toEqual(['in', 'out', 'reset', 'fit']);
    const before = useLayoutStore.getState().paletteVisible;
    await runCommand('toggle-palette', ctx);
    expect(useLayoutStore.getState().paletteVisible).toBe(!before);
    await runCommand('show-examples', ctx);
    expect(useUiStore.getState().examplesOpen).toBe(true);
  });
});

describe('examples', () => {
  it('lists every example with its name and the first sentence of its description', () => {
    const worked = examples.find((e) => e.fileName === 'backprop-2-2-2.json');
    expect(worked?.title).toBe('Worked backpropagation example (2-2-2)');
    expect(worked?.summary).toMatch(/^Two inputs, .* learning rate 0\.5\.$/);
    for (const example of examples) expect(example.summary.length).toBeGreaterThan(10);
  });

  it('cuts a description after its first sentence', () => {
    expect(firstSentence('One step unit. A step has no gradient.')).toBe('One step unit.');
    expect(firstSentence('Learning rate 0.5 here. Next')).toBe('Learning rate 0.5 here.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
