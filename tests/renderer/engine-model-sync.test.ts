import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelJson } from '../../src/core/graph/model';
import { runAction } from '../../src/renderer/actions/registry';
import { syncModelToEngine } from '../../src/renderer/shell/engine-model-sync';
import { useGraphStore } from '../../src/renderer/stores/graph-store';
import { loadExample } from './helpers';

function start() {
  const sent: ModelJson[] = [];
  const sync = syncModelToEngine(
    {
      current: () => useGraphStore.getState().model,
      subscribe: (listener) =>
        useGraphStore.subscribe((s, prev) => {
          if (s.model !== prev.model) listener(s.model);
        }),
    },
    (model) => sent.push(model),
    200,
  );
  return { sent, sync };
}

describe('graph to engine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    loadExample();
  });
  afterEach(() => vi.useRealTimers());

  it('sends the graph at once, then once after each pause in the editing', () => {
    const { sent, sync } = start();
    expect(sent).toHaveLength(1);
    runAction('update-config', { nodeId: 'h', config: { units: 3 } });
    runAction('update-config', { nodeId: 'h', config: { units: 4 } });
    vi.advanceTimersByTime(150);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
    expect(sent[1].nodes.find((n) => n.id === 'h')?.config).toMatchObject({ units: 4 });
    sync.stop();
  });

  it('sends nothing for moves and renames, which change nothing the engine computes', () => {
    const { sent, sync } = start();
    runAction('move-nodes', { positions: { h: { x: 10, y: 400 } } });
    runAction('rename', { nodeId: 'h', name: 'renamed' });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1);
    sync.stop();
  });

  it('sends a waiting edit at once when flushed, and not again after the pause', () => {
    const { sent, sync } = start();
    runAction('delete-selection');
    runAction('select', { set: { nodeIds: ['loss'], edgeIds: [] } });
    runAction('delete-selection');
    sync.flush();
    expect(sent).toHaveLength(2);
    expect(sent[1].nodes.map((n) => n.id)).not.toContain('loss');
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
    sync.stop();
  });
});
