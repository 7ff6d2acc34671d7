import type { MessagePortMain } from 'electron';
import { isConnectPortMessage } from '../protocol/host-control';
import { openNodeWebGpu } from './gpu/node-gpu';
import { createEngineHost } from './host';
import { diskResources } from './training-files';

// The engine host inside Electron's utility process. Main sends a port per renderer connection
// (a reload connects again); each port gets its own session.
process.parentPort.on('message', (event) => {
  if (!isConnectPortMessage(event.data) || event.ports.length !== 1) return;
  serve(event.ports[0]);
});

function serve(port: MessagePortMain): void {
  // MessagePortMain transfers only ports, so typed arrays are copied here rather than moved.
  const host = createEngineHost((message) => port.postMessage(message), {
    openGpu: openNodeWebGpu,
    resources: diskResources(),
  });
  port.on('message', (event) => host.receive(event.data));
  port.start();
}
