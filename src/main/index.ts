import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  type MessagePortMain,
  net,
  protocol,
  session,
  shell,
  utilityProcess,
  type WebContents,
} from 'electron';
import { APP_TITLE, type EngineExitInfo, IPC, type MenuCommand, type UnsavedChoice } from '../protocol/bridge';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, originOf } from './app-origin';
import { createAppRequestHandler } from './app-protocol';
import { contentSecurityPolicy, withCspHeader } from './csp';
import { DocumentFiles } from './document-files';
import { DocumentWindows, guardClose } from './document-windows';
import { EngineSupervisor } from './engine-supervisor';
import { listExamples } from './examples';
import { registerStudioIpc } from './ipc-handlers';
import { buildMenuTemplate } from './menu';
import { SaveRequests } from './save-requests';
import { unsavedChangesBox, unsavedChoiceOf } from './unsaved-changes';
import { denyPermissions, guardWebContents } from './web-contents-guards';
import { mainWindowOptions } from './window-options';

const outDir = path.dirname(fileURLToPath(import.meta.url));
const paths = {
  preload: path.join(outDir, '../preload/index.cjs'),
  renderer: path.join(outDir, '../renderer'),
  engine: path.join(outDir, 'engine.js'),
  examples: path.join(app.getAppPath(), 'resources', 'examples'),
  formatDocs: path.join(app.getAppPath(), 'README.md'),
};
const isMac = process.platform === 'darwin';
const modelFilters = [{ name: 'Backprop Studio model', extensions: ['json'] }];
// electron-vite's dev server, in development only; a packaged app always loads app://.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const policy = contentSecurityPolicy({ devServerUrl });
const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
const trustedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

// Must happen before 'ready': app:// behaves like https (secure context, fetch, module workers).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const engine = new EngineSupervisor<MessagePortMain>({
  modulePath: paths.engine,
  fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
  createChannel: () => new MessageChannelMain(),
  onExit: (code) => {
    const info: EngineExitInfo = { code };
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC.engineExited, info);
  },
});

app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

const documents = new DocumentWindows<BrowserWindow>(isMac);
const saveRequests = new SaveRequests<BrowserWindow>();
const files = new DocumentFiles<BrowserWindow>(
  {
    async pickOpenPath(window) {
      const picked = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: modelFilters });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    async pickSavePath(window, defaultName) {
      const picked = await dialog.showSaveDialog(window, { defaultPath: defaultName, filters: modelFilters });
      return picked.canceled ? null : (picked.filePath ?? null);
    },
  },
  {
    sizeOf: (file) =>
      stat(file).then(
        (info) => info.size,
        () => null,
      ),
    read: (file) => readFile(file, 'utf8'),
    write: (file, text) => writeFile(file, text, 'utf8'),
  },
);

async function askUnsaved(window: BrowserWindow): Promise<UnsavedChoice> {
  const { response } = await dialog.showMessageBox(window, unsavedChangesBox(documents.stateOf(window).fileName));
  return unsavedChoiceOf(response);
}

registerStudioIpc<WebContents, BrowserWindow>(ipcMain, {
  trustedOrigins,
  windowOf: (sender) => BrowserWindow.fromWebContents(sender),
  services: {
    connectEngine: (sender) => engine.connect(sender),
    openFile: (window) => files.open(window),
    saveFile: (window, request) => files.save(window, request),
    updateDocument: (window, state) => documents.update(window, state),
    askUnsaved,
    settleSave: (window, result) => saveRequests.settle(window, result),
    editText: (sender, command) => sender[command](),
  },
});

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(paths.preload));
  window.once('ready-to-show', () => window.show());
  guardClose(window, {
    isDirty: () => documents.stateOf(window).dirty,
    ask: () => askUnsaved(window),
    save: () => saveRequests.request(window, (requestId) => window.webContents.send(IPC.saveRequest, requestId)),
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

function sendMenuCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(IPC.menuCommand, command);
}

async function start(): Promise<void> {
  await app.whenReady();
  denyPermissions(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler({
      rootDir: paths.renderer,
      contentSecurityPolicy: policy,
      fetchFile: (file) => net.fetch(pathToFileURL(file).toString()),
    }),
  );
  if (devOrigin) {
    session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) =>
      callback({ responseHeaders: withCspHeader(details.responseHeaders, policy) }),
    );
  }
  const examples = await listExamples(paths.examples);
  app.setAboutPanelOptions({ applicationName: APP_TITLE, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: APP_TITLE,
        isMac,
        examples,
        developerTools: !app.isPackaged,
        send: sendMenuCommand,
        openFormatDocs: () => void shell.openPath(paths.formatDocs),
      }),
    ),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (!isMac) app.quit();
});
app.on('will-quit', () => engine.stop());

void start();
