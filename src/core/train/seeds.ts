/**
 * A seed derived from a base seed and a few integers (an epoch, a step, a node index), mixed so
 * that neighbouring inputs give unrelated streams: each epoch's shuffle or each step's noise can
 * then be reproduced on its own, without replaying the draws before it.
 */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
