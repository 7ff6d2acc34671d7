export interface CspOptions {
  /** electron-vite's dev server, when the window loads from it. */
  devServerUrl?: string;
}

/**
 * The page may load only its own scripts, styles, workers and data: images; nothing remote, no
 * eval, no frames, no plugins. Vite's dev server needs inline scripts and styles (the React
 * refresh preamble, injected CSS) and a websocket, so those are allowed in development only.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  if (options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    directives['script-src'].push("'unsafe-inline'");
    directives['style-src'].push("'unsafe-inline'");
    directives['connect-src'].push(`ws://${dev.host}`, `${dev.protocol}//${dev.host}`);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Response headers with the CSP set, replacing any the server sent (header names are case-insensitive). */
export function withCspHeader(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}
