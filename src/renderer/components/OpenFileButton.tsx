import type { ChangeEvent } from 'react';
import { useSession } from '../stores/session-context';

/** Opens a model file from disk; the engine validates it, so any text is accepted here. */
export function OpenFileButton() {
  const openModel = useSession((s) => s.openModel);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clearing the value lets the same file be opened again after it was edited on disk.
    input.value = '';
    if (file) await openModel({ label: file.name, text: await file.text() });
  };

  return (
    <label className="button button-secondary file-button">
      Open .json file…
      <input type="file" accept=".json,application/json" onChange={onChange} />
    </label>
  );
}
