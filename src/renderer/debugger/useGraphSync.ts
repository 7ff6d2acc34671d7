import { useEffect } from 'react';
import { useDebuggerStore } from '../stores/debugger-store';
import { useGraphStore } from '../stores/graph-store';

/** Tells the debugger about every new document, so a pass over an old graph is dropped. */
export function useGraphSync(): void {
  const model = useGraphStore((s) => s.model);
  const syncGraph = useDebuggerStore((s) => s.syncGraph);
  useEffect(() => syncGraph(model), [model, syncGraph]);
}
