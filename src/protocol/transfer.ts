/**
 * The buffers of every typed array in a message, for postMessage's transfer list. A sender may
 * only send typed arrays it no longer needs: transferring detaches them on its side.
 */
export function transferListOf(message: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  collect(message, found);
  return [...found];
}

function collect(value: unknown, found: Set<ArrayBuffer>): void {
  if (typeof value !== 'object' || value === null) return;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    return;
  }
  if (Array.isArray(value)) {
    // Nested number arrays hold no buffers; skipping them keeps big plain tensors cheap.
    if (typeof value[0] === 'number') return;
    for (const item of value) collect(item, found);
    return;
  }
  for (const item of Object.values(value)) collect(item, found);
}
