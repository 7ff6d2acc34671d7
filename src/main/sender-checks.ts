import { originOf } from './app-origin';

/** What an IPC event says about who sent it (Electron's WebFrameMain has these). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Only the top frame of a page from one of the app's own origins may call main. Frames, pages
 * that navigated elsewhere and destroyed frames (null) are refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && trustedOrigins.includes(origin);
}

/** Messages that carry no arguments (the request for a port, Open); anything else is not from our preload. */
export function hasNoArguments(args: readonly unknown[]): boolean {
  return args.length === 0;
}
