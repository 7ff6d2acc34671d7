import './debugger-theme.css';
import './debugger-toolbar.css';
import { memo, useCallback, useEffect, useState } from 'react';
import { runAction } from '../actions/registry';
import type { EngineClient } from '../engine-client';
import { useCompiledGraph } from '../stores/compiled-graph';
import { type CommitParams, useDebuggerStore } from '../stores/debugger-store';
import { useGraphStore } from '../stores/graph-store';
import { useUiStore } from '../stores/ui-store';
import { DebuggerIcon } from './DebuggerIcon';
import { commandEnabled, commandOrder, type DebuggerCommand } from './debugger-commands';
import { LearningRateField } from './LearningRateField';
import { PhaseIndicator } from './PhaseIndicator';
import { StepButton } from './StepButton';
import { stepBlocker } from './step-blocker';
import { UpdatePanel } from './UpdatePanel';
import { useDebuggerShortcuts } from './useDebuggerShortcuts';
import { useEdgeHighlight } from './useEdgeHighlight';
import { useGraphSync } from './useGraphSync';

export interface DebuggerToolbarProps {
  client: EngineClient;
}

/** Every node's parameters from the engine's model go into the document, as one undoable edit. */
const commitToGraph: CommitParams = (update) => {
  const params = Object.fromEntries(update.model.nodes.filter((n) => n.params).map((n) => [n.id, n.params ?? {}]));
  const outcome = runAction('apply-params', { params });
  return outcome.ok ? useGraphStore.getState().model : null;
};

/** The step-through debugger's controls, for the editor's toolbar: steps, pass, reset, update. */
export const DebuggerToolbar = memo(function DebuggerToolbar({ client }: DebuggerToolbarProps) {
  useGraphSync();
  const compiled = useCompiledGraph();
  const model = useGraphStore((s) => s.model);
  const blocker = stepBlocker(model, compiled);
  const runnable = blocker === null;
  const planLength = compiled.plan?.nodes.length ?? 0;
  const hasParams = compiled.paramTotal > 0;

  const phase = useDebuggerStore((s) => s.phase);
  const nextNodeId = useDebuggerStore((s) => s.nextNodeId);
  const busy = useDebuggerStore((s) => s.busy);
  const forwardSteps = useDebuggerStore((s) => s.forwardSteps);
  const lastUpdate = useDebuggerStore((s) => s.lastUpdate);
  const error = useDebuggerStore((s) => s.error);
  const activeNodeId = useDebuggerStore((s) => s.activeNodeId);
  const activeDirection = useDebuggerStore((s) => s.activeDirection);
  const showToast = useUiStore((s) => s.showToast);
  const [rateValid, setRateValid] = useState(true);
  const [showUpdate, setShowUpdate] = useState(false);
  useEdgeHighlight(activeNodeId, activeDirection);

  const state = { phase, nextNodeId, busy, forwardSteps, lastUpdate };
  const enabled = (command: DebuggerCommand) => commandEnabled(command, state, runnable);

  const run = useCallback(
    (command: DebuggerCommand) => {
      const store = useDebuggerStore.getState();
      if (!commandEnabled(command, store, runnable)) return;
      if (command === 'step-forward') void store.stepForward(client);
      else if (command === 'step-backward') void store.stepBackward(client);
      else if (command === 'run-pass') void store.runPass(client);
      else void store.reset(client);
    },
    [client, runnable],
  );
  useDebuggerShortcuts(run);

  const canApply = runnable && hasParams && phase === 'done' && !busy && rateValid;
  const apply = () => {
    if (canApply) void useDebuggerStore.getState().applyUpdate(client, commitToGraph);
  };

  useEffect(() => client.onDisconnect(() => useDebuggerStore.getState().forgetPass()), [client]);
  useEffect(() => setShowUpdate(lastUpdate !== null), [lastUpdate]);
  useEffect(() => {
    if (error) showToast(`Debugger: ${error.message}`, 'error');
  }, [error, showToast]);
  const closeUpdate = useCallback(() => setShowUpdate(false), []);

  return (
    <div className="bs-dbg-toolbar" role="toolbar" aria-label="Debugger">
      <PhaseIndicator planLength={planLength} blocker={blocker} />
      {commandOrder.map((command) => (
        <StepButton key={command} command={command} enabled={enabled(command)} onRun={run} />
      ))}
      <div className="bs-dbg-toolbar__update">
        <LearningRateField onValidity={setRateValid} />
        <button
          type="button"
          className="bs-button bs-dbg-button bs-dbg-button--apply"
          disabled={!canApply}
          title={
            phase === 'done'
              ? 'One gradient-descent step with these gradients: w ← w − η ∂E/∂w'
              : 'Step the pass back to the input first: the update needs every gradient'
          }
          onClick={apply}
        >
          <DebuggerIcon name="apply" />
          <span>Apply update</span>
        </button>
        {lastUpdate && !showUpdate && (
          <button type="button" className="bs-button bs-dbg-button" onClick={() => setShowUpdate(true)}>
            Last update
          </button>
        )}
        {lastUpdate && showUpdate && <UpdatePanel update={lastUpdate} onClose={closeUpdate} />}
      </div>
    </div>
  );
});
