interface TimerGlobals {
  performance?: { now(): number };
  setTimeout?: (callback: () => void, ms: number) => unknown;
}

const host = globalThis as unknown as TimerGlobals;

/** Milliseconds from an arbitrary origin, as fine-grained as the platform allows. */
export function now(): number {
  return host.performance ? host.performance.now() : Date.now();
}

/**
 * Lets the host's event loop run (a stop or pause message can arrive) before resolving. A macrotask
 * is needed: a resolved promise would run before any message event.
 */
export function yieldToHost(ms = 0): Promise<void> {
  return new Promise((resolve) => {
    if (host.setTimeout) host.setTimeout(resolve, ms);
    else resolve();
  });
}
