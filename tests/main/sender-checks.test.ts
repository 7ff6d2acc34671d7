import { describe, expect, it } from 'vitest';
import { hasNoArguments, isTrustedSender } from '../../src/main/sender-checks';

const trusted = ['app://studio', 'http://localhost:5173'];
const top = (url: string) => ({ url, parent: null });

describe('IPC sender checks', () => {
  it("accepts the top frame of the app's own pages", () => {
    expect(isTrustedSender(top('app://studio/index.html'), trusted)).toBe(true);
    expect(isTrustedSender(top('http://localhost:5173/'), trusted)).toBe(true);
  });

  it('refuses frames, other origins, look-alike hosts and destroyed frames', () => {
    expect(isTrustedSender({ url: 'app://studio/index.html', parent: top('app://studio/') }, trusted)).toBe(false);
    expect(isTrustedSender(top('https://example.com/'), trusted)).toBe(false);
    expect(isTrustedSender(top('app://studio.evil/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(top('http://localhost:5174/'), trusted)).toBe(false);
    expect(isTrustedSender(top('file:///etc/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
    expect(isTrustedSender(undefined, trusted)).toBe(false);
  });

  it('wants no arguments where the preload sends none', () => {
    expect(hasNoArguments([])).toBe(true);
    expect(hasNoArguments([{ path: '/etc/passwd' }])).toBe(false);
  });
});
