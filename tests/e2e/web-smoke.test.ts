import { mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const screenshot = `${root}/test-results/web-smoke.png`;

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

let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  server = await createServer({
    configFile: `${root}/vite.web.config.ts`,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
    logLevel: 'warn',
  });
  await server.listen();
  url = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
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

describe('web mode', () => {
  it('opens the worked example, runs a pass in the worker engine and shows the loss', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });

    await page.goto(url);
    await page.getByRole('heading', { name: 'Backprop Studio' }).waitFor();
    await page.getByText(/Engine ready · cpu · web worker/).waitFor();

    await page.selectOption('#example', 'backprop-2-2-2.json');
    await page.getByRole('heading', { name: 'Worked backpropagation example (2-2-2)' }).waitFor();
    const nodeRows = page.locator('section:has(h2:text-is("Nodes")) tbody tr');
    expect(await nodeRows.count()).toBe(6);
    expect(await nodeRows.nth(1).textContent()).toContain('[1, 2]');

    await page.getByRole('button', { name: 'Run pass' }).click();
    const loss = page.getByTestId('loss');
    await loss.waitFor();
    expect(Number(await loss.textContent())).toBeCloseTo(0.2984, 4);
    expect(await page.locator('td.values').first().textContent()).toBe('[[0.05, 0.1]]');

    mkdirSync(`${root}/test-results`, { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows where an invalid model file is wrong, by line and path', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByText(/Engine ready/).waitFor();
    await page.getByRole('heading', { name: 'No model open' }).waitFor();
    await page.screenshot({ path: `${root}/test-results/web-smoke-empty.png` });
    const broken =
      '{\n  "format": "backprop-studio.model",\n  "version": 1,\n  "nodes": [{ "id": "x", "type": "inptu" }],\n  "edges": []\n}\n';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const issues = page.getByRole('region', { name: 'Issues' });
    await issues.waitFor();
    const text = await issues.textContent();
    expect(text).toContain('broken.json cannot run');
    expect(text).toContain('line 4');
    expect(text).toContain('$.nodes[0].type');
    expect(text).toContain('unknown node type "inptu"');
    await page.screenshot({ path: `${root}/test-results/web-smoke-issues.png`, fullPage: true });
  });
});
