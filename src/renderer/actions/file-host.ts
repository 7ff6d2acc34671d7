/** Where Open and Save read and write files: the browser's picker, or the desktop shell's dialogs. */
export interface FileHost {
  /** Asks the user for a model file; null when they cancel. */
  open(): Promise<{ name: string; text: string } | null>;
  /** Writes the text; the name it was saved under, or null when they cancel. */
  save(text: string, suggestedName: string): Promise<{ name: string } | null>;
}
