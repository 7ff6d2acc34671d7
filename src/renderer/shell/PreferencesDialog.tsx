import { memo, useEffect, useRef } from 'react';
import type { BackendPreference } from '../../protocol/backend';
import { changeBackend } from '../actions/change-backend';
import { useEngineSession, useSessionStore } from '../engine-client/engine-context';
import { useTrainingStore } from '../stores/training-store';
import { useUiStore } from '../stores/ui-store';
import { PREFERENCE_CHOICES } from './backend-text';
import { EngineStatusPanel } from './EngineStatusPanel';

const TRADE_OFF =
  'A GPU computes in float32: about 7 significant digits, and much faster on big models. The CPU computes the ' +
  "debugger's numbers in float64: 9 digits, the worked examples' textbook values. Gradient checks always run " +
  'in float64 on the CPU.';

/** The app's settings: for now, where the engine computes. A choice applies at once and is kept. */
export const PreferencesDialog = memo(function PreferencesDialog() {
  const open = useUiStore((s) => s.preferencesOpen);
  const close = useUiStore((s) => s.closePreferences);
  const session = useSessionStore();
  const preference = useEngineSession((s) => s.backendPreference);
  const switching = useEngineSession((s) => s.backendSwitching);
  const training = useTrainingStore((s) => s.status === 'running' || s.status === 'paused' || s.status === 'stopping');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const choose = (value: BackendPreference) => void changeBackend(session, value);
  return (
    <dialog ref={ref} className="bs-dialog bs-prefs" onClose={close} aria-labelledby="bs-prefs-title">
      {open && (
        <>
          <h2 id="bs-prefs-title">Preferences</h2>
          <fieldset className="bs-prefs__group" disabled={switching !== null || training}>
            <legend className="bs-prefs__legend">Compute backend</legend>
            {PREFERENCE_CHOICES.map((choice) => (
              <label key={choice.value} className="bs-prefs__choice">
                <input
                  type="radio"
                  name="bs-backend"
                  value={choice.value}
                  checked={(switching ?? preference) === choice.value}
                  onChange={() => choose(choice.value)}
                />
                <span className="bs-prefs__label">{choice.label}</span>
                <span className="bs-prefs__detail">{choice.detail}</span>
              </label>
            ))}
          </fieldset>
          {training && <p className="bs-prefs__hint">Stop the training run to change the backend.</p>}
          <p className="bs-prefs__tradeoff">{TRADE_OFF}</p>
          <EngineStatusPanel />
          <div className="bs-dialog__actions">
            <button type="button" className="bs-button bs-button--primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      )}
    </dialog>
  );
});
