import type { StudioBridge } from '../../protocol/bridge';
import type { MenuCommandId, TextEditCommand } from '../../protocol/menu-commands';
import type { FileHost } from '../actions/file-host';
import { isTextEntry } from '../editor/text-entry';
import type { StudioHost } from './studio-host';

const textEdits: Partial<Record<MenuCommandId, TextEditCommand>> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  'delete-selection': 'delete',
  'select-all': 'selectAll',
};

// ipcRenderer.invoke prefixes the message main threw; the user needs only main's own words.
function withMainMessage(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  throw new Error(message.replace(/^Error invoking remote method '[^']*': (Error: )?/, ''));
}

function desktopFiles(bridge: StudioBridge): FileHost {
  return {
    open: () => bridge.openModelFile().catch(withMainMessage),
    save: (request) => bridge.saveModelFile(request).catch(withMainMessage),
  };
}

/** The Electron window: native dialogs, the application menu, and main's close prompt. */
export function desktopHost(bridge: StudioBridge): StudioHost {
  return {
    files: desktopFiles(bridge),
    askUnsaved: () => bridge.askUnsavedChanges(),
    commandSource: (run) =>
      bridge.onMenuCommand((command) => {
        // Edit > Copy with the cursor in a field copies the field's text, as the keys do.
        const textEdit = command.type === 'command' ? textEdits[command.id] : undefined;
        if (textEdit && isTextEntry(document.activeElement)) bridge.editText(textEdit);
        else run(command);
      }),
    reportDocument: (state) => bridge.setDocumentState(state),
    onSaveRequest: (save) =>
      bridge.onSaveRequest((requestId) => {
        void save().then(
          (saved) => bridge.reportSaveResult(requestId, saved),
          () => bridge.reportSaveResult(requestId, false),
        );
      }),
    guardsUnload: false,
  };
}
