import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { expect } from 'vitest';

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

/** The page's Content-Security-Policy header comes from its `csp` query parameter, when it has one. */
const policyFromQuery: Plugin = {
  name: 'e2e-csp-from-query',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      const policy = new URL(request.url ?? '/', 'http://page').searchParams.get('csp');
      if (policy) response.setHeader('Content-Security-Policy', policy);
      next();
    });
  },
};

export interface WebApp {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Chromium's WebGPU on SwiftShader, its software Vulkan driver: an adapter on any machine. The
 * page must come from http://127.0.0.1 (a secure context) for navigator.gpu to exist.
 */
export const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader'];

export interface StartOptions {
  /** Launch with WebGPU on SwiftShader instead of with the GPU disabled. */
  webgpu?: boolean;
}

/** The app in web mode, as `npm run web` serves it, and a headless Chromium to drive it. */
export async function startWebApp(options: StartOptions = {}): Promise<WebApp> {
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  const server: ViteDevServer = await createServer({
    configFile: `${root}/vite.web.config.ts`,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
    plugins: [policyFromQuery],
    logLevel: 'warn',
  });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      ...(options.webgpu ? WEBGPU_ARGS : ['--disable-gpu']),
      '--disable-background-networking',
      '--disable-component-update',
    ],
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

/** Saves test-results/<name>.png, once animations have had a moment to finish. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${shots}${name}.png` });
}

/** A screenshot of an element taller than the window: the window grows for it, then shrinks back. */
export async function tallShot(page: Page, element: Locator, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: before.width, height: 2600 });
  await page.waitForTimeout(150);
  await element.screenshot({ path: `${shots}${name}.png` });
  await page.setViewportSize(before);
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** A Content-Security-Policy header for the page, stricter than the dev server's none. */
  contentSecurityPolicy?: string;
}

/** A new page of the app with the engine ready; problems collects anything that went wrong on it. */
export async function openApp(app: WebApp, options: OpenOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await app.browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const problems = collectProblems(page);
  const policy = options.contentSecurityPolicy;
  await page.goto(policy ? `${app.url}?csp=${encodeURIComponent(policy)}` : app.url);
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

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not laid out`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A press at one point, a move in steps, a release at another: a drag as a mouse makes it. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Drags a palette entry onto the canvas, at a point given as fractions of the canvas's size. */
export async function dragFromPalette(page: Page, label: string, at: { x: number; y: number }): Promise<void> {
  const canvas = await page.locator('.bs-canvas').boundingBox();
  if (!canvas) throw new Error('the canvas is not laid out');
  const entry = page.getByRole('button', { name: label, exact: true });
  await entry.scrollIntoViewIfNeeded();
  await drag(page, await centre(entry), { x: canvas.x + canvas.width * at.x, y: canvas.y + canvas.height * at.y });
}

/** Drags from one node's output handle to another's input handle. */
export async function connectNodes(page: Page, fromId: string, toId: string): Promise<void> {
  const from = await centre(page.locator(`.react-flow__node[data-id="${fromId}"] .react-flow__handle.source`));
  const to = await centre(page.locator(`.react-flow__node[data-id="${toId}"] .react-flow__handle.target`));
  await drag(page, from, to);
}

/** Waits for a value to settle: the page answers asynchronously (engine, debounced loads, animations). */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
export const count = (locator: Locator) => eventually(() => locator.count());
export const attribute = (locator: Locator, name: string) => eventually(() => locator.getAttribute(name));
export const text = (locator: Locator) => eventually(() => locator.textContent());
export const title = (page: Page) => eventually(() => page.title());
