import { transferListOf } from '../protocol/transfer';
import { createEngineHost } from './host';

// The engine host inside a Web Worker (web mode).
const host = createEngineHost((message) => self.postMessage(message, { transfer: transferListOf(message) }));
self.onmessage = (event: MessageEvent<unknown>) => host.receive(event.data);
