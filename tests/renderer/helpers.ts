import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAction } from '../../src/renderer/actions/registry';
import { resetGraphStore, useGraphStore } from '../../src/renderer/stores/graph-store';

export const exampleText = readFileSync(
  fileURLToPath(new URL('../../resources/examples/backprop-2-2-2.json', import.meta.url)),
  'utf8',
);

/** A fresh store holding the worked 2-2-2 example. */
export function loadExample(): void {
  resetGraphStore();
  const outcome = runAction('load-model', { text: exampleText, fileName: 'backprop-2-2-2.json' });
  if (!outcome.ok) throw new Error(outcome.reason);
}

export function state() {
  return useGraphStore.getState();
}

export function nodeIds(): string[] {
  return state().model.nodes.map((n) => n.id);
}

export function edgePairs(): string[] {
  return state().model.edges.map((e) => `${e.from}->${e.to}`);
}
