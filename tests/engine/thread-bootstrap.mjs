// Runs first in the engine's worker thread: registers tsx's loader there, then loads the
// TypeScript entry named in workerData (vitest's own transform does not reach worker threads).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
