import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  MessageChannelMain,
  type MessagePortMain,
  net,
  protocol,
  session,
  utilityProcess,
} from 'electron';
import { type EngineExitInfo, IPC, type MenuCommand } from '../protocol/bridge';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, originOf } from './app-origin';
import { createAppRequestHandler } from './app-protocol';
import { contentSecurityPolicy, withCspHeader } from './csp';
import { EngineSupervisor } from './engine-supervisor';
import { listExamples } from './examples';
import { buildMenuTemplate } from './menu';
import { hasNoArguments, isTrustedSender } from './sender-checks';
import { denyPermissions, guardWebContents } from './web-contents-guards';
import { mainWindowOptions } from './window-options';

const outDir = path.dirname(fileURLToPath(import.meta.url));
const paths = {
  preload: path.join(outDir, '../preload/index.cjs'),
  renderer: path.join(outDir, '../renderer'),
  engine: path.join(outDir, 'engine.js'),
  examples: path.join(app.getAppPath(), 'resources', 'examples'),
};
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

ipcMain.on(IPC.requestEnginePort, (event, ...args: unknown[]) => {
  if (!isTrustedSender(event.senderFrame, trustedOrigins) || !hasNoArguments(args)) return;
  if (!BrowserWindow.fromWebContents(event.sender)) return;
  engine.connect(event.sender);
});

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(paths.preload));
  window.once('ready-to-show', () => window.show());
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
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: app.name,
        isMac: process.platform === 'darwin',
        examples,
        openExample: (fileName) => sendMenuCommand({ type: 'open-example', fileName }),
      }),
    ),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => engine.stop());

void start();
