import './shell.css';
import { useEffect, useMemo } from 'react';
import { DebuggerToolbar, NodeValues } from '../debugger';
import { EditorApp } from '../editor/EditorApp';
import { EngineProvider } from '../engine-client/EngineProvider';
import { useDebuggerStore } from '../stores/debugger-store';
import type { SessionStore } from '../stores/session-store';
import { EngineBadge } from './EngineBadge';
import { EngineNotice } from './EngineNotice';
import { PreferencesDialog } from './PreferencesDialog';
import type { StudioHost } from './studio-host';
import { useDocumentShell } from './useDocumentShell';

export interface StudioAppProps {
  session: SessionStore;
  host: StudioHost;
}

const badge = <EngineBadge />;
const notice = <EngineNotice />;
const dialogs = <PreferencesDialog />;
const renderNodeValues = (nodeId: string) => <NodeValues nodeId={nodeId} />;

/** The whole app: the editor, with the engine session and the host (desktop window or browser tab) around it. */
export function StudioApp({ session, host }: StudioAppProps) {
  useDocumentShell(host);
  // One client for the page's life: the session swaps the engine behind it on a restart.
  const client = session.getState().client;
  const debuggerToolbar = useMemo(() => <DebuggerToolbar client={client} />, [client]);
  const activeNodeId = useDebuggerStore((s) => s.activeNodeId);
  // A new backend means the graph reloaded, maybe in another dtype: the engine's stepped pass is gone.
  useEffect(
    () =>
      session.subscribe((state, previous) => {
        if (state.backendRevision !== previous.backendRevision) useDebuggerStore.getState().forgetPass();
      }),
    [session],
  );
  return (
    <EngineProvider session={session}>
      <EditorApp
        files={host.files}
        askUnsaved={host.askUnsaved}
        commandSource={host.commandSource}
        toolbarExtra={debuggerToolbar}
        activeNodeId={activeNodeId}
        renderNodeValues={renderNodeValues}
        statusExtra={badge}
        notice={notice}
        dialogs={dialogs}
      />
    </EngineProvider>
  );
}
