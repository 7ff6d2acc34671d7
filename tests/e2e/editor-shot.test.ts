import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeKinds } from '../../src/core/layers/registry';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = fileURLToPath(new URL('../../test-results/', import.meta.url));

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

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${shots}editor-${name}.png` });
}

describe.skipIf(!existsSync(CHROMIUM))('editor in Chromium', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    server = await createServer({
      configFile: false,
      root,
      plugins: [react()],
      logLevel: 'warn',
      cacheDir: 'node_modules/.vite-editor-harness',
      optimizeDeps: { entries: ['tests/e2e/editor-harness.html'] },
      server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
    });
    await server.listen();
    url = `http://127.0.0.1:${port}/tests/e2e/editor-harness.html`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the worked example, adds a node by drag and drop, and edits it in the inspector', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);

    const nodes = page.locator('.react-flow__node');
    await expect.poll(() => nodes.count(), { timeout: 20_000 }).toBe(6);
    for (const kind of nodeKinds) {
      await expect.poll(() => page.getByRole('button', { name: kind.label, exact: true }).isVisible()).toBe(true);
    }
    const labels = page.locator('.bs-edge-label', { hasText: '[1, 2]' });
    await expect.poll(() => labels.count()).toBe(5);
    expect(await labels.first().isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await shot(page, 'example');
    await page.locator('.bs-canvas').screenshot({ path: `${shots}editor-canvas.png` });

    // A real drag from the palette onto the canvas, below the row of nodes.
    const dense = await page.getByRole('button', { name: 'Dense', exact: true }).boundingBox();
    const canvas = await page.locator('.bs-canvas').boundingBox();
    if (!dense || !canvas) throw new Error('palette or canvas not laid out');
    await page.mouse.move(dense.x + dense.width / 2, dense.y + dense.height / 2);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height * 0.75, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => nodes.count()).toBe(7);
    await expect.poll(() => page.getByLabel('Units').inputValue()).toBe('2');

    // Edit the hidden layer: a refused value stays with its message; a good one reshapes the graph.
    await page.locator('.react-flow__node[data-id="h"]').click();
    const units = page.getByLabel('Units');
    await expect.poll(() => units.inputValue()).toBe('2');
    await units.fill('0');
    await expect.poll(() => page.locator('.bs-field__error').textContent()).toBe('must be at least 1');
    await units.fill('3');
    await expect.poll(() => page.locator('.bs-edge-label', { hasText: '[1, 3]' }).count()).toBe(2);
    await page.getByLabel('Node name').fill('hidden layer');
    await page.waitForTimeout(200);
    await shot(page, 'inspector');

    // An edge that would close a cycle is refused, and the toast says why.
    const from = await page.locator('.react-flow__node[data-id="o_act"] .react-flow__handle.source').boundingBox();
    const to = await page.locator('.react-flow__node[data-id="h"] .react-flow__handle.target').boundingBox();
    if (!from || !to) throw new Error('handles not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.bs-toast').textContent()).toMatch(/would close a cycle/);
    await page.waitForTimeout(250);
    await shot(page, 'refused');

    // Undo from the keyboard, with the canvas focused, takes back the rename and the units.
    await page.locator('.bs-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.bs-edge-label', { hasText: '[1, 3]' }).count()).toBe(0);

    // Clicking a palette entry adds at the centre; Delete removes the selection.
    await page.getByRole('button', { name: 'ReLU', exact: true }).click();
    await expect.poll(() => nodes.count()).toBe(8);
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes.count()).toBe(7);

    // Dragging a node on the canvas moves it, as one undo step.
    const loss = page.locator('.react-flow__node[data-id="loss"]');
    const before = await loss.boundingBox();
    if (!before) throw new Error('loss node not laid out');
    await page.mouse.move(before.x + 40, before.y + 12);
    await page.mouse.down();
    await page.mouse.move(before.x + 40, before.y + 112, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => ((await loss.boundingBox())?.y ?? 0) - before.y).toBeGreaterThan(60);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round(((await loss.boundingBox())?.y ?? 0) - before.y)).toBe(0);

    // A file that is not a model leaves the graph alone and lists its problems with lines.
    page.once('dialog', (dialog) => void dialog.accept());
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await (await chooser).setFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{\n  "format": "backprop-studio.model",\n  "version": 1,\n  "nodes": [{ "id": "a", "type": "warp" }],\n  "edges": []\n}\n',
      ),
    });
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toMatch(/line 4/);
    await shot(page, 'open-error');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => nodes.count()).toBe(7);

    // New asks before discarding the edits, then shows the empty canvas's hint.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => nodes.count()).toBe(0);
    await shot(page, 'empty');
    expect(errors).toEqual([]);
    await page.close();
  }, 40_000);

  it('highlights the node a pass is at', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}?active=h_act`);
    const active = page.locator('.react-flow__node[data-id="h_act"] .bs-node.is-active');
    await expect.poll(() => active.count(), { timeout: 20_000 }).toBe(1);
    await page.waitForTimeout(200);
    await page.locator('.bs-canvas').screenshot({ path: `${shots}editor-active.png` });
    await page.close();
  }, 30_000);
});
