import { describe, expect, it } from 'vitest';
import { DocumentFiles, type ModelFileSystem, safeFileName } from '../../src/main/document-files';
import { MAX_MODEL_FILE_BYTES } from '../../src/protocol/document-files';

interface Win {
  id: number;
}

function setup(picks: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  const disk = new Map<string, string>([['/home/u/models/xor.json', '{"format":"x"}']]);
  const sizes = new Map<string, number>();
  const savePrompts: string[] = [];
  const fs: ModelFileSystem = {
    sizeOf: async (file) => sizes.get(file) ?? (disk.has(file) ? (disk.get(file) ?? '').length : null),
    read: async (file) => disk.get(file) ?? '',
    write: async (file, text) => void disk.set(file, text),
  };
  const openPicks = [...(picks.open ?? [])];
  const savePicks = [...(picks.save ?? [])];
  const files = new DocumentFiles<Win>(
    {
      pickOpenPath: async () => openPicks.shift() ?? null,
      pickSavePath: async (_window, defaultName) => {
        savePrompts.push(defaultName);
        return savePicks.shift() ?? null;
      },
    },
    fs,
  );
  return { files, disk, sizes, savePrompts };
}

const win: Win = { id: 1 };
const save = (text: string, mode: 'save' | 'save-as' | 'export', handle: number | null = null) => ({
  text,
  suggestedName: 'xor.json',
  mode,
  handle,
});

describe('model files in the desktop shell', () => {
  it('reads the .json file the user picked and hands back a handle, never the path', async () => {
    const { files } = setup({ open: ['/home/u/models/xor.json'] });
    const opened = await files.open(win);
    expect(opened).toEqual({ name: 'xor.json', text: '{"format":"x"}', handle: expect.any(Number) });
    expect(JSON.stringify(opened)).not.toContain('/home');
  });

  it('returns null when the user cancels, and refuses other extensions and huge files', async () => {
    const { files, sizes, disk } = setup({ open: [null, '/etc/passwd', '/home/u/big.json'] });
    disk.set('/home/u/big.json', '{}');
    sizes.set('/home/u/big.json', MAX_MODEL_FILE_BYTES + 1);
    expect(await files.open(win)).toBeNull();
    await expect(files.open(win)).rejects.toThrow('passwd is not a .json file.');
    await expect(files.open(win)).rejects.toThrow(/too large/);
  });

  it('saves over the opened file by its handle, without asking', async () => {
    const { files, disk, savePrompts } = setup({ open: ['/home/u/models/xor.json'] });
    const opened = await files.open(win);
    const saved = await files.save(win, save('{"v":2}', 'save', opened?.handle ?? null));
    expect(saved).toEqual({ name: 'xor.json', handle: opened?.handle });
    expect(disk.get('/home/u/models/xor.json')).toBe('{"v":2}');
    expect(savePrompts).toEqual([]);
  });

  it("asks where to save when the handle is unknown or another window's: a page cannot name a path", async () => {
    const { files, disk, savePrompts } = setup({ open: ['/home/u/models/xor.json'], save: ['/tmp/copy.json'] });
    const opened = await files.open(win);
    const saved = await files.save({ id: 2 }, save('{"v":3}', 'save', opened?.handle ?? null));
    expect(saved?.name).toBe('copy.json');
    expect(savePrompts).toEqual(['xor.json']);
    expect(disk.get('/home/u/models/xor.json')).toBe('{"format":"x"}');
    expect(await files.save(win, save('{}', 'save', 999))).toBeNull();
  });

  it('always asks for Save As and Export; an export leaves the document its own file', async () => {
    const { files, disk } = setup({
      open: ['/home/u/models/xor.json'],
      save: ['/tmp/as.json', '/tmp/export.json'],
    });
    const opened = await files.open(win);
    const savedAs = await files.save(win, save('A', 'save-as', opened?.handle ?? null));
    const exported = await files.save(win, save('E', 'export', savedAs?.handle ?? null));
    expect(savedAs).toEqual({ name: 'as.json', handle: expect.any(Number) });
    expect(savedAs?.handle).not.toBe(opened?.handle);
    expect(exported).toEqual({ name: 'export.json' });
    expect([disk.get('/tmp/as.json'), disk.get('/tmp/export.json')]).toEqual(['A', 'E']);
  });

  it('adds .json to a bare name unless that would overwrite a file, and refuses other extensions', async () => {
    const { files, disk } = setup({ save: ['/tmp/net', '/home/u/models/xor', '/tmp/net.txt'] });
    expect(await files.save(win, save('N', 'save-as'))).toMatchObject({ name: 'net.json' });
    expect(disk.get('/tmp/net.json')).toBe('N');
    await expect(files.save(win, save('X', 'save-as'))).rejects.toThrow(/already exists/);
    await expect(files.save(win, save('T', 'save-as'))).rejects.toThrow(/\.json/);
    expect(disk.get('/home/u/models/xor.json')).toBe('{"format":"x"}');
  });

  it('offers a plain .json file name, whatever the page suggested', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd.json');
    expect(safeFileName('C:\\Users\\x\\net.json')).toBe('net.json');
    expect(safeFileName('a<b>:c?.JSON')).toBe('a-b-c-.json');
    expect(safeFileName('.hidden')).toBe('hidden.json');
    expect(safeFileName('...')).toBe('model.json');
  });
});
