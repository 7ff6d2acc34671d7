import { useCallback, useEffect } from 'react';
import type { InspectResult } from '../../protocol/inspect-messages';
import { useGraphStore } from '../stores/graph-store';
import { currentRun, type InspectionRun, useInspectStore } from '../stores/inspect-store';
import { useInspectorEngine } from './useInspectorEngine';

/** The inspection of the graph on the canvas, or null when there is none for it yet. */
export function useCurrentInspection(): InspectionRun | null {
  const model = useGraphStore((s) => s.model);
  return useInspectStore((s) => currentRun(s.inspection, model));
}

/** The last result for the graph on the canvas, kept on show while a new run is on its way. */
export function useInspectResult(): InspectResult | undefined {
  return useCurrentInspection()?.result;
}

/** Runs an inspection (with some training steps first) of the graph on the canvas; null without an engine. */
export function useRunInspect(): ((steps?: number) => void) | null {
  const { client } = useInspectorEngine();
  const inspect = useInspectStore((s) => s.inspect);
  const run = useCallback(
    (steps = 0) => {
      if (client) void inspect(client, useGraphStore.getState().model, steps);
    },
    [client, inspect],
  );
  return client ? run : null;
}

/** Edits come one keystroke at a time: the automatic run waits for a pause. */
const AUTO_DELAY_MS = 250;

/** While a panel that needs one is open, inspects the graph whenever it has no inspection. */
export function useAutoInspect(): void {
  const { client, model: engineModel } = useInspectorEngine();
  const model = useGraphStore((s) => s.model);
  const run = useCurrentInspection();
  const inspect = useInspectStore((s) => s.inspect);
  useEffect(() => {
    if (!client || run || engineModel === 'none') return;
    const timer = setTimeout(() => {
      // Several panels may ask at once: the first one's run serves them all.
      if (!currentRun(useInspectStore.getState().inspection, model)) void inspect(client, model);
    }, AUTO_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, run, model, engineModel, inspect]);
}
