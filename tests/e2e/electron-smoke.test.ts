import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/** The Electron executable, or why there is none: the npm package downloads it on first use. */
function findElectron(): { binary: string } | { reason: string } {
  try {
    const binary: unknown = require('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { binary };
    return { reason: `the electron package names ${String(binary)}, which does not exist` };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { reason: `Electron's binary is not installed (${message})` };
  }
}

const electronApp = findElectron();
const skipReason = 'reason' in electronApp ? electronApp.reason : '';

describe('desktop app', () => {
  it.skipIf(skipReason !== '')(
    `builds, opens its window with the document title, and renders the canvas${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      if (!('binary' in electronApp)) return;
      await promisify(execFile)(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
        cwd: root,
      });
      const app = await electron.launch({
        executablePath: electronApp.binary,
        args: ['--no-sandbox', root],
        cwd: root,
      });
      try {
        const page = await app.firstWindow();
        await page.locator('.bs-editor .react-flow').waitFor({ timeout: 30_000 });
        await page.locator('[data-testid=engine-badge][data-engine-state=ready]').waitFor({ timeout: 30_000 });
        await expect.poll(() => page.title()).toBe('Untitled — Backprop Studio');
        const nativeTitle = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
        expect(nativeTitle).toBe('Untitled — Backprop Studio');
        expect(await page.evaluate(() => window.studio?.host)).toBe('electron');
        await page.getByRole('button', { name: 'Open an example' }).click();
        await page.getByRole('button', { name: /^Worked backpropagation/ }).click();
        await expect.poll(() => page.locator('.react-flow__node').count()).toBe(6);
        await expect
          .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
          .toBe('backprop-2-2-2.json — Backprop Studio');
        await page.screenshot({ path: `${root}/test-results/electron-example.png` });
      } finally {
        await app.close();
      }
    },
    180_000,
  );
});
