import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const shots = `${root}/test-results/`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface WebApp {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The app in web mode, as `npm run web` serves it, and a headless Chromium to drive it. */
export async function startWebApp(): Promise<WebApp> {
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  const server: ViteDevServer = await createServer({
    configFile: `${root}/vite.web.config.ts`,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
    logLevel: 'warn',
  });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Page errors, failed requests and console errors: a clean run has none. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${shots}app-${name}.png` });
}

/** A new page of the app with the engine ready; problems collects anything that went wrong on it. */
export async function openApp(app: WebApp): Promise<{ page: Page; problems: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = collectProblems(page);
  await page.goto(app.url);
  await page.locator('[data-testid=engine-badge][data-engine-state=ready]').waitFor({ timeout: 30_000 });
  return { page, problems };
}

/** Opens a bundled example the way a user does: the toolbar's Examples button, then its entry. */
export async function openExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an example' });
  await dialog.getByRole('button', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** What the page's download holds, once the action that starts it has run. */
export async function download(page: Page, start: () => Promise<void>): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await start();
  const file = await pending;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Chooses a file in the page's Open dialog (the browser's file picker). */
export async function openFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}
