import { memo, useCallback, useMemo, useRef } from 'react';
import { type CommandContext, type CommandId, runCommand } from '../actions/commands';
import { Inspector } from '../panels/Inspector';
import { browserFiles } from './browser-files';
import { Canvas } from './Canvas';
import type { EditorAppProps } from './EditorApp';
import { IssuesDialog } from './IssuesDialog';
import { Palette } from './Palette';
import { StatusBar } from './StatusBar';
import { Toast } from './Toast';
import { Toolbar } from './Toolbar';
import { useAddNodeAtCentre } from './useAddNodeAtCentre';
import { useShortcuts } from './useShortcuts';

function confirmWithWindow(): boolean {
  return window.confirm('Discard unsaved changes to this model?');
}

/** The editor's grid: toolbar across the top, palette, canvas, inspector, status bar. */
export const EditorLayout = memo(function EditorLayout({
  files = browserFiles,
  confirmDiscard = confirmWithWindow,
  title = 'Backprop Studio',
  toolbarExtra,
  activeNodeId = null,
  renderNodeValues,
}: EditorAppProps) {
  const canvasRef = useRef<HTMLElement>(null);
  const context = useMemo<CommandContext>(() => ({ files, confirmDiscard }), [files, confirmDiscard]);
  const onCommand = useCallback((id: CommandId) => void runCommand(id, context), [context]);
  useShortcuts(onCommand);
  const addAtCentre = useAddNodeAtCentre(canvasRef);
  return (
    <div className="bs-editor">
      <Toolbar title={title} onCommand={onCommand} extra={toolbarExtra} />
      <Palette onAdd={addAtCentre} />
      <main className="bs-editor__canvas" ref={canvasRef} aria-label="Canvas">
        <Canvas activeNodeId={activeNodeId} />
        <Toast />
      </main>
      <Inspector renderNodeValues={renderNodeValues} />
      <StatusBar />
      <IssuesDialog />
    </div>
  );
});
