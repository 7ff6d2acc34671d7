import { parentPort } from 'node:worker_threads';
import { transferListOf } from '../protocol/transfer';
import { createEngineHost } from './host';
import { diskResources } from './training-files';

// The engine host inside a worker_threads Worker (tests and the CLI).
if (!parentPort) throw new Error('thread-entry runs inside a worker thread');
const port = parentPort;
const host = createEngineHost(
  (message) => port.postMessage(message, transferListOf(message)),
  undefined,
  diskResources(),
);
port.on('message', (data: unknown) => host.receive(data));
