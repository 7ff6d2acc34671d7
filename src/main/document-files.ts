import path from 'node:path';
import {
  MAX_MODEL_FILE_BYTES,
  type OpenedFile,
  type SavedFile,
  type SaveFileRequest,
} from '../protocol/document-files';

/** The native dialogs (Electron's dialog module, bound to a window). */
export interface FileDialogs<W> {
  /** The path the user picked, or null when they cancelled. */
  pickOpenPath(window: W): Promise<string | null>;
  pickSavePath(window: W, defaultName: string): Promise<string | null>;
}

/** The file system calls the service makes (node:fs/promises in the app, a map in tests). */
export interface ModelFileSystem {
  /** Size in bytes, or null when nothing is there. */
  sizeOf(file: string): Promise<number | null>;
  read(file: string): Promise<string>;
  write(file: string, text: string): Promise<void>;
}

const JSON_EXTENSION = /\.json$/i;

/** A name to offer in the save dialog: a plain file name ending in .json, whatever the page sent. */
export function safeFileName(suggested: string): string {
  const base = path.basename(suggested.replace(/\\/g, '/'));
  const cleaned = base.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-').replace(/^\.+/, '');
  const stem = cleaned.replace(JSON_EXTENSION, '') || 'model';
  return `${stem}.json`;
}

/**
 * Reads and writes model files for the windows' pages. A page never names a path: it gets a
 * handle for each path its user picked in a dialog (opened or saved), and can write only
 * there, or to a new place the user picks.
 */
export class DocumentFiles<W extends object> {
  private readonly picked = new WeakMap<W, Map<number, string>>();
  private nextHandle = 1;

  constructor(
    private readonly dialogs: FileDialogs<W>,
    private readonly fs: ModelFileSystem,
  ) {}

  async open(window: W): Promise<OpenedFile | null> {
    const file = await this.dialogs.pickOpenPath(window);
    if (!file) return null;
    if (!JSON_EXTENSION.test(file)) throw new Error(`${path.basename(file)} is not a .json file.`);
    const size = await this.fs.sizeOf(file);
    if (size === null) throw new Error(`${path.basename(file)} could not be found.`);
    if (size > MAX_MODEL_FILE_BYTES) throw new Error(`${path.basename(file)} is too large to be a model file.`);
    const text = await this.fs.read(file);
    return { name: path.basename(file), text, handle: this.remember(window, file) };
  }

  async save(window: W, request: SaveFileRequest): Promise<SavedFile | null> {
    const known = request.mode === 'save' && request.handle !== null ? this.lookup(window, request.handle) : undefined;
    const file = known ?? (await this.pickSavePath(window, safeFileName(request.suggestedName)));
    if (!file) return null;
    await this.fs.write(file, request.text);
    const name = path.basename(file);
    // An export is a copy: the document keeps the file it had.
    return request.mode === 'export' ? { name } : { name, handle: this.remember(window, file) };
  }

  private async pickSavePath(window: W, defaultName: string): Promise<string | null> {
    const picked = await this.dialogs.pickSavePath(window, defaultName);
    if (!picked) return null;
    if (JSON_EXTENSION.test(picked)) return picked;
    if (path.extname(picked)) throw new Error('Models are saved as .json files: choose a name that ends in .json.');
    // Some dialogs do not add the filter's extension. Adding it must not overwrite a file unasked.
    const withExtension = `${picked}.json`;
    if ((await this.fs.sizeOf(withExtension)) !== null) {
      throw new Error(`${path.basename(withExtension)} already exists: pick it by name to replace it.`);
    }
    return withExtension;
  }

  private remember(window: W, file: string): number {
    let paths = this.picked.get(window);
    if (!paths) {
      paths = new Map();
      this.picked.set(window, paths);
    }
    for (const [handle, known] of paths) if (known === file) return handle;
    const handle = this.nextHandle++;
    paths.set(handle, file);
    return handle;
  }

  private lookup(window: W, handle: number): string | undefined {
    return this.picked.get(window)?.get(handle);
  }
}
