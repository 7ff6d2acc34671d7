import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attribute,
  collectProblems,
  eventually,
  hasChromium,
  openExample,
  shots,
  startWebApp,
  text,
  type WebApp,
} from './web-fixture';

const WORKED = 'Worked backpropagation example (2-2-2)';
/** The worked example's loss, computed in float64 on the CPU; float32 on the GPU agrees to 7 digits. */
const CPU_LOSS = '0.298371109';
const GPU_LOSS = '0.2983711';
const SCREENSHOTS = `${shots}screenshots/`;
const WIDE = { width: 1440, height: 900 };
/** Opening SwiftShader's adapter and compiling the first kernels is slow on a shared CPU. */
const GPU_TIMEOUT = 60_000;

const badge = (page: Page) => page.getByTestId('engine-badge');
const preferences = (page: Page) => page.getByRole('dialog', { name: 'Preferences' });
const numbersIn = (s: string) => (s.replace(/−/g, '-').match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

/** What the page itself sees of WebGPU: the test says why it fails rather than just that it did. */
async function pageAdapter(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    if (!gpu) return null;
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
    return `${info?.vendor ?? '?'} ${info?.architecture ?? ''} ${info?.device ?? ''}`.trim();
  });
}

/** Chooses a backend in the Preferences dialog and waits for the engine to have moved (or refused). */
async function choose(page: Page, name: RegExp, active: 'webgpu' | 'cpu'): Promise<void> {
  const dialog = preferences(page);
  const group = dialog.getByRole('group', { name: 'Compute backend' });
  await dialog.getByRole('radio', { name }).check();
  const landed = async () => ((await group.isDisabled()) ? 'switching' : badge(page).getAttribute('data-backend'));
  try {
    await expect.poll(landed, { timeout: GPU_TIMEOUT, interval: 200 }).toBe(active);
  } catch {
    const why = await dialog.getByRole('region', { name: 'Engine status' }).textContent();
    throw new Error(`the engine did not move to ${active} (it is on ${await landed()}): ${why}`);
  }
}

/** F5 with the canvas focused: a whole forward and backward pass; then the loss node's values are shown. */
async function runPass(page: Page): Promise<void> {
  await page.locator('.bs-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('F5');
  await expect
    .poll(() => page.getByTestId('debugger-phase').textContent(), { timeout: GPU_TIMEOUT })
    .toContain('Pass done');
  await select(page, 'loss');
}

async function select(page: Page, nodeId: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
}

async function finiteNumbers(locator: Locator): Promise<number[]> {
  const values = numbersIn((await locator.textContent()) ?? '');
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) expect(Number.isFinite(v)).toBe(true);
  return values;
}

describe.skipIf(!hasChromium)('computing on WebGPU in the browser (SwiftShader)', () => {
  let app: WebApp;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startWebApp({ webgpu: true });
  }, 60_000);
  afterAll(() => app?.close());

  it('switches to WebGPU in Preferences, keeps it, and steps and trains the worked example on it', async () => {
    const page = await app.browser.newPage({ viewport: WIDE });
    const problems = collectProblems(page);
    // The dock open at the Training tab, tall enough for its run controls.
    await page.addInitScript(() => {
      localStorage.setItem('backprop-studio.dock', JSON.stringify({ openTabId: null, height: 420 }));
    });
    await page.goto(app.url);
    await page.locator('[data-testid=engine-badge][data-engine-state=ready]').waitFor({ timeout: 30_000 });
    const seen = await pageAdapter(page);
    if (!seen) {
      throw new Error(
        'Chromium offered no WebGPU adapter: it needs --enable-unsafe-webgpu --enable-features=Vulkan ' +
          "--use-webgpu-adapter=swiftshader, SwiftShader's Vulkan driver (vk_swiftshader_icd.json, shipped with " +
          "Debian's chromium) and a page served from http://127.0.0.1",
      );
    }
    // Automatic refuses a software adapter: the app starts on the CPU and says why.
    await attribute(badge(page), 'data-backend').toBe('cpu');
    expect(await badge(page).getAttribute('title')).toMatch(/WebGPU is not in use: .*software/);

    // Preferences from the status bar.
    await badge(page).click();
    const dialog = preferences(page);
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /^Automatic/ }).isChecked()).toBe(true);
    await text(dialog.getByRole('region', { name: 'Engine status' })).toContain('software');
    await dialog.screenshot({ path: `${SCREENSHOTS}preferences-automatic.png` });

    await choose(page, /^WebGPU/, 'webgpu');
    const description = (await dialog.getByTestId('backend-description').textContent()) ?? '';
    expect(description).toMatch(/^WebGPU \(.+\)$/);
    console.log(`WebGPU adapter in the engine: ${description} (the page sees "${seen}")`);
    await text(page.locator('.bs-toast')).toContain(`Now computing on ${description}`);
    await text(dialog).toContain('float32 on the GPU');
    await dialog.screenshot({ path: `${SCREENSHOTS}preferences-webgpu.png` });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await text(badge(page)).toMatch(/^Engine WebGPU · .*swiftshader \(software\)$/);
    await page
      .getByRole('contentinfo', { name: 'Model summary' })
      .screenshot({ path: `${SCREENSHOTS}status-webgpu.png` });

    // The choice is kept: a reloaded page asks its new engine for WebGPU again.
    await page.reload();
    await attribute(badge(page), 'data-backend').toBe('webgpu');

    // A full pass on the GPU: the CPU's loss to float32's 7 digits, in the debugger's 7-digit float32 display.
    await openExample(page, WORKED);
    await attribute(badge(page), 'data-model-state').toBe('loaded');
    const phase = page.getByTestId('debugger-phase');
    await runPass(page);
    const values = page.getByTestId('node-values');
    await text(values).toContain(GPU_LOSS);
    expect(await values.textContent()).not.toContain(CPU_LOSS);
    await page.screenshot({ path: `${SCREENSHOTS}webgpu-pass.png` });

    // Ctrl+, and the CPU: the graph reloads in float64 and the same pass shows all 9 digits.
    await page.keyboard.press('Control+,');
    await dialog.waitFor();
    await choose(page, /^CPU/, 'cpu');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await text(badge(page)).toBe('Engine CPU');
    await text(phase).toBe('Ready · 6 nodes');
    await runPass(page);
    await text(values).toContain(CPU_LOSS);

    // And back to the GPU for one SGD step: the new weights are finite, and the next pass has a lower loss.
    await badge(page).click();
    await choose(page, /^WebGPU/, 'webgpu');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await runPass(page);
    await text(values).toContain(GPU_LOSS);
    await page.getByRole('button', { name: 'Apply update' }).click();
    const update = page.getByRole('region', { name: 'Last update' });
    await text(update).toContain('0.3589165');
    await finiteNumbers(update);
    await runPass(page);
    const after = Number((await page.getByTestId('debugger-loss').textContent())?.replace('E = ', ''));
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(0.298371);

    // A short training run on the model's sample, on the GPU.
    await page.getByRole('tab', { name: 'Training', exact: true }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('tabpanel', { name: 'Training' }).getByLabel('Epochs').fill('20');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const status = page.getByTestId('training-status');
    await expect.poll(() => status.textContent(), { timeout: GPU_TIMEOUT }).toMatch(/^(Done|Failed)$/);
    const summary = page.getByTestId('training-summary');
    if ((await status.textContent()) !== 'Done') throw new Error(`training failed: ${await summary.textContent()}`);
    expect(await summary.textContent()).not.toMatch(/NaN|Infinity|∞/);
    await finiteNumbers(summary);
    // The curves come from the run's progress events: drawn lines, not just a finished status.
    await expect
      .poll(() => page.locator('[data-testid=training-curves] .main-svg path.js-line').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}webgpu-trained.png` });
    expect(await badge(page).getAttribute('data-backend')).toBe('webgpu');
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
