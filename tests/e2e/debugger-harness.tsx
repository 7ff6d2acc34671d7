import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import worked from '../../resources/examples/backprop-2-2-2.json';
import conv from '../../resources/examples/conv-5x5.json';
import lenet from '../../resources/examples/lenet5.json';
import type { ModelJson } from '../../src/core/graph/model';
import type { DType } from '../../src/core/tensor/tensor';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { runAction } from '../../src/renderer/actions/registry';
import { DebuggerToolbar, NodeValues, sameComputation } from '../../src/renderer/debugger';
import { EditorApp } from '../../src/renderer/editor/EditorApp';
import { createWorkerEngine } from '../../src/renderer/engine-client/worker-client';
import { useDebuggerStore } from '../../src/renderer/stores/debugger-store';
import { useGraphStore } from '../../src/renderer/stores/graph-store';

// The editor with the debugger wired in as the app is meant to: ?example=<file>&dtype=float32|float64.
const examples: Record<string, unknown> = {
  'backprop-2-2-2.json': worked,
  'conv-5x5.json': conv,
  'lenet5.json': lenet,
};
const query = new URLSearchParams(location.search);
const fileName = query.get('example') ?? 'backprop-2-2-2.json';
const dtype: DType = query.get('dtype') === 'float32' ? 'float32' : 'float64';
const loaded = runAction('load-model', { text: JSON.stringify(examples[fileName]), fileName });
if (!loaded.ok) throw new Error(loaded.reason);

const { client } = createWorkerEngine();
await client.request('hello', { clientVersion: PROTOCOL_VERSION });

const renderNodeValues = (nodeId: string) => <NodeValues nodeId={nodeId} />;

function Harness() {
  const model = useGraphStore((s) => s.model);
  const activeNodeId = useDebuggerStore((s) => s.activeNodeId);
  const engineModel = useRef<ModelJson | null>(null);
  // The engine holds a copy of the document; only a change to what it computes needs a new one.
  useEffect(() => {
    if (engineModel.current && sameComputation(engineModel.current, model)) return;
    engineModel.current = model;
    client.request('load', { model, dtype }).then(
      () => document.body.setAttribute('data-engine-loaded', 'true'),
      (e: unknown) => console.error('load failed', e),
    );
  }, [model]);
  return (
    <EditorApp
      toolbarExtra={<DebuggerToolbar client={client} />}
      activeNodeId={activeNodeId}
      renderNodeValues={renderNodeValues}
    />
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
