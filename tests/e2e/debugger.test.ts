import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = fileURLToPath(new URL('../../test-results/', import.meta.url));
const PLAN = ['x', 'h', 'h_act', 'o', 'o_act', 'loss'];

interface CliTrace {
  loss: number;
  nodes: Record<string, { output: number[][]; params: Record<string, { grad: number[][] }> }>;
}

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

/** The CLI's trace of the worked example: the same engine, run headless, as the reference. */
async function cliTrace(): Promise<CliTrace> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/backprop-studio.mjs', 'trace', 'resources/examples/backprop-2-2-2.json', '--json', '--dtype', 'float32'],
    { cwd: root },
  );
  return JSON.parse(stdout) as CliTrace;
}

/** The first number in a text that starts like `expected` does, to `digits` significant digits. */
function shows(text: string, expected: number, digits = 6): boolean {
  const wanted = Number(expected.toPrecision(digits));
  return (text.match(/-?\d+\.\d+(e-?\d+)?/g) ?? []).some((n) => Number(Number(n).toPrecision(digits)) === wanted);
}

/** A screenshot of an element taller than the window: the window grows for it, then shrinks back. */
async function tallShot(page: Page, element: Locator, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 2600 });
  await page.waitForTimeout(100);
  await element.screenshot({ path: `${shots}${name}.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(!existsSync(CHROMIUM))('step-through debugger in Chromium', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;
  let trace: Promise<CliTrace>;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    trace = cliTrace();
    const port = await freePort();
    server = await createServer({
      configFile: false,
      root,
      plugins: [react()],
      logLevel: 'warn',
      cacheDir: 'node_modules/.vite-debugger-harness',
      optimizeDeps: { entries: ['tests/e2e/debugger-harness.html'] },
      worker: { format: 'es' },
      server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
    });
    await server.listen();
    url = `http://127.0.0.1:${port}/tests/e2e/debugger-harness.html`;
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

  async function open(query: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(`${url}${query}`);
    try {
      await page.locator('body[data-engine-loaded="true"]').waitFor({ timeout: 20_000 });
    } catch (e) {
      throw new Error(`the harness did not load the engine: ${problems.join('; ') || (e as Error).message}`);
    }
    return { page, problems };
  }

  it('steps the worked example forward and back, shows the chain rule, and applies an update', async () => {
    const { page, problems } = await open('');
    const phase = page.getByTestId('debugger-phase');
    const values = page.getByTestId('node-values');
    const forward = page.getByRole('button', { name: 'Step forward' });
    const backward = page.getByRole('button', { name: 'Step backward' });
    await expect.poll(() => phase.textContent()).toBe('Ready · 6 nodes');
    expect(await backward.isDisabled()).toBe(true);
    await page.locator('.react-flow__node[data-id="o_act"]').click();

    for (const [i, id] of PLAN.entries()) {
      await forward.click();
      await expect.poll(() => phase.textContent()).toContain(`Forward ${i + 1}/6`);
      expect(await page.locator(`.react-flow__node[data-id="${id}"] .bs-node.is-active`).count()).toBe(1);
    }
    const reference = await trace;
    expect(shows((await values.textContent()) ?? '', reference.nodes.o_act.output[0][0])).toBe(true);
    expect(shows((await values.textContent()) ?? '', 0.751365)).toBe(true);
    const loss = await page.getByTestId('debugger-loss').textContent();
    expect(shows(loss ?? '', reference.loss)).toBe(true);
    expect(loss).toContain('0.298371');
    expect(await forward.isDisabled()).toBe(true);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${shots}debugger-forward.png` });
    await page.locator('.react-flow__node[data-id="loss"]').click();
    await expect.poll(() => values.textContent()).toContain('0.298371109');
    await tallShot(page, values, 'debugger-values-loss');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.bs-toolbar').screenshot({ path: `${shots}debugger-toolbar-1280.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.react-flow__node[data-id="o_act"]').click();

    // Back from the loss to the output sigmoid: the chain rule there with its own numbers.
    await backward.click();
    await backward.click();
    await expect.poll(() => phase.textContent()).toContain('Backward 2/6');
    const chainRule = page.locator('.bs-dbg-section--backward');
    await expect.poll(() => chainRule.textContent()).toContain('0.138498562');
    expect(await chainRule.textContent()).toContain('0.186815602');
    expect(
      await page
        .locator('.react-flow__edge[data-id="o->o_act"] .react-flow__edge-path')
        .evaluate((path) => getComputedStyle(path).strokeDasharray),
    ).not.toBe('none');
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${shots}debugger-chain-rule.png` });
    await page.locator('.bs-canvas').screenshot({ path: `${shots}debugger-canvas-backward.png` });
    await tallShot(page, values, 'debugger-values-sigmoid');

    // The output layer: dE/dw5 = δ_o1 · out_h1.
    await backward.click();
    await page.locator('.react-flow__node[data-id="o"]').click();
    await expect
      .poll(async () => shows((await chainRule.textContent()) ?? '', reference.nodes.o.params.W.grad[0][0]))
      .toBe(true);
    expect(shows((await chainRule.textContent()) ?? '', 0.082167)).toBe(true);
    await page.waitForTimeout(150);
    await tallShot(page, values, 'debugger-values-dense');

    for (let i = 0; i < 3; i++) await backward.click();
    await expect.poll(() => phase.textContent()).toContain('Pass done');
    expect(await backward.isDisabled()).toBe(true);

    // One SGD step with η = 0.5: w5 becomes 0.35891648.
    expect(await page.getByLabel('Learning rate').inputValue()).toBe('0.5');
    await page.getByRole('button', { name: 'Apply update' }).click();
    const panel = page.getByRole('region', { name: 'Last update' });
    await expect.poll(() => panel.textContent()).toContain('0.35891648');
    expect(await panel.textContent()).toContain('0.149780716');
    await expect.poll(() => phase.textContent()).toBe('Ready · 6 nodes');
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${shots}debugger-update.png` });

    // The keys: F5 runs a whole pass with the new weights, and the loss is lower.
    await page.locator('.bs-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('F5');
    await expect.poll(() => phase.textContent()).toContain('Pass done');
    const after = Number((await page.getByTestId('debugger-loss').textContent())?.replace('E = ', ''));
    expect(after).toBeLessThan(0.298371);
    await page.keyboard.press('Shift+F5');
    await expect.poll(() => phase.textContent()).toBe('Ready · 6 nodes');
    await page.keyboard.press('F10');
    await expect.poll(() => phase.textContent()).toContain('Forward 1/6');

    // Undo takes the update back out of the document; the debugger starts over.
    await page.keyboard.press('Control+z');
    await expect.poll(() => phase.textContent()).toBe('Ready · 6 nodes');
    expect(await panel.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 40_000);

  it('shows big tensors as heatmaps with a colour scale', async () => {
    const { page, problems } = await open('?example=lenet5.json&dtype=float32');
    await page.getByRole('button', { name: 'Run pass' }).click();
    await expect
      .poll(() => page.getByTestId('debugger-phase').textContent(), { timeout: 15_000 })
      .toContain('Pass done');
    await page.locator('.react-flow__node[data-id="c1"]').click();
    const maps = page.locator('.bs-dbg-section--forward canvas.bs-dbg-heatmap__canvas');
    await page.locator('.bs-dbg-section--forward > summary').click();
    await expect.poll(() => maps.count()).toBeGreaterThan(6);
    const first = page.locator('.bs-dbg-section--backward canvas.bs-dbg-heatmap__canvas').first();
    await first.hover({ position: { x: 2, y: 2 } });
    await expect
      .poll(() => page.locator('.bs-dbg-section--backward .bs-dbg-hover').first().textContent())
      .toMatch(/row \d+, col \d+: -?\d/);
    await page.waitForTimeout(150);
    await tallShot(page, page.getByTestId('node-values'), 'debugger-heatmap');
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);
});
