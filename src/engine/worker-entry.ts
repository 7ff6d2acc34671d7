import { transferListOf } from '../protocol/transfer';
import { openWebGpu } from './gpu/open-webgpu';
import { createEngineHost } from './host';

// Vite bundles the file as an asset and rewrites this URL to it (in dev, it serves the file itself).
const digitsUrl = new URL('../../resources/datasets/digits.bin', import.meta.url).href;

async function loadDigits(): Promise<ArrayBuffer> {
  const response = await fetch(digitsUrl);
  if (!response.ok) throw new Error(`${digitsUrl}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

// The engine host inside a Web Worker (web mode).
const host = createEngineHost((message) => self.postMessage(message, { transfer: transferListOf(message) }), {
  openGpu: (allowFallback) => openWebGpu((self.navigator as Navigator & { gpu?: GPU }).gpu, allowFallback),
  resources: { loadDigits },
});
self.onmessage = (event: MessageEvent<unknown>) => host.receive(event.data);
