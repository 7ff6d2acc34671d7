import { readFile } from 'node:fs/promises';
import type { EngineResources } from './training-data';

/**
 * The bundled datasets read from disk, for the Node hosts (Electron's utility process, worker
 * threads). The engine bundle lies two folders below the app root (out/main/engine.js), as
 * this source file does below the repository root (src/engine/).
 */
export function diskResources(root = new URL('../../', import.meta.url)): EngineResources {
  return {
    loadDigits: () => readFile(new URL('resources/datasets/digits.bin', root)),
  };
}
