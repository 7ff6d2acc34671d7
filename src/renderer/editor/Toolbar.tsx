import { memo, type ReactNode } from 'react';
import type { CommandId } from '../actions/commands';
import { isDirty, useGraphStore } from '../stores/graph-store';
import { useLayoutStore } from '../stores/layout-store';
import { ActionButton } from './ActionButton';
import { Icon } from './Icon';

export interface ToolbarProps {
  title: string;
  onCommand(id: CommandId): void;
  /** Buttons another part of the app adds (the debugger's steps). */
  extra?: ReactNode;
}

export const Toolbar = memo(function Toolbar({ title, onCommand, extra }: ToolbarProps) {
  const fileName = useGraphStore((s) => s.fileName);
  const modelName = useGraphStore((s) => s.model.name);
  const dirty = useGraphStore(isDirty);
  const paletteVisible = useLayoutStore((s) => s.paletteVisible);
  const inspectorVisible = useLayoutStore((s) => s.inspectorVisible);
  const documentTitle = modelName || fileName || 'Untitled model';
  return (
    <header className="bs-toolbar">
      <div className="bs-toolbar__brand">
        <span className="bs-toolbar__logo">
          <Icon name="logo" />
        </span>
        <span>{title}</span>
      </div>
      <div className="bs-toolbar__group" role="toolbar" aria-label="File">
        <ActionButton id="new-model" icon="new" onCommand={onCommand} />
        <ActionButton id="load-model" icon="open" onCommand={onCommand} />
        <ActionButton id="show-examples" icon="examples" label="Examples" onCommand={onCommand} />
        <ActionButton id="save-model" icon="save" onCommand={onCommand} />
      </div>
      <div className="bs-toolbar__group" role="toolbar" aria-label="Edit">
        <ActionButton id="undo" icon="undo" onCommand={onCommand} compact />
        <ActionButton id="redo" icon="redo" onCommand={onCommand} compact />
      </div>
      <div className="bs-toolbar__document" title={fileName ?? undefined}>
        <span className="bs-toolbar__document-name">{documentTitle}</span>
        {dirty && (
          <span className="bs-toolbar__dirty" title="Unsaved changes">
            <span className="bs-visually-hidden">Unsaved changes</span>
          </span>
        )}
      </div>
      <div className="bs-toolbar__extra">{extra}</div>
      <div className="bs-toolbar__group bs-toolbar__group--end" role="toolbar" aria-label="Panels">
        <ActionButton id="toggle-palette" icon="panel-left" onCommand={onCommand} pressed={paletteVisible} compact />
        <ActionButton
          id="toggle-inspector"
          icon="panel-right"
          onCommand={onCommand}
          pressed={inspectorVisible}
          compact
        />
        <ActionButton id="show-preferences" icon="settings" onCommand={onCommand} compact />
      </div>
    </header>
  );
});
