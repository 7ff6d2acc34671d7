import type { FileHost } from '../actions/file-host';

/** Open and Save in a plain browser tab: a file picker, and a download (Save, Save As and Export alike). */
export const browserFiles: FileHost = {
  open() {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.addEventListener('change', async () => {
        const file = input.files?.[0];
        resolve(file ? { name: file.name, text: await file.text() } : null);
      });
      input.addEventListener('cancel', () => resolve(null));
      input.click();
    });
  },
  async save({ text, suggestedName }) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.click();
    // Some browsers read the URL after click() returns: give the download time to start.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { name: suggestedName };
  },
};
