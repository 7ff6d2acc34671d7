import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, originOf } from '../../src/main/app-origin';
import { createAppRequestHandler, resolveAppFile } from '../../src/main/app-protocol';

const root = path.resolve('/srv/app/out/renderer');

describe('app:// files', () => {
  it('maps app://studio paths into the renderer folder, / to index.html', () => {
    expect(resolveAppFile(root, APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://studio/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://studio/assets/main-1a2b.js?x=1')).toBe(path.join(root, 'assets/main-1a2b.js'));
    expect(resolveAppFile(root, 'app://studio/assets/a%20b.css')).toBe(path.join(root, 'assets/a b.css'));
  });

  it('keeps dot segments inside the folder (URL parsing resolves them against the root)', () => {
    expect(resolveAppFile(root, 'app://studio/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(resolveAppFile(root, 'app://studio/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
  });

  it('refuses paths that leave the folder, other hosts and other schemes', () => {
    expect(resolveAppFile(root, 'app://studio/assets/%2e%2e%2f%2e%2e%2f..%2fsecret')).toBeNull();
    expect(resolveAppFile(root, 'app://studio/a%00.js')).toBeNull();
    expect(resolveAppFile(root, 'app://studio/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/app/out/renderer/index.html')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('serves files with the CSP attached, and 404 for anything else', async () => {
    const fetched: string[] = [];
    const handler = createAppRequestHandler({
      rootDir: root,
      contentSecurityPolicy: "default-src 'none'",
      fetchFile: async (file) => {
        fetched.push(file);
        if (file.endsWith('missing.js')) throw new Error('ENOENT');
        return new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } });
      },
    });
    const page = await handler(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<html></html>');
    expect((await handler(new Request('app://studio/x/%2e%2e%2f%2e%2e%2f..%2fsecret'))).status).toBe(404);
    expect((await handler(new Request('app://studio/missing.js'))).status).toBe(404);
    expect(fetched).toEqual([path.join(root, 'index.html'), path.join(root, 'missing.js')]);
  });

  it('builds origins for schemes Node does not know', () => {
    expect(originOf('app://studio/index.html')).toBe('app://studio');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});
