import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectProblems, hasChromium, openExample, root, shots, startWebApp, type WebApp } from './web-fixture';

const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout, interval: 100 });
const text = (locator: Locator) => locator.textContent().then((t) => t ?? '');

/** The app at a laptop-sized window with the dock opened tall enough for the training panel. */
async function openStudio(app: WebApp, tab = 'Training'): Promise<{ page: Page; problems: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 940 } });
  const problems = collectProblems(page);
  await page.addInitScript(() => {
    localStorage.setItem('backprop-studio.dock', JSON.stringify({ openTabId: null, height: 560 }));
  });
  await page.goto(app.url);
  await page.locator('[data-testid=engine-badge][data-engine-state=ready]').waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: tab, exact: true }).click();
  return { page, problems };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${shots}training-${name}.png` });
}

const status = (page: Page) => page.getByTestId('training-status');
const summary = (page: Page) => page.getByTestId('training-summary');
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const boundaryStep = (page: Page) => page.getByTestId('decision-boundary').getAttribute('data-step').then(Number);
const curvePaths = (page: Page) => page.locator('[data-testid=training-curves] .main-svg path.js-line').count();

describe.skipIf(!hasChromium)('the Training panel in web mode', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp();
  }, 60_000);
  afterAll(() => app?.close());

  it('trains the XOR MLP on XOR to 100%, then pauses, resumes, stops and continues with a new rate', async () => {
    const { page, problems } = await openStudio(app);
    await openExample(page, 'XOR with a small MLP');
    await page.getByLabel('Dataset').selectOption('xor');
    await page.getByRole('img', { name: /^100 points/ }).waitFor();
    await shot(page, 'data');

    await button(page, 'Start').click();
    await eventually(() => text(summary(page))).toMatch(/Training accuracy\s*100\.0%/);
    await eventually(() => curvePaths(page)).toBeGreaterThanOrEqual(3);
    expect(await boundaryStep(page)).toBe(1000);
    expect(await text(status(page))).toBe('Done');
    await shot(page, 'xor');

    await page.getByRole('tab', { name: 'Settings' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Training' });
    await panel.getByLabel('Epochs').fill('500000');
    await panel.getByLabel('Learning rate').fill('0.01');
    await button(page, 'Start').click();
    await eventually(() => text(status(page))).toBe('Training');
    await eventually(() => boundaryStep(page)).toBeGreaterThan(200);
    await button(page, 'Pause').click();
    await eventually(() => text(status(page))).toBe('Paused');
    await page.waitForTimeout(300);
    const paused = await boundaryStep(page);
    expect(await text(page.getByRole('progressbar', { name: 'Training progress' }).locator('..'))).toContain(
      `step ${paused.toLocaleString('en-US')} /`,
    );
    await page.waitForTimeout(600);
    expect(await boundaryStep(page)).toBe(paused);
    await shot(page, 'paused');
    await button(page, 'Resume').click();
    await eventually(() => boundaryStep(page)).toBeGreaterThan(paused);
    await button(page, 'Stop').click();
    await eventually(() => text(status(page))).toBe('Done');
    expect(await text(summary(page))).toMatch(/Stopped by you/);
    expect(await page.locator('[data-testid=training-curves] .annotation-text', { hasText: 'continued' }).count()).toBe(
      2,
    );
    expect(
      await text(page.getByRole('progressbar', { name: 'Training progress' }).locator('..').locator('..')),
    ).toMatch(/steps\/s|Done/);

    await panel.getByLabel('Rate schedule', { exact: true }).selectOption('exponential');
    await eventually(() => page.getByRole('img', { name: 'Learning-rate schedule' }).getAttribute('data-drawn')).toBe(
      'true',
    );
    await page.getByRole('img', { name: 'Learning-rate schedule' }).scrollIntoViewIfNeeded();
    await shot(page, 'settings');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('freezes a node and picks an initialiser in the inspector, and loads weights from another file', async () => {
    const { page, problems } = await openStudio(app);
    await openExample(page, 'XOR with a small MLP');
    await page.locator('.react-flow__node[data-id="hidden"]').click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('checkbox', { name: 'Trainable' }).uncheck();
    await inspector.getByText('Frozen: training leaves its parameters as they are.').waitFor();
    await inspector.getByLabel('init W').selectOption('he_normal');
    expect(await inspector.getByLabel('init W').inputValue()).toBe('he_normal');

    await page.getByRole('tab', { name: 'Settings' }).click();
    const source = JSON.parse(readFileSync(`${root}/resources/examples/xor-mlp.json`, 'utf8'));
    source.nodes[1].params = {
      W: { shape: [2, 4], data: [1, -1, 1, -1, 1, 1, -1, -1] },
      b: { shape: [4], data: [0, 0, 0, 0] },
    };
    await page.getByLabel('Model file to load weights from').setInputFiles({
      name: 'pretrained.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(source)),
    });
    await eventually(() => text(page.getByRole('status').filter({ hasText: 'Copied' }))).toMatch(
      /Copied 2 parameters from pretrained\.json; skipped 2\./,
    );
    await button(page, 'Start').click();
    await eventually(() => text(status(page))).toBe('Done');
    await shot(page, 'fine-tune');
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it('learns the NAND truth table with the perceptron rule, pass by pass', async () => {
    const { page, problems } = await openStudio(app);
    await openExample(page, 'Perceptron learning NAND');
    await button(page, 'Start').click();
    const table = page.getByTestId('perceptron-table');
    await table.waitFor();
    await eventually(() => text(table)).toContain('all correct');
    expect(Number(await table.getAttribute('data-epoch'))).toBeGreaterThan(0);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toEqual(['0011✓ yes', '0111✓ yes', '1011✓ yes', '1100✓ yes']);
    expect(await text(summary(page))).toMatch(/Converged/);
    await shot(page, 'perceptron');
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it('trains the digits MLP from the UI to at least 90% test accuracy', async () => {
    const { page, problems } = await openStudio(app);
    await openExample(page, 'Handwritten digits with an MLP');
    await page.getByRole('list', { name: 'Digit images' }).waitFor();
    await shot(page, 'digits-data');
    const started = Date.now();
    await button(page, 'Start').click();
    await eventually(() => text(status(page)), 60_000).toBe('Done');
    const seconds = (Date.now() - started) / 1000;
    const testAccuracy = Number(/Test accuracy\s*([\d.]+)%/.exec(await text(summary(page)))?.[1] ?? Number.NaN);
    console.log(`digits MLP from the UI: test accuracy ${testAccuracy}% after ${seconds.toFixed(1)} s`);
    expect(testAccuracy).toBeGreaterThanOrEqual(90);
    await shot(page, 'digits');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('reads a CSV file, naming the line and column of a bad cell', async () => {
    const { page, problems } = await openStudio(app);
    await openExample(page, 'XOR with a small MLP');
    await page.getByLabel('Dataset').selectOption('csv');
    const rows = ['x1,x2,label', '0,0,no', '0,1,yes', '1,0,yes', '1,oops,no'];
    await page.getByLabel('CSV file').setInputFiles({
      name: 'gates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${rows.join('\n')}\n`),
    });
    const problem = page.getByRole('alert').filter({ hasText: 'Line 5' });
    await eventually(() => text(problem)).toMatch(/Line 5, column 2 \('x2'\): 'oops' is not a number/);
    await page.getByRole('table', { name: 'CSV preview' }).waitFor();
    await shot(page, 'csv');
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it('searches learning rates and optimizers, and applies the best to the model', async () => {
    const { page, problems } = await openStudio(app);
    await openExample(page, 'XOR with a small MLP');
    await page.getByLabel('Dataset').selectOption('xor');
    await page.getByRole('tab', { name: 'Search', exact: true }).click();
    await page.getByLabel('Trials').fill('6');
    await page.getByLabel('Epochs / trial').fill('30');
    await button(page, 'Search').click();
    await eventually(() => text(page.getByTestId('search-status'))).toBe('Done');
    expect(await page.getByRole('table', { name: 'Search trials' }).locator('tbody tr').count()).toBe(6);
    await eventually(() => page.locator('.bs-train__chart .main-svg .points path').count()).toBe(6);
    await page.getByLabel('Method').scrollIntoViewIfNeeded();
    await shot(page, 'search');
    await button(page, 'Apply best').click();
    await eventually(() => text(page.getByRole('status').filter({ hasText: 'Applied trial' }))).toMatch(/to the model/);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
