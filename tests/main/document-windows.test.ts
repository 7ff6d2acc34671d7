import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DocumentWindows, guardClose } from '../../src/main/document-windows';
import { unsavedChangesBox, unsavedChoiceOf } from '../../src/main/unsaved-changes';
import type { UnsavedChoice } from '../../src/protocol/document-files';

class FakeWindow extends EventEmitter {
  title = '';
  edited: boolean[] = [];
  closed = 0;
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(edited: boolean): void {
    this.edited.push(edited);
  }
  /** Like BrowserWindow.close(): emits 'close', and closes unless a listener prevents it. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed++;
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('window title and unsaved mark', () => {
  it('shows the file name with a dot while there are unsaved changes', () => {
    const windows = new DocumentWindows<FakeWindow>(false);
    const window = new FakeWindow();
    expect(windows.stateOf(window)).toEqual({ fileName: null, dirty: false });
    windows.update(window, { fileName: 'xor.json', dirty: true });
    expect(window.title).toBe('xor.json• — Backprop Studio');
    windows.update(window, { fileName: null, dirty: false });
    expect(window.title).toBe('Untitled — Backprop Studio');
    expect(window.edited).toEqual([]);
  });

  it("sets macOS's edited dot on the window too", () => {
    const windows = new DocumentWindows<FakeWindow>(true);
    const window = new FakeWindow();
    windows.update(window, { fileName: 'a.json', dirty: true });
    windows.update(window, { fileName: 'a.json', dirty: false });
    expect(window.edited).toEqual([true, false]);
  });
});

describe('closing with unsaved changes', () => {
  function setup(dirty: boolean, choice: UnsavedChoice, saves = true) {
    const window = new FakeWindow();
    const asked: string[] = [];
    const state = { dirty };
    guardClose(window, {
      isDirty: () => state.dirty,
      ask: async () => {
        asked.push('ask');
        return choice;
      },
      save: async () => {
        asked.push('save');
        if (saves) state.dirty = false;
        return saves;
      },
    });
    return { window, asked };
  }

  it('closes at once when everything is saved', () => {
    const { window, asked } = setup(false, 'cancel');
    window.close();
    expect(window.closed).toBe(1);
    expect(asked).toEqual([]);
  });

  it('stays open on Cancel', async () => {
    const { window, asked } = setup(true, 'cancel');
    window.close();
    await flush();
    expect(window.closed).toBe(0);
    expect(asked).toEqual(['ask']);
  });

  it("closes without saving on Don't Save", async () => {
    const { window, asked } = setup(true, 'discard');
    window.close();
    await flush();
    expect(window.closed).toBe(1);
    expect(asked).toEqual(['ask']);
  });

  it('asks the page to save on Save, and closes only once it has', async () => {
    const saved = setup(true, 'save');
    saved.window.close();
    await flush();
    expect(saved.window.closed).toBe(1);
    expect(saved.asked).toEqual(['ask', 'save']);
    const cancelled = setup(true, 'save', false);
    cancelled.window.close();
    await flush();
    expect(cancelled.window.closed).toBe(0);
  });

  it('asks once when close is pressed again while the question is open', async () => {
    const { window, asked } = setup(true, 'cancel');
    window.close();
    window.close();
    await flush();
    expect(asked).toEqual(['ask']);
  });

  it("asks Save / Don't Save / Cancel, and maps the buttons back", () => {
    const box = unsavedChangesBox('xor.json');
    expect(box.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(box.message).toContain('xor.json');
    expect(box.cancelId).toBe(2);
    expect([0, 1, 2, 7].map(unsavedChoiceOf)).toEqual(['save', 'discard', 'cancel', 'cancel']);
  });
});
