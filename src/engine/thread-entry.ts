import { parentPort, workerData } from 'node:worker_threads';
import { transferListOf } from '../protocol/transfer';
import { openNodeWebGpu } from './gpu/node-gpu';
import { createEngineHost } from './host';
import { diskResources } from './training-files';

// The engine host inside a worker_threads Worker (tests and the CLI).
if (!parentPort) throw new Error('thread-entry runs inside a worker thread');
const port = parentPort;
const host = createEngineHost(
  (message) => port.postMessage(message, transferListOf(message)),
  // Tests ask for the GPU explicitly ({ gpu: true }); otherwise the thread engine computes on the CPU.
  {
    openGpu: (workerData as { gpu?: boolean } | undefined)?.gpu ? openNodeWebGpu : undefined,
    resources: diskResources(),
  },
);
port.on('message', (data: unknown) => host.receive(data));
