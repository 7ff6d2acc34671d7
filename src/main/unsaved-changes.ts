import type { MessageBoxOptions } from 'electron';
import type { UnsavedChoice } from '../protocol/document-files';

const CHOICES: readonly UnsavedChoice[] = ['save', 'discard', 'cancel'];

/** The Save / Don't Save / Cancel question, in the order and wording each platform uses. */
export function unsavedChangesBox(fileName: string | null): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Do you want to save the changes to ${fileName ?? 'this model'}?`,
    detail: "Your changes will be lost if you don't save them.",
  };
}

/** The button the user pressed, as a choice; anything unexpected is Cancel. */
export function unsavedChoiceOf(response: number): UnsavedChoice {
  return CHOICES[response] ?? 'cancel';
}
