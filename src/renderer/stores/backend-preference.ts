import { BACKEND_PREFERENCES, type BackendPreference } from '../../protocol/backend';

/** Where the session keeps the user's choice of compute backend between visits. */
export interface PreferenceStorage {
  read(): BackendPreference;
  write(preference: BackendPreference): void;
}

const STORAGE_KEY = 'backprop-studio.preferences.v1';

/** The stored preferences; an unreadable or unknown entry means Automatic. */
export function parseBackendPreference(text: string | null): BackendPreference {
  try {
    const stored: unknown = text ? JSON.parse(text) : null;
    const backend = typeof stored === 'object' && stored !== null ? (stored as { backend?: unknown }).backend : null;
    return BACKEND_PREFERENCES.find((p) => p === backend) ?? 'auto';
  } catch {
    return 'auto';
  }
}

/** The preference in localStorage, as the panel layout is kept; without storage it lasts the session. */
export const localPreferences: PreferenceStorage = {
  read() {
    try {
      return parseBackendPreference(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null);
    } catch {
      return 'auto';
    }
  },
  write(preference) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ backend: preference }));
    } catch {
      // Storage full or denied: the choice still applies until the page closes.
    }
  },
};

/** A preference held in memory only (tests, and hosts without storage). */
export function memoryPreferences(
  initial: BackendPreference = 'auto',
): PreferenceStorage & { saved: BackendPreference[] } {
  let current = initial;
  const saved: BackendPreference[] = [];
  return {
    saved,
    read: () => current,
    write(preference) {
      current = preference;
      saved.push(preference);
    },
  };
}
