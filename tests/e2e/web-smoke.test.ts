import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attribute,
  connectNodes,
  count,
  download,
  dragFromPalette,
  eventually,
  hasChromium,
  openApp,
  openExample,
  openFile,
  root,
  shot,
  startWebApp,
  text,
  title,
  type WebApp,
} from './web-fixture';

const WORKED = 'Worked backpropagation example (2-2-2)';
const BROKEN =
  '{\n  "format": "backprop-studio.model",\n  "version": 1,\n  "nodes": [{ "id": "a", "type": "warp" }],\n  "edges": []\n}\n';
const exampleCount = readdirSync(`${root}/resources/examples`).filter((f) => f.endsWith('.json')).length;

const badge = (page: Page) => page.getByTestId('engine-badge');
const nodes = (page: Page) => page.locator('.react-flow__node');

async function viewportScale(page: Page): Promise<number> {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

describe.skipIf(!hasChromium)('the app in web mode', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp();
  }, 60_000);
  afterAll(() => app?.close());

  it('opens the worked example from the Examples dialog, readable, with shapes and the engine loaded', async () => {
    const { page, problems } = await openApp(app);
    await page.getByRole('button', { name: 'Open an example' }).waitFor();
    await page.getByText('Start from scratch: drag an Input from the palette').waitFor();
    expect(await badge(page).textContent()).toBe('Engine CPU');
    expect(await page.title()).toBe('Untitled — Backprop Studio');
    await shot(page, 'app-start');

    await page.getByRole('button', { name: 'Examples', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an example' });
    await count(dialog.getByRole('listitem')).toBe(exampleCount);
    await text(dialog.getByRole('button', { name: new RegExp(`^${WORKED.replace(/[()]/g, '\\$&')}`) })).toContain(
      'Two inputs, two sigmoid hidden units',
    );
    await shot(page, 'app-examples');
    await dialog.getByRole('button', { name: /^Worked backpropagation/ }).click();

    await count(nodes(page)).toBe(6);
    await count(page.locator('.bs-edge-label', { hasText: '[1, 2]' })).toBe(5);
    await attribute(badge(page), 'data-model-state').toBe('loaded');
    await attribute(badge(page), 'title').toMatch(/12 parameters, with its sample/);
    expect(await page.title()).toBe('backprop-2-2-2.json — Backprop Studio');
    await page.waitForTimeout(400);
    expect(await viewportScale(page)).toBeGreaterThanOrEqual(0.9);
    const canvas = await page.locator('.bs-canvas').boundingBox();
    for (const box of await nodes(page).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
      expect(box.left).toBeGreaterThanOrEqual(canvas?.x ?? 0);
      expect(box.right).toBeLessThanOrEqual((canvas?.x ?? 0) + (canvas?.width ?? 0));
    }
    await shot(page, 'app-example');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('edits the graph: drag from the palette, edit in the inspector, a refused edge, undo, delete', async () => {
    const { page, problems } = await openApp(app);
    await openExample(page, WORKED);
    await count(nodes(page)).toBe(6);

    await dragFromPalette(page, 'Dense', { x: 0.45, y: 0.82 });
    await count(nodes(page)).toBe(7);
    expect(await page.title()).toBe('backprop-2-2-2.json• — Backprop Studio');

    await page.locator('.react-flow__node[data-id="h"]').click();
    const units = page.getByLabel('Units');
    await eventually(() => units.inputValue()).toBe('2');
    await units.fill('0');
    await text(page.locator('.bs-field__error')).toBe('must be at least 1');
    await units.fill('3');
    await count(page.locator('.bs-edge-label', { hasText: '[1, 3]' })).toBe(2);
    // The new Dense has no input yet: the engine says why it cannot run, and the editor carries on.
    await attribute(badge(page), 'data-model-state').toBe('error');
    await attribute(badge(page), 'title').toMatch(/dense_1.*takes 1 input but has 0/);
    await shot(page, 'app-inspector');

    await connectNodes(page, 'o_act', 'h');
    await text(page.locator('.bs-toast')).toContain('would close a cycle');
    await shot(page, 'app-refused');

    await page.locator('.bs-canvas .react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await count(page.locator('.bs-edge-label', { hasText: '[1, 3]' })).toBe(0);
    await page.getByRole('button', { name: 'ReLU', exact: true }).click();
    await count(nodes(page)).toBe(8);
    await page.keyboard.press('Delete');
    await count(nodes(page)).toBe(7);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('saves as a download, opens the saved file again unchanged, and refuses a malformed file', async () => {
    const { page, problems } = await openApp(app);
    await openExample(page, WORKED);
    const loss = page.locator('.react-flow__node[data-id="loss"]');
    const at = await loss.boundingBox();
    if (!at) throw new Error('loss node not laid out');
    await page.mouse.move(at.x + 40, at.y + 14);
    await page.mouse.down();
    await page.mouse.move(at.x + 40, at.y + 114, { steps: 8 });
    await page.mouse.up();
    await title(page).toBe('backprop-2-2-2.json• — Backprop Studio');

    const saved = await download(page, () => page.getByRole('button', { name: 'Save', exact: true }).click());
    expect(saved.name).toBe('backprop-2-2-2.json');
    const model = JSON.parse(saved.text);
    expect(model.nodes.find((n: { id: string }) => n.id === 'loss').position.y).toBeGreaterThan(260);
    await title(page).toBe('backprop-2-2-2.json — Backprop Studio');

    await page.getByRole('button', { name: 'New', exact: true }).click();
    await count(nodes(page)).toBe(0);
    await openFile(page, 'saved.json', saved.text);
    await count(nodes(page)).toBe(6);
    await title(page).toBe('saved.json — Backprop Studio');
    const again = await download(page, () => page.keyboard.press('Control+s'));
    expect(again.name).toBe('saved.json');
    expect(JSON.parse(again.text)).toEqual(model);

    await openFile(page, 'broken.json', BROKEN);
    const dialog = page.getByRole('dialog');
    await text(dialog).toContain('broken.json could not be opened');
    await text(dialog).toContain('line 4');
    await shot(page, 'app-open-error');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await count(nodes(page)).toBe(6);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('restarts a killed engine, reloads the graph into it, and answers again', async () => {
    const { page, problems } = await openApp(app);
    await openExample(page, WORKED);
    await attribute(badge(page), 'data-model-state').toBe('loaded');
    // Hold the new worker's script back a moment, so the restart can be seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/worker-entry/, async (route) => {
      await held;
      await route.continue();
    });
    expect(await page.evaluate(() => window.__studio?.killEngine())).toBe(true);
    await page.getByText('The engine stopped; restarting…').waitFor();
    await text(badge(page)).toBe('Engine restarting…');
    await shot(page, 'app-engine-restarting');
    release();
    await attribute(badge(page), 'data-restarts').toBe('1');
    await text(badge(page)).toBe('Engine CPU');
    await attribute(badge(page), 'data-model-state').toBe('loaded');
    await page.getByText('The engine restarted and has your graph again.').waitFor();
    await shot(page, 'app-engine-restarted');

    await page.locator('.react-flow__node[data-id="o"]').click();
    await page.getByLabel('Units').fill('3');
    await attribute(badge(page), 'title').toMatch(/\d+ parameters/);
    await attribute(badge(page), 'data-model-state').toBe('error');
    await page.keyboard.press('Control+z');
    await attribute(badge(page), 'data-model-state').toBe('loaded');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('hides panels and keeps their layout across reloads; asks before leaving unsaved work', async () => {
    const { page, problems } = await openApp(app);
    await page.keyboard.press('Control+b');
    await page.locator('.bs-palette').waitFor({ state: 'detached' });
    const handle = await page.getByRole('separator', { name: 'Resize the inspector' }).boundingBox();
    if (!handle) throw new Error('no inspector handle');
    await page.mouse.move(handle.x + 3, handle.y + 200);
    await page.mouse.down();
    await page.mouse.move(handle.x - 77, handle.y + 200, { steps: 6 });
    await page.mouse.up();
    const width = (await page.locator('.bs-side--inspector').boundingBox())?.width ?? 0;
    expect(width).toBeGreaterThan(360);

    await page.reload();
    await page.locator('[data-testid=engine-badge][data-engine-state=ready]').waitFor();
    expect(await page.locator('.bs-palette').count()).toBe(0);
    expect((await page.locator('.bs-side--inspector').boundingBox())?.width).toBe(width);
    await attribute(page.getByRole('button', { name: 'Show or hide the palette' }), 'aria-pressed').toBe('false');
    await shot(page, 'app-panels');
    await page.getByRole('button', { name: 'Show or hide the palette' }).click();
    await page.locator('.bs-palette').waitFor();

    await openExample(page, WORKED);
    await page.locator('.react-flow__node[data-id="h"]').click();
    await page.getByLabel('Units').fill('4');
    // Leaving asks first; staying keeps the edit.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.evaluate(() => location.reload());
    expect(await asked).toBe('beforeunload');
    await eventually(() => page.getByLabel('Units').inputValue()).toBe('4');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
