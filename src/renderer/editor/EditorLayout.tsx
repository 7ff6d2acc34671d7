import { useReactFlow } from '@xyflow/react';
import { memo, useCallback, useMemo, useRef } from 'react';
import type { UnsavedChoice } from '../../protocol/document-files';
import { type CommandContext, type CommandId, runCommand, type ViewControls } from '../actions/commands';
import { openExample } from '../actions/file-commands';
import { Dock } from '../dock/Dock';
import { Inspector } from '../panels/Inspector';
import { INSPECTOR_WIDTH, PALETTE_WIDTH, useLayoutStore } from '../stores/layout-store';
import { browserFiles } from './browser-files';
import { Canvas } from './Canvas';
import type { EditorAppProps } from './EditorApp';
import { ExamplesDialog } from './ExamplesDialog';
import { IssuesDialog } from './IssuesDialog';
import { Palette } from './Palette';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { Toast } from './Toast';
import { Toolbar } from './Toolbar';
import { useAddNodeAtCentre } from './useAddNodeAtCentre';
import { useExternalCommands } from './useExternalCommands';
import { useShortcuts } from './useShortcuts';
import { fitViewOptions } from './view-options';

async function askWithWindow(): Promise<UnsavedChoice> {
  return window.confirm('Discard unsaved changes to this model?') ? 'discard' : 'cancel';
}

const ZOOM_STEP = { duration: 150 };

/** The editor's grid: toolbar across the top, palette, canvas, inspector, status bar. */
export const EditorLayout = memo(function EditorLayout({
  files = browserFiles,
  askUnsaved = askWithWindow,
  title = 'Backprop Studio',
  toolbarExtra,
  activeNodeId = null,
  renderNodeValues,
  statusExtra,
  notice,
  dialogs,
  commandSource,
}: EditorAppProps) {
  const canvasRef = useRef<HTMLElement>(null);
  const flow = useReactFlow();
  const view = useMemo<ViewControls>(
    () => ({
      zoomIn: () => void flow.zoomIn(ZOOM_STEP),
      zoomOut: () => void flow.zoomOut(ZOOM_STEP),
      zoomReset: () => void flow.zoomTo(1, ZOOM_STEP),
      fitView: () => void flow.fitView({ ...fitViewOptions, duration: 200 }),
    }),
    [flow],
  );
  const context = useMemo<CommandContext>(() => ({ files, askUnsaved, view }), [files, askUnsaved, view]);
  const onCommand = useCallback((id: CommandId) => void runCommand(id, context), [context]);
  const onOpenExample = useCallback((fileName: string) => void openExample(fileName, context), [context]);
  useShortcuts(onCommand);
  useExternalCommands(commandSource, context);
  const addAtCentre = useAddNodeAtCentre(canvasRef);
  const layout = useLayoutStore();
  const columns = `${layout.paletteVisible ? layout.paletteWidth : 0}px minmax(0, 1fr) ${
    layout.inspectorVisible ? layout.inspectorWidth : 0
  }px`;
  return (
    <div className="bs-editor" style={{ gridTemplateColumns: columns }}>
      <Toolbar title={title} onCommand={onCommand} extra={toolbarExtra} />
      {layout.paletteVisible && (
        <SidePanel
          area="palette"
          label="Resize the palette"
          width={layout.paletteWidth}
          range={PALETTE_WIDTH}
          onResize={layout.setPaletteWidth}
        >
          <Palette onAdd={addAtCentre} />
        </SidePanel>
      )}
      <main className="bs-editor__canvas" ref={canvasRef} aria-label="Canvas">
        <Canvas activeNodeId={activeNodeId} />
        {notice}
        <Toast />
      </main>
      <Dock />
      {layout.inspectorVisible && (
        <SidePanel
          area="inspector"
          label="Resize the inspector"
          width={layout.inspectorWidth}
          range={INSPECTOR_WIDTH}
          onResize={layout.setInspectorWidth}
        >
          <Inspector renderNodeValues={renderNodeValues} />
        </SidePanel>
      )}
      <StatusBar extra={statusExtra} />
      <IssuesDialog />
      <ExamplesDialog onOpen={onOpenExample} />
      {dialogs}
    </div>
  );
});
