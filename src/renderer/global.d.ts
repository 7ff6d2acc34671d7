import type { StudioBridge } from '../protocol/bridge';

declare global {
  interface Window {
    /** Present in the Electron app only: the preload's bridge. */
    studio?: StudioBridge;
    /** Development builds only: hooks for end-to-end tests. */
    __studio?: { killEngine(): boolean };
  }
}
