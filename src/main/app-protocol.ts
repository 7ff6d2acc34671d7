import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** The file an app:// URL names inside the renderer's folder; null for other hosts and for paths that leave it. */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || pathname.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

export interface AppRequestHandlerOptions {
  rootDir: string;
  contentSecurityPolicy: string;
  /** Reads a file as a response (Electron's net.fetch of a file: URL). */
  fetchFile(file: string): Promise<Response>;
}

/** Serves the built renderer under app://, every response carrying the CSP. */
export function createAppRequestHandler(options: AppRequestHandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(options.rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let response: Response;
    try {
      response = await options.fetchFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', options.contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  };
}
