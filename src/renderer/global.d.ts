import type { StudioBridge } from '../protocol/bridge';

declare global {
  interface Window {
    /** Present in the Electron app only: the preload's bridge. */
    studio?: StudioBridge;
  }
}
