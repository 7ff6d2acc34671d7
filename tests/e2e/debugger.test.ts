import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSig } from '../../src/renderer/debugger/number-format';
import {
  attribute,
  eventually,
  hasChromium,
  openApp,
  openExample,
  root,
  shot,
  startWebApp,
  tallShot,
  text,
  type WebApp,
} from './web-fixture';

const WORKED = 'Worked backpropagation example (2-2-2)';
const LENET = 'LeNet-5 on a 28×28 digit';
const PLAN = ['x', 'h', 'h_act', 'o', 'o_act', 'loss'];
const DENSE = ['h', 'o'];
/** The app computes in float64 on the CPU, so the debugger shows 9 significant digits. */
const DIGITS = 9;
const WIDE = { width: 1440, height: 900 };
// No style attributes in markup: KaTeX and the heatmaps must style through the CSSOM, as under the desktop app's CSP.
const NO_STYLE_ATTRIBUTES = "style-src-attr 'none'";

type Nested = number | Nested[];
interface CliTrace {
  loss: number;
  nodes: Record<string, { output: Nested; grad?: Nested; params: Record<string, { grad: Nested }> }>;
}

/** The CLI's float64 trace of the worked example: the same engine, run headless, as the reference. */
async function cliTrace(): Promise<CliTrace> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/backprop-studio.mjs', 'trace', 'resources/examples/backprop-2-2-2.json', '--json', '--dtype', 'float64'],
    { cwd: root },
  );
  return JSON.parse(stdout) as CliTrace;
}

const flatten = (values: Nested): number[] => (typeof values === 'number' ? [values] : values.flatMap(flatten));
/** Values as the debugger writes them: row by row, to its significant digits. */
const shown = (values: Nested | undefined): string[] => flatten(values ?? []).map((v) => formatSig(v, DIGITS));

/** The cells of the inspector's table whose label matches, in one section of the selected node's values. */
async function cells(page: Page, section: 'forward' | 'backward', table: RegExp): Promise<string[]> {
  const found = page.locator(`.bs-dbg-section--${section}`).getByRole('table', { name: table });
  return (await found.locator('td').allTextContents()).map((cell) => cell.replace('−', '-'));
}

async function select(page: Page, nodeId: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${nodeId}"]`).click();
}

describe.skipIf(!hasChromium)('step-through debugger in the app', () => {
  let app: WebApp;
  let trace: Promise<CliTrace>;
  beforeAll(async () => {
    trace = cliTrace();
    app = await startWebApp();
  }, 60_000);
  afterAll(() => app?.close());

  it('steps the worked example forward and back with the CLI trace numbers, and applies an update', async () => {
    const { page, problems } = await openApp(app, { viewport: WIDE, contentSecurityPolicy: NO_STYLE_ATTRIBUTES });
    const policy = await page.evaluate(() =>
      fetch(location.href).then((response) => response.headers.get('content-security-policy')),
    );
    expect(policy).toBe(NO_STYLE_ATTRIBUTES);
    await openExample(page, WORKED);
    await attribute(page.getByTestId('engine-badge'), 'data-model-state').toBe('loaded');
    const phase = page.getByTestId('debugger-phase');
    const values = page.getByTestId('node-values');
    const forward = page.getByRole('button', { name: 'Step forward' });
    const backward = page.getByRole('button', { name: 'Step backward' });
    await text(phase).toBe('Ready · 6 nodes');
    expect(await backward.isDisabled()).toBe(true);

    for (const [i, id] of PLAN.entries()) {
      await forward.click();
      await text(phase).toContain(`Forward ${i + 1}/6`);
      expect(await page.locator(`.react-flow__node[data-id="${id}"] .bs-node.is-active`).count()).toBe(1);
    }
    expect(await forward.isDisabled()).toBe(true);
    const reference = await trace;
    for (const id of PLAN.slice(0, -1)) {
      await select(page, id);
      await eventually(() => cells(page, 'forward', /output$|the sample$/)).toEqual(shown(reference.nodes[id].output));
    }
    await text(page.getByTestId('debugger-loss')).toBe(`E = ${formatSig(reference.loss, 6)}`);
    expect(formatSig(reference.loss, DIGITS)).toBe('0.298371109');
    await shot(page, 'debugger-forward');
    await select(page, 'loss');
    await text(values).toContain('0.298371109');
    await tallShot(page, values, 'debugger-values-loss');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.bs-toolbar').screenshot({ path: `${root}/test-results/debugger-toolbar-1280.png` });
    await page.setViewportSize(WIDE);
    await select(page, 'o_act');

    // Back from the loss to the output sigmoid: the chain rule there with its own numbers.
    await backward.click();
    await backward.click();
    await text(phase).toContain('Backward 2/6');
    const chainRule = page.locator('.bs-dbg-section--backward');
    await text(chainRule).toContain('0.138498562');
    expect(await chainRule.textContent()).toContain('0.186815602');
    expect(
      await page
        .locator('.react-flow__edge[data-id="o->o_act"] .react-flow__edge-path')
        .evaluate((path) => getComputedStyle(path).strokeDasharray),
    ).not.toBe('none');
    await shot(page, 'debugger-chain-rule');
    await page.locator('.bs-canvas').screenshot({ path: `${root}/test-results/debugger-canvas-backward.png` });
    await tallShot(page, values, 'debugger-values-sigmoid');

    // On to the input, a node at a time.
    for (let step = 3; step <= 6; step++) {
      await backward.click();
      await text(phase).toContain(step === 6 ? 'Pass done' : `Backward ${step}/6`);
    }
    expect(await backward.isDisabled()).toBe(true);
    for (const id of DENSE) {
      await select(page, id);
      await eventually(() => cells(page, 'backward', /^∂E\/∂W/)).toEqual(shown(reference.nodes[id].params.W.grad));
    }
    // The output layer: dE/dw5 = δ_o1 · out_h1.
    expect(shown(reference.nodes.o.params.W.grad)[0]).toBe('0.0821670406');
    await tallShot(page, values, 'debugger-values-dense');
    await select(page, 'x');
    await eventually(() => cells(page, 'backward', /^∂E\/∂x/)).toEqual(shown(reference.nodes.x.grad));

    // One SGD step with η = 0.5: w5 becomes 0.35891648.
    expect(await page.getByLabel('Learning rate').inputValue()).toBe('0.5');
    await page.getByRole('button', { name: 'Apply update' }).click();
    const panel = page.getByRole('region', { name: 'Last update' });
    await text(panel).toContain('0.35891648');
    expect(await panel.textContent()).toContain('0.149780716');
    await text(phase).toBe('Ready · 6 nodes');
    await shot(page, 'debugger-update');

    // The keys: F5 runs a whole pass with the new weights, and the loss is lower.
    await page.locator('.bs-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('F5');
    await text(phase).toContain('Pass done');
    const after = Number((await page.getByTestId('debugger-loss').textContent())?.replace('E = ', ''));
    expect(after).toBeLessThan(0.298371);
    await page.keyboard.press('Shift+F5');
    await text(phase).toBe('Ready · 6 nodes');
    await page.keyboard.press('F10');
    await text(phase).toContain('Forward 1/6');

    // Undo takes the update back out of the document; the debugger starts over.
    await page.keyboard.press('Control+z');
    await text(phase).toBe('Ready · 6 nodes');
    expect(await panel.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows big tensors as heatmaps with a colour scale', async () => {
    const { page, problems } = await openApp(app, { viewport: WIDE, contentSecurityPolicy: NO_STYLE_ATTRIBUTES });
    await openExample(page, LENET);
    await attribute(page.getByTestId('engine-badge'), 'data-model-state').toBe('loaded');
    await page.getByRole('button', { name: 'Run pass' }).click();
    await text(page.getByTestId('debugger-phase')).toContain('Pass done');
    await select(page, 'c1');
    const maps = page.locator('.bs-dbg-section--forward canvas.bs-dbg-heatmap__canvas');
    await page.locator('.bs-dbg-section--forward > summary').click();
    await eventually(() => maps.count()).toBeGreaterThan(6);
    const first = page.locator('.bs-dbg-section--backward canvas.bs-dbg-heatmap__canvas').first();
    await first.hover({ position: { x: 2, y: 2 } });
    await text(page.locator('.bs-dbg-section--backward .bs-dbg-hover').first()).toMatch(/row \d+, col \d+: -?\d/);
    await tallShot(page, page.getByTestId('node-values'), 'debugger-heatmap');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
