import { describe, expect, it, vi } from 'vitest';
import { BridgeChannel } from '../../../shared/bridge';
import { createBridgeHandlers, registerBridgeHandlers, safeFileName, type IpcDeps } from '../../../electron/ipc';

const trusted = { senderFrame: { url: 'app://readiness/index.html' } };
const hostileSenders = ['app://readiness.evil/', 'app://user@readiness/', 'file:///etc/passwd', 'https://example.com/'];

function deps(overrides: Partial<IpcDeps> = {}) {
  const written: Array<[string, Uint8Array]> = [];
  const d: IpcDeps = {
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/u/a.rsb', '/home/u/sub/b.rsb'] })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/Documents/out.docx' })),
    },
    fs: {
      stat: vi.fn(async () => ({ size: 3, isFile: () => true })),
      readFile: vi.fn(async (p: string) => new TextEncoder().encode(p)),
      writeFile: vi.fn(async (p: string, data: Uint8Array) => {
        written.push([p, data]);
      }),
      readRange: vi.fn(async () => new Uint8Array(0)),
      appendFile: vi.fn(async () => undefined),
      rename: vi.fn(async () => undefined),
      unlink: vi.fn(async () => undefined),
    },
    defaultSaveDir: '/home/u/Documents',
    viewer: { makeTempDir: vi.fn(async () => '/tmp/readiness-document-1'), openPath: vi.fn(async () => '') },
    appInfo: () => ({ name: 'Readiness Studio', version: '1.2.3', catalogueVersion: '1.0.0+abc', platform: 'electron' }),
    ...overrides,
  };
  return { d, written, h: createBridgeHandlers(d) };
}

describe('bridge IPC handlers', () => {
  it('open files: returns base names and bytes, multi-select and filters passed through', async () => {
    const { d, h } = deps();
    const files = await h[BridgeChannel.openFiles](trusted, {
      multiple: true,
      filters: [{ name: 'Bundles', extensions: ['rsb'] }],
    });
    expect(files.map((f) => f.name)).toEqual(['a.rsb', 'b.rsb']);
    expect(new TextDecoder().decode(files[1]!.bytes)).toBe('/home/u/sub/b.rsb');
    expect(d.dialog.showOpenDialog).toHaveBeenCalledWith({
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: 'Bundles', extensions: ['rsb'] }],
    });
  });

  it('open files: a cancelled dialog returns nothing', async () => {
    const { h } = deps({
      dialog: {
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showSaveDialog: async () => ({ canceled: true }),
      },
    });
    expect(await h[BridgeChannel.openFiles](trusted, { multiple: false, filters: [] })).toEqual([]);
  });

  it('open files: a file over the size limit is refused before it is read, and the others are still read', async () => {
    const { d, h } = deps({
      dialog: {
        showOpenDialog: async () => ({ canceled: false, filePaths: ['/x/small.rsb', '/x/huge.rsb', '/x/gone.rsb', '/x/large.rsb', '/x/other.rsb'] }),
        showSaveDialog: async () => ({ canceled: true }),
      },
    });
    d.fs.stat = vi.fn(async (p: string) => {
      if (p.endsWith('gone.rsb')) throw new Error('ENOENT');
      const size = p.endsWith('huge.rsb') ? 3 * 1024 ** 3 : p.endsWith('large.rsb') ? 300 * 1024 ** 2 : 10;
      return { size, isFile: () => true };
    });
    const files = await h[BridgeChannel.openFiles](trusted, { multiple: true, filters: [] });
    expect(files.map((f) => [f.name, f.problem ?? (f.chunked ? 'chunked' : 'read')])).toEqual([
      ['small.rsb', 'read'],
      ['huge.rsb', { kind: 'tooLarge', size: 3 * 1024 ** 3 }],
      ['gone.rsb', { kind: 'unreadable' }],
      // Over 16 MiB: a handle to read in chunks (preload turns it into a Blob), not bytes.
      ['large.rsb', 'chunked'],
      ['other.rsb', 'read'],
    ]);
    expect((d.fs.readFile as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])).toEqual(['/x/small.rsb', '/x/other.rsb']);
  });

  it('save file: writes the bytes where the user chose, suggesting a safe name in Documents', async () => {
    const { d, h, written } = deps();
    const bytes = new Uint8Array([1, 2, 3]);
    const res = await h[BridgeChannel.saveFile](trusted, { suggestedName: '../../etc/passwd', bytes });
    expect(res).toEqual({ saved: true, name: 'out.docx' });
    expect(written).toEqual([['/home/u/Documents/out.docx', bytes]]);
    const call = (d.dialog.showSaveDialog as ReturnType<typeof vi.fn>).mock.calls[0]![0] as { defaultPath: string };
    // The suggestion stays a single file name inside Documents: no separator survives.
    expect(call.defaultPath).toBe('/home/u/Documents/_.._etc_passwd');
  });

  it('app info: answers with versions', async () => {
    const { h } = deps();
    expect(await h[BridgeChannel.appInfo](trusted, undefined)).toMatchObject({ version: '1.2.3', platform: 'electron' });
  });

  describe.each(hostileSenders)('from an untrusted sender %s', (url) => {
    const sender = { senderFrame: { url } };
    it('every handler refuses and does nothing', async () => {
      const { d, h } = deps();
      await expect(h[BridgeChannel.openFiles](sender, { multiple: true, filters: [] })).rejects.toThrow('untrusted-sender');
      await expect(
        h[BridgeChannel.saveFile](sender, { suggestedName: 'x', bytes: new Uint8Array(1) }),
      ).rejects.toThrow('untrusted-sender');
      await expect(h[BridgeChannel.appInfo](sender, undefined)).rejects.toThrow('untrusted-sender');
      await expect(h[BridgeChannel.openDocument](sender, { name: 'order.pdf', bytes: new Uint8Array(1) })).rejects.toThrow('untrusted-sender');
      expect(d.viewer!.openPath).not.toHaveBeenCalled();
      expect(d.dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(d.dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(d.fs.writeFile).not.toHaveBeenCalled();
    });
  });

  it.each([
    [BridgeChannel.openFiles, undefined],
    [BridgeChannel.openFiles, { multiple: 'yes', filters: [] }],
    [BridgeChannel.openFiles, { multiple: true, filters: [{ name: 'x', extensions: ['../x'] }] }],
    [BridgeChannel.openFiles, { multiple: true, filters: [], extra: 1 }],
    [BridgeChannel.saveFile, { suggestedName: 'a.docx', bytes: 'not bytes' }],
    [BridgeChannel.saveFile, { suggestedName: '', bytes: new Uint8Array(1) }],
    [BridgeChannel.saveFile, { suggestedName: 'a', bytes: new Uint8Array(1), path: '/etc/passwd' }],
    [BridgeChannel.appInfo, { anything: true }],
    [BridgeChannel.openDocument, { name: 'a.pdf', bytes: 'not bytes' }],
    [BridgeChannel.openDocument, { name: '', bytes: new Uint8Array(1) }],
    [BridgeChannel.openDocument, { name: 'a.pdf', bytes: new Uint8Array(1), path: '/tmp/a.pdf' }],
  ] as const)('%s rejects malformed arguments %j', async (channel, args) => {
    const { d, h } = deps();
    const handler = h[channel] as (e: unknown, a: unknown) => Promise<unknown>;
    await expect(handler(trusted, args)).rejects.toThrow('invalid-arguments');
    expect(d.fs.writeFile).not.toHaveBeenCalled();
  });

  it('open document: a PDF is written under a fresh temp folder with a safe base name and opened by the shell', async () => {
    const { d, h, written } = deps();
    const bytes = new TextEncoder().encode('%PDF-1.4');
    expect(await h[BridgeChannel.openDocument](trusted, { name: '../../Order No. 12.pdf', bytes })).toEqual({ opened: true });
    expect(written).toEqual([['/tmp/readiness-document-1/_.._Order No. 12.pdf', bytes]]);
    expect(d.viewer!.openPath).toHaveBeenCalledWith('/tmp/readiness-document-1/_.._Order No. 12.pdf');
  });

  it.each(['setup.exe', 'run.bat', 'script.ps1', 'link.lnk', 'x.sh', 'app.AppImage', 'page.html', 'noextension', 'report.pdf.exe'])('open document: %s is never handed to the shell', async (name) => {
    const { d, h } = deps();
    expect(await h[BridgeChannel.openDocument](trusted, { name, bytes: new Uint8Array(1) })).toEqual({ opened: false, reason: 'typeNotAllowed' });
    expect(d.fs.writeFile).not.toHaveBeenCalled();
    expect(d.viewer!.openPath).not.toHaveBeenCalled();
  });

  it('open document: a viewer error is reported, not thrown', async () => {
    const { h } = deps({ viewer: { makeTempDir: async () => '/tmp/x', openPath: async () => 'no application' } });
    expect(await h[BridgeChannel.openDocument](trusted, { name: 'a.xlsx', bytes: new Uint8Array(1) })).toEqual({ opened: false, reason: 'failed' });
  });

  it('registers exactly the bridge channels', () => {
    const channels: string[] = [];
    registerBridgeHandlers({ handle: (c) => channels.push(c) }, deps().d);
    expect(channels.sort()).toEqual(Object.values(BridgeChannel).sort());
  });
});

describe('safeFileName', () => {
  it.each([
    ['report.docx', 'report.docx'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['C:\\Windows\\x.dll', 'C__Windows_x.dll'],
    ['...', 'untitled'],
    ['a<b>:c"d|e?f*g', 'a_b__c_d_e_f_g'],
    // Windows device names, any case, with or without an extension.
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['NUL.tar.gz', '_NUL.tar.gz'],
    ['Com1', '_Com1'],
    ['LPT1.docx', '_LPT1.docx'],
    ['aux', '_aux'],
    ['prn.rsb', '_prn.rsb'],
    ['COM¹.txt', '_COM¹.txt'],
    ['conin$', '_conin$'],
    ['nul .txt', '_nul .txt'],
    // Not device names.
    ['CONSOLE.txt', 'CONSOLE.txt'],
    ['COM10', 'COM10'],
    ['my nul.txt', 'my nul.txt'],
    // Trailing dots and spaces, which Windows drops.
    ['report.docx.', 'report.docx'],
    ['report.docx . . ', 'report.docx'],
    ['CON. ', '_CON'],
    ['. .', 'untitled'],
  ])('%s → %s', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});

describe('UI language of the desktop shell', () => {
  it('accepts kk, ru and en from the app, refuses anything else, and titles dialogs in it', async () => {
    const reported: string[] = [];
    const { d, h } = deps({ onUiLanguage: (l) => reported.push(l), dialogTitles: () => ({ open: 'Ашу', save: 'Сақтау' }) });
    for (const lang of ['kk', 'ru', 'en']) await h[BridgeChannel.setUiLanguage](trusted, lang);
    expect(reported).toEqual(['kk', 'ru', 'en']);
    for (const bad of ['de', 'KK', '', 7, { lang: 'kk' }, undefined]) {
      await expect(h[BridgeChannel.setUiLanguage](trusted, bad)).rejects.toThrow('invalid-arguments');
    }
    for (const url of hostileSenders) {
      await expect(h[BridgeChannel.setUiLanguage]({ senderFrame: { url } }, 'kk')).rejects.toThrow('untrusted-sender');
    }
    expect(reported).toHaveLength(3);
    await h[BridgeChannel.openFiles](trusted, { multiple: false, filters: [] });
    expect(d.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Ашу' }));
    await h[BridgeChannel.saveFile](trusted, { suggestedName: 'a.rsb', bytes: new Uint8Array(1) });
    expect(d.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Сақтау' }));
  });
});
