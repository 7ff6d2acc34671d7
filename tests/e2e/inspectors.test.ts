import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attribute,
  collectProblems,
  count,
  eventually,
  hasChromium,
  openExample,
  shot,
  startWebApp,
  text,
  type WebApp,
} from './web-fixture';

/** Every template by its title in the gallery, with its file. */
const TEMPLATES = {
  nand: 'Perceptron computing NAND',
  learnNand: 'Perceptron learning NAND',
  worked: 'Worked backpropagation example (2-2-2)',
  xor: 'XOR with a small MLP',
  conv: 'One 3×3 filter on a 5×5 image',
  lenet: 'LeNet-5 on a 28×28 digit',
  deepNarrow: 'Spiral: deep and narrow',
  shallowWide: 'Spiral: shallow and wide',
  sigmoid: 'Deep sigmoid network: vanishing gradients',
  relu: 'Deep ReLU network with He initialisation',
  exploding: 'Exploding gradients from large weights',
  residual: 'Residual MLP',
  zeros: 'All-zero initialisation: symmetric units',
  batchnorm: 'Deep sigmoid network with batch normalisation',
  noBatchnorm: 'Deep sigmoid network without batch normalisation',
  dropout: 'Dropout against overfitting',
  digits: 'Handwritten digits with an MLP',
  center: 'Center loss next to softmax cross-entropy',
};

const WIDE = { width: 1440, height: 900 };
// No style attributes in markup, as under the desktop app's CSP: charts and formulas style through the CSSOM.
const NO_STYLE_ATTRIBUTES = "style-src-attr 'none'";

const panel = (page: Page) => page.getByRole('tabpanel');
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const badges = (page: Page) => page.locator('[data-testid^=flag-badge-]');

/** Opens a dock tab unless it is open already. */
async function openTab(page: Page, name: string): Promise<void> {
  if ((await tab(page, name).getAttribute('aria-selected')) !== 'true') await tab(page, name).click();
}

/** The panel shows its content: a drawn chart or table, and neither an error nor a spinner. */
async function expectContent(page: Page, content: Locator): Promise<void> {
  await content.first().waitFor({ timeout: 20_000 });
  expect(await panel(page).locator('.bs-insp-notice--error').count()).toBe(0);
}

async function drawnCharts(page: Page): Promise<Locator> {
  const charts = panel(page).locator('.bs-insp-chart[data-drawn=true]');
  await charts.first().waitFor({ timeout: 20_000 });
  return charts;
}

describe.skipIf(!hasChromium)('inspector panels in the app', () => {
  let app: WebApp;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    app = await startWebApp();
    page = await app.browser.newPage({ viewport: WIDE });
    problems = collectProblems(page);
    // A taller dock than the first-run default, so the charts and their explanations show together.
    await page.addInitScript(() =>
      localStorage.setItem('backprop-studio.dock', JSON.stringify({ openTabId: null, height: 400 })),
    );
    // Opening a template over an edited one asks first; the tests always discard.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${app.url}?csp=${encodeURIComponent(NO_STYLE_ATTRIBUTES)}`);
    await page.locator('[data-testid=engine-badge][data-engine-state=ready]').waitFor({ timeout: 30_000 });
  }, 60_000);
  afterAll(() => app?.close());

  it('groups the templates by concept, each with its explanation', async () => {
    await page.getByRole('button', { name: 'Examples', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an example' });
    await dialog.getByRole('heading', { name: 'Vanishing and exploding gradients' }).waitFor();
    await count(dialog.getByRole('listitem')).toBe(Object.keys(TEMPLATES).length);
    await text(dialog.getByRole('button', { name: new RegExp(`^${TEMPLATES.sigmoid}`) })).toContain(
      'never more than 0.25',
    );
    await shot(page, 'inspect-gallery');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('opens every template and shows its gradient flow and activations', async () => {
    for (const title of Object.values(TEMPLATES)) {
      await openExample(page, title);
      await openTab(page, 'Gradient flow');
      await expectContent(page, panel(page).locator('.bs-insp-chart[data-drawn=true], .bs-insp-ok, .bs-insp-flags'));
      await openTab(page, 'Activations');
      await expectContent(page, panel(page).locator('[data-testid^=activation-card-]'));
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it('badges the first dense layers of the deep sigmoid network as vanishing, none of the ReLU network', async () => {
    await openExample(page, TEMPLATES.sigmoid);
    await openTab(page, 'Gradient flow');
    await attribute(page.getByTestId('flag-badge-dense_1'), 'data-flag').toBe('vanishing');
    await attribute(page.getByTestId('flag-badge-dense_2'), 'data-flag').toBe('vanishing');
    expect(await page.getByTestId('flag-badge-dense_1').getAttribute('title')).toMatch(/sigmoid/);
    await drawnCharts(page);
    await panel(page).locator('.bs-insp-flag--vanishing').first().waitFor();
    await shot(page, 'inspect-gradient-flow');

    await openExample(page, TEMPLATES.relu);
    await panel(page).locator('.bs-insp-ok').waitFor();
    await count(badges(page)).toBe(0);

    await openExample(page, TEMPLATES.exploding);
    await eventually(async () => await badges(page).evaluateAll((els) => els.map((e) => e.dataset.flag))).toContain(
      'exploding',
    );
    await shot(page, 'inspect-exploding');
  }, 60_000);

  it('trains some steps and draws gradients and pre-activations over training', async () => {
    await openExample(page, TEMPLATES.noBatchnorm);
    await openTab(page, 'Gradient flow');
    await drawnCharts(page);
    await panel(page).getByRole('button', { name: 'steps, then inspect' }).click();
    await panel(page)
      .getByRole('radio', { name: /^Over 50 steps/ })
      .click();
    await drawnCharts(page);
    await shot(page, 'inspect-gradient-flow-steps');

    await openTab(page, 'Activations');
    await page.getByTestId('activation-card-sigmoid_5').click();
    await panel(page)
      .getByRole('img', { name: /Pre-activation distribution of sigmoid_5/ })
      .waitFor();
    await shot(page, 'inspect-activations');
  }, 60_000);

  it('moves the thresholds in Preferences, and keeps them', async () => {
    await openExample(page, TEMPLATES.sigmoid);
    await openTab(page, 'Gradient flow');
    await page.getByTestId('flag-badge-dense_1').waitFor();
    await panel(page).getByRole('button', { name: 'Thresholds' }).click();
    const popover = page.getByRole('dialog', { name: 'Gradient thresholds' });
    await popover.getByLabel(/Vanishing/).fill('1e-12');
    await shot(page, 'inspect-thresholds');
    await popover.getByRole('button', { name: 'Apply' }).click();
    await count(badges(page)).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('backprop-studio.gradient-thresholds'))).toContain('1e-12');
    await panel(page).getByRole('button', { name: 'Thresholds' }).click();
    await popover.getByRole('button', { name: 'Defaults' }).click();
    await page.getByTestId('flag-badge-dense_1').waitFor();

    await panel(page).getByLabel('Data').selectOption('spiral');
    await text(panel(page).locator('.bs-insp__meta')).toContain('of spiral');
    await panel(page).getByLabel('Data').selectOption({ label: "the model's own" });
    await text(panel(page).locator('.bs-insp__meta')).toContain("model's sample");
  }, 60_000);

  it('shows feature maps of the conv layers, and works out the output size as the padding changes', async () => {
    await openExample(page, TEMPLATES.lenet);
    await openTab(page, 'Activations');
    await page.getByTestId('activation-card-c1').click();
    await panel(page)
      .getByRole('figure', { name: /Feature maps of/ })
      .waitFor();
    await shot(page, 'inspect-feature-maps');

    const formula = page.getByTestId('window-formula');
    await formula.waitFor();
    await text(formula).toContain('28');
    await page.getByLabel('Padding').fill('0');
    await text(formula).toContain('24×24');
    await page.getByLabel('Stride').fill('2');
    await page.getByTestId('window-not-whole').waitFor();
    await text(formula).toContain('12×12');
    await formula.scrollIntoViewIfNeeded();
    await page.getByTestId('activation-card-c1').waitFor();
    await shot(page, 'inspect-formula-conv');
    await formula.getByRole('button', { name: /^stride 1/ }).click();
    await text(formula).toContain('24×24');
    expect(await page.getByLabel('Stride').inputValue()).toBe('1');
    await text(page.getByTestId('param-count-formula')).toContain('156');
  }, 60_000);

  it('checks the gradients of the worked example: every tensor passes', async () => {
    await openExample(page, TEMPLATES.worked);
    await openTab(page, 'Gradient check');
    await panel(page).getByRole('button', { name: 'Check the whole graph' }).click();
    const rows = panel(page).getByTestId('gradcheck-row');
    await count(rows).toBe(5);
    expect(await rows.locator('.bs-insp-verdict').allTextContents()).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS']);
    await shot(page, 'inspect-gradcheck');

    await page.locator('.react-flow__node[data-id="h"]').click();
    const worked = page.getByTestId('dense-worked');
    await text(worked).toContain('0.3775');
    await text(page.getByTestId('param-count-formula')).toContain('6');
    await worked.scrollIntoViewIfNeeded();
    await shot(page, 'inspect-formula-dense');

    await page.locator('.react-flow__node[data-id="h_act"]').click();
    await page.getByRole('button', { name: 'Check gradients' }).click();
    await page.locator('.bs-inspector').getByTestId('gradcheck-row').first().waitFor();
    await page.getByTestId('activation-formula').scrollIntoViewIfNeeded();
    await page
      .getByRole('img', { name: /f and f′ of sigmoid/ })
      .locator('.main-svg')
      .first()
      .waitFor();
    await shot(page, 'inspect-formula-activation');
  }, 60_000);

  it('compares initialisers side by side', async () => {
    await openExample(page, TEMPLATES.sigmoid);
    await openTab(page, 'Init comparison');
    await count(panel(page).getByTestId('init-row')).toBe(5);
    const charts = await drawnCharts(page);
    await count(charts).toBe(2);
    await shot(page, 'inspect-init-comparison');
    expect(problems).toEqual([]);
  }, 60_000);
});
