import { parentPort } from 'node:worker_threads';
import { transferListOf } from '../protocol/transfer';
import { createEngineHost } from './host';

// The engine host inside a worker_threads Worker (tests and the CLI).
if (!parentPort) throw new Error('thread-entry runs inside a worker thread');
const port = parentPort;
const host = createEngineHost((message) => port.postMessage(message, transferListOf(message)));
port.on('message', (data: unknown) => host.receive(data));
