import type { BackendPreference, BackendStatus } from '../../protocol/backend';
import { asClientError } from '../engine-client/client-error';
import { preferenceLabel, switchResult } from '../shell/backend-text';
import type { SessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

/**
 * The Preferences dialog's compute-backend choice: kept, sent to the engine (which may take
 * seconds to open a GPU), and the outcome told in a toast. Resolves with the engine's status, or
 * null when no engine runs to ask (the next one started gets the choice) or the change failed.
 */
export async function changeBackend(
  session: SessionStore,
  preference: BackendPreference,
): Promise<BackendStatus | null> {
  const ui = useUiStore.getState();
  try {
    const status = await session.getState().setBackend(preference);
    if (!status) ui.showToast(`${preferenceLabel(preference)} is saved; the engine uses it once it has started.`);
    else ui.showToast(switchResult(status), status.active === 'cpu' && preference !== 'cpu' ? 'error' : 'info');
    return status;
  } catch (e) {
    ui.showToast(`The compute backend could not be changed: ${asClientError(e).message}`, 'error');
    return null;
  }
}
