import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSig } from '../../src/renderer/debugger/number-format';
import {
  attribute,
  connectNodes,
  count,
  download,
  dragFromPalette,
  eventually,
  hasChromium,
  openApp,
  root,
  shot,
  startWebApp,
  text,
  type WebApp,
} from './web-fixture';

/** Palette entry, the id the editor gives it, and where it is dropped (fractions of the canvas). */
const CHAIN = [
  { label: 'Input', id: 'input_1', at: { x: 0.16, y: 0.25 } },
  { label: 'Dense', id: 'dense_1', at: { x: 0.56, y: 0.25 } },
  { label: 'Sigmoid', id: 'sigmoid_1', at: { x: 0.16, y: 0.6 } },
  { label: 'Squared error', id: 'squared_error_1', at: { x: 0.56, y: 0.6 } },
];
const SAMPLE_INPUT = '[[0.05, 0.1], [0.2, 0.3]]';
const SAMPLE_TARGET = '[[0.01, 0.99], [0.99, 0.01]]';

interface CliTrace {
  loss: number;
  nodes: Record<string, { output: number[][] }>;
}

/** The CLI's float64 trace of a saved model: the reference for what the app computed. */
async function cliTrace(modelText: string): Promise<CliTrace> {
  const file = join(mkdtempSync(join(tmpdir(), 'scratch-')), 'scratch.json');
  writeFileSync(file, modelText);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/backprop-studio.mjs', 'trace', file, '--json', '--dtype', 'float64'],
    { cwd: root },
  );
  return JSON.parse(stdout) as CliTrace;
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const edgeLabels = (page: Page) => page.locator('.bs-edge-label').allTextContents();

/** Selects a node and types into one of its inspector fields. */
async function setField(page: Page, nodeId: string, label: string, value: string): Promise<void> {
  await node(page, nodeId).click();
  await page.getByLabel(label, { exact: true }).fill(value);
}

describe.skipIf(!hasChromium)('building a network from scratch', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp();
  }, 60_000);
  afterAll(() => app?.close());

  it('drags, connects and sets up Input → Dense → Sigmoid → Squared error, adds a sample and steps a pass', async () => {
    const { page, problems } = await openApp(app);
    const status = page.getByRole('contentinfo', { name: 'Model summary' });
    const badge = page.getByTestId('engine-badge');
    const phase = page.getByTestId('debugger-phase');
    const forward = page.getByRole('button', { name: 'Step forward' });
    const backward = page.getByRole('button', { name: 'Step backward' });
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await count(page.locator('.react-flow__node')).toBe(0);

    const canvas = await page.locator('.bs-canvas').boundingBox();
    if (!canvas) throw new Error('the canvas is not laid out');
    for (const { label, id, at } of CHAIN) {
      await dragFromPalette(page, label, at);
      await node(page, id).waitFor();
      // Each node lands where it was dropped: the view does not jump to the first one.
      const box = await node(page, id).boundingBox();
      expect(Math.abs((box?.x ?? 0) + (box?.width ?? 0) / 2 - (canvas.x + canvas.width * at.x))).toBeLessThan(30);
    }
    await text(status).toContain('3 issues');
    await text(phase).toBe('Fix the graph to step');
    await shot(page, 'scratch-dropped');

    for (let i = 1; i < CHAIN.length; i++) await connectNodes(page, CHAIN[i - 1].id, CHAIN[i].id);
    await count(page.locator('.react-flow__edge')).toBe(3);
    await text(status).toContain('No issues');

    // Without a sample the batch is 1: every edge carries one row of two numbers.
    await setField(page, 'input_1', 'Shape', '3');
    await eventually(() => edgeLabels(page)).toEqual(['[1, 3]', '[1, 2]', '[1, 2]']);
    await setField(page, 'input_1', 'Shape', '2');
    await setField(page, 'dense_1', 'Units', '3');
    await eventually(() => edgeLabels(page)).toEqual(['[1, 2]', '[1, 3]', '[1, 3]']);
    await setField(page, 'dense_1', 'Units', '2');
    await eventually(() => edgeLabels(page)).toEqual(['[1, 2]', '[1, 2]', '[1, 2]']);
    await text(status).toMatch(/4 nodes3 edges6 parametersNo issuesbatch 1no sample/);
    await attribute(badge, 'title').toMatch(/The graph is loaded: 6 parameters, with no sample to run on\./);
    await text(phase).toBe('Add a sample to step');
    expect(await forward.isDisabled()).toBe(true);
    await shot(page, 'scratch-no-sample');

    // The sample editor on the Input node: refused rows say why, accepted ones are one undoable edit.
    await node(page, 'input_1').click();
    const inputRows = page.getByLabel('Input rows');
    const targetRows = page.getByLabel('Target rows');
    const apply = page.getByRole('button', { name: 'Apply sample' });
    expect(await inputRows.getAttribute('placeholder')).toBe('[[0, 0]]');
    expect(await targetRows.getAttribute('placeholder')).toBe('[[0, 0]]');
    await inputRows.fill('[[0.05, 0.1, 0.2]]');
    await text(page.locator('.bs-sample .bs-field__error')).toContain(
      "sample input has shape [1, 3] but input node 'input_1' takes [1, 2]",
    );
    expect(await apply.isDisabled()).toBe(true);
    await shot(page, 'scratch-sample-refused');
    await inputRows.fill(SAMPLE_INPUT);
    await apply.click();
    await text(status).toContain('no target');
    await text(phase).toBe('Add a target to step');
    await targetRows.fill(SAMPLE_TARGET);
    await targetRows.press('Control+Enter');
    await eventually(() => edgeLabels(page)).toEqual(['[2, 2]', '[2, 2]', '[2, 2]']);
    await text(status).toMatch(/No issuesbatch 2Engine/);
    await attribute(badge, 'title').toMatch(/6 parameters, with its sample\./);
    await text(phase).toBe('Ready · 4 nodes');
    await shot(page, 'scratch-sample');

    for (let i = 1; i <= CHAIN.length; i++) {
      await forward.click();
      await text(phase).toContain(`Forward ${i}/4`);
    }
    for (let i = 1; i <= CHAIN.length; i++) {
      await backward.click();
      await text(phase).toContain(i === CHAIN.length ? 'Pass done' : `Backward ${i}/4`);
    }
    await node(page, 'sigmoid_1').click();
    // Once the pass is back at the input the forward section is folded; its table is still there to read.
    const prediction = page.locator('.bs-dbg-section--forward table[aria-label$=" output"]');
    await count(prediction.locator('td')).toBe(4);
    await shot(page, 'scratch-pass');

    // The same file through the CLI gives the same numbers (parameters from the same seed).
    const saved = await download(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    expect(JSON.parse(saved.text).sample).toEqual({
      input: JSON.parse(SAMPLE_INPUT),
      target: JSON.parse(SAMPLE_TARGET),
    });
    const reference = await cliTrace(saved.text);
    await text(page.getByTestId('debugger-loss')).toBe(`E = ${formatSig(reference.loss, 6)}`);
    expect(await prediction.locator('td').allTextContents()).toEqual(
      reference.nodes.sigmoid_1.output.flat().map((v) => formatSig(v, 9)),
    );

    // Undo takes the sample back out, target first.
    await page.locator('.bs-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await text(status).toContain('no target');
    await page.keyboard.press('Control+z');
    await text(status).toContain('no sample');
    await eventually(() => edgeLabels(page)).toEqual(['[1, 2]', '[1, 2]', '[1, 2]']);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
