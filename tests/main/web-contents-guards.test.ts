import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyPermissions, guardWebContents } from '../../src/main/web-contents-guards';

class FakeContents extends EventEmitter {
  openHandler: (() => { action: string }) | undefined;
  setWindowOpenHandler(handler: () => { action: string }): void {
    this.openHandler = handler;
  }
}

function dispatch(contents: FakeContents, event: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, 'https://example.com/');
  return prevented;
}

describe('web contents guards', () => {
  it('denies new windows, navigation, redirects and webviews', () => {
    const contents = new FakeContents();
    guardWebContents(contents as unknown as WebContents);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(dispatch(contents, event), event).toBe(true);
    }
  });

  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
    };
    denyPermissions(session as unknown as Session);
    const answers: boolean[] = [];
    request?.({}, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(check?.()).toBe(false);
  });
});
