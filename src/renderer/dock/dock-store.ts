import { create } from 'zustand';

const STORAGE_KEY = 'backprop-studio.dock';
export const DOCK_HEIGHT = { min: 160, max: 640, initial: 300 };

interface DockState {
  /** The open tab, or null when the dock is collapsed to its tab strip. */
  openTabId: string | null;
  height: number;
  open(id: string): void;
  toggle(id: string): void;
  collapse(): void;
  setHeight(height: number): void;
}

function restored(): Pick<DockState, 'openTabId' | 'height'> {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as {
      openTabId?: unknown;
      height?: unknown;
    } | null;
    const height = typeof saved?.height === 'number' ? saved.height : DOCK_HEIGHT.initial;
    return {
      openTabId: typeof saved?.openTabId === 'string' ? saved.openTabId : null,
      height: Math.min(DOCK_HEIGHT.max, Math.max(DOCK_HEIGHT.min, height)),
    };
  } catch {
    return { openTabId: null, height: DOCK_HEIGHT.initial };
  }
}

function persist(state: Pick<DockState, 'openTabId' | 'height'>): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ openTabId: state.openTabId, height: state.height }));
  } catch {
    // Storage can be unavailable (private windows); the dock still works for this session.
  }
}

export const useDockStore = create<DockState>()((set, get) => ({
  ...restored(),
  open: (id) => {
    set({ openTabId: id });
    persist(get());
  },
  toggle: (id) => {
    set({ openTabId: get().openTabId === id ? null : id });
    persist(get());
  },
  collapse: () => {
    set({ openTabId: null });
    persist(get());
  },
  setHeight: (height) => {
    set({ height: Math.min(DOCK_HEIGHT.max, Math.max(DOCK_HEIGHT.min, Math.round(height))) });
    persist(get());
  },
}));
