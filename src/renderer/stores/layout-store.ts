import { create } from 'zustand';

export interface PanelLayout {
  paletteVisible: boolean;
  inspectorVisible: boolean;
  paletteWidth: number;
  inspectorWidth: number;
}

export interface LayoutState extends PanelLayout {
  togglePalette(): void;
  toggleInspector(): void;
  setPaletteWidth(width: number): void;
  setInspectorWidth(width: number): void;
}

export const PALETTE_WIDTH = { min: 160, max: 360, initial: 196 } as const;
export const INSPECTOR_WIDTH = { min: 240, max: 560, initial: 300 } as const;

const STORAGE_KEY = 'backprop-studio.layout.v1';

export const defaultLayout: PanelLayout = {
  paletteVisible: true,
  inspectorVisible: true,
  paletteWidth: PALETTE_WIDTH.initial,
  inspectorWidth: INSPECTOR_WIDTH.initial,
};

export function clampWidth(width: number, range: { min: number; max: number }): number {
  return Math.round(Math.min(range.max, Math.max(range.min, width)));
}

/** The stored layout, each field checked: a hand-edited or older entry falls back field by field. */
export function parseLayout(text: string | null): PanelLayout {
  let stored: Partial<Record<keyof PanelLayout, unknown>> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (typeof parsed === 'object' && parsed !== null) stored = parsed;
  } catch {
    // Unreadable: the defaults stand.
  }
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  const width = (value: unknown, range: typeof PALETTE_WIDTH | typeof INSPECTOR_WIDTH) =>
    typeof value === 'number' && Number.isFinite(value) ? clampWidth(value, range) : range.initial;
  return {
    paletteVisible: flag(stored.paletteVisible, defaultLayout.paletteVisible),
    inspectorVisible: flag(stored.inspectorVisible, defaultLayout.inspectorVisible),
    paletteWidth: width(stored.paletteWidth, PALETTE_WIDTH),
    inspectorWidth: width(stored.inspectorWidth, INSPECTOR_WIDTH),
  };
}

// Private windows and tests have no usable localStorage: the layout then lasts the session.
function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeStored(layout: PanelLayout): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or denied: the layout still applies until the page closes.
  }
}

/** Which side panels show and how wide they are; kept in localStorage across sessions. */
export const useLayoutStore = create<LayoutState>()((set) => ({
  ...parseLayout(readStored()),
  togglePalette: () => set((s) => ({ paletteVisible: !s.paletteVisible })),
  toggleInspector: () => set((s) => ({ inspectorVisible: !s.inspectorVisible })),
  setPaletteWidth: (width) => set({ paletteWidth: clampWidth(width, PALETTE_WIDTH) }),
  setInspectorWidth: (width) => set({ inspectorWidth: clampWidth(width, INSPECTOR_WIDTH) }),
}));

useLayoutStore.subscribe(({ paletteVisible, inspectorVisible, paletteWidth, inspectorWidth }) =>
  writeStored({ paletteVisible, inspectorVisible, paletteWidth, inspectorWidth }),
);
