import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import example from '../../resources/examples/backprop-2-2-2.json';
import { runAction } from '../../src/renderer/actions/registry';
import { EditorApp } from '../../src/renderer/editor/EditorApp';

// The editor alone, with the worked example open, for the screenshot test; ?active=<id> highlights a node.
const loaded = runAction('load-model', { text: JSON.stringify(example), fileName: 'backprop-2-2-2.json' });
if (!loaded.ok) throw new Error(loaded.reason);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <EditorApp activeNodeId={new URLSearchParams(location.search).get('active')} />
  </StrictMode>,
);
