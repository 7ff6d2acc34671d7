import '@xyflow/react/dist/style.css';
import './editor.css';
import './layout.css';
import { ReactFlowProvider } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import type { UnsavedChoice } from '../../protocol/document-files';
import type { FileHost } from '../actions/file-host';
import { EditorLayout } from './EditorLayout';
import type { CommandSource } from './useExternalCommands';

export interface EditorAppProps {
  /** Where Open and Save read and write; defaults to the browser's file picker and a download. */
  files?: FileHost;
  /** Asked before unsaved changes are discarded by New or Open; defaults to window.confirm. */
  askUnsaved?: () => Promise<UnsavedChoice>;
  /** Shown at the left of the toolbar. */
  title?: string;
  /** Extra toolbar buttons at the right (the debugger's step controls). */
  toolbarExtra?: ReactNode;
  /** The node a pass is at: highlighted on the canvas. */
  activeNodeId?: string | null;
  /** Values after a pass for the selected node, shown at the end of the inspector. */
  renderNodeValues?: (nodeId: string) => ReactNode;
  /** At the right end of the status bar (the engine's badge). */
  statusExtra?: ReactNode;
  /** A banner over the canvas (the engine stopped). */
  notice?: ReactNode;
  /** The host's own dialogs (Preferences), inside the editor so they share its look. */
  dialogs?: ReactNode;
  /** Commands from the host's menu, run like the editor's own keys and buttons. */
  commandSource?: CommandSource;
}

/**
 * The graph editor: toolbar, palette, canvas, inspector and status bar over the graph store.
 * It needs no engine: everything it shows comes from compiling the graph in the page.
 */
export const EditorApp = memo(function EditorApp(props: EditorAppProps) {
  return (
    <ReactFlowProvider>
      <EditorLayout {...props} />
    </ReactFlowProvider>
  );
});
