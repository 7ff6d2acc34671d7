import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCspHeader } from '../../src/main/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((d) => {
      const [name, ...sources] = d.split(' ');
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  it('allows only the app itself in production: no inline code, eval, remote hosts, frames or plugins', () => {
    const policy = contentSecurityPolicy();
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe|https?:|\*/);
  });

  it("lets the dev server's inline preamble, styles and websocket through in development only", () => {
    const d = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173', 'http://localhost:5173']);
    expect(d.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('replaces any policy the server sent, whatever the header case', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, 'X');
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['X'] });
    expect(withCspHeader(undefined, 'X')).toEqual({ 'Content-Security-Policy': ['X'] });
  });
});
