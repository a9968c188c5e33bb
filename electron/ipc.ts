/**
 * IPC handlers for the bridge. They receive their side effects (dialog, fs, window) as
 * arguments so tests run them in plain Node. Every handler checks the sender first and
 * validates its arguments with zod; a rejected call returns nothing useful to an attacker.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import {
  BRIDGE_CHUNK_BYTES,
  BridgeChannel,
  MAX_BLOB_BYTES,
  MAX_FILE_BYTES,
  WHOLE_FILE_BYTES,
  VIEWABLE_EXTENSIONS,
  type AppInfo,
  type OpenDocumentResult,
  type OpenedFileMessage,
  type SaveResult,
} from '../shared/bridge';
import { LANGUAGES, type Lang } from '../shared/i18n';
import { isTrustedSender, type SenderLike } from './security';

const filterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,16}$/)).max(20),
});

export const openFilesArgs = z
  .object({
    title: z.string().max(200).optional(),
    multiple: z.boolean(),
    filters: z.array(filterSchema).max(10),
  })
  .strict();

export const saveFileArgs = z
  .object({
    title: z.string().max(200).optional(),
    suggestedName: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large'),
    filters: z.array(filterSchema).max(10).optional(),
  })
  .strict();

export const uiLanguageArg = z.enum(LANGUAGES);

const token = z.string().regex(/^[0-9a-f]{32}$/);

export const readChunkArgs = z
  .object({
    token,
    offset: z.number().int().min(0).max(MAX_BLOB_BYTES),
    length: z.number().int().min(1).max(BRIDGE_CHUNK_BYTES),
  })
  .strict();

export const saveBeginArgs = z
  .object({
    title: z.string().max(200).optional(),
    suggestedName: z.string().min(1).max(255),
    size: z.number().int().min(0).max(MAX_BLOB_BYTES),
    filters: z.array(filterSchema).max(10).optional(),
  })
  .strict();

export const saveChunkArgs = z
  .object({
    token,
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= BRIDGE_CHUNK_BYTES, 'chunk too large'),
  })
  .strict();

export const saveTokenArgs = z.object({ token }).strict();

export const openDocumentArgs = z
  .object({
    name: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large'),
  })
  .strict();

/** The system viewer: a private temporary folder and the shell's "open with the default app". */
export interface ViewerLike {
  /** A new private folder for one document (e.g. fs.mkdtemp under the OS temp dir). */
  makeTempDir(): Promise<string>;
  /** shell.openPath: resolves to "" on success, else an error message. */
  openPath(p: string): Promise<string>;
}

/** Whether the desktop hands a file of this name to the system viewer (VIEWABLE_EXTENSIONS). */
export function isViewable(name: string): boolean {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && VIEWABLE_EXTENSIONS.includes(ext);
}

export interface DialogLike {
  showOpenDialog(options: {
    title?: string;
    properties: Array<'openFile' | 'multiSelections'>;
    filters: Array<{ name: string; extensions: string[] }>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title?: string;
    defaultPath: string;
    filters?: Array<{ name: string; extensions: string[] }>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface FsLike {
  stat(p: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(p: string): Promise<Uint8Array>;
  writeFile(p: string, data: Uint8Array): Promise<void>;
  /** Up to `length` bytes from `position` (fewer only at the end of the file). */
  readRange(p: string, position: number, length: number): Promise<Uint8Array>;
  appendFile(p: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
}

export interface IpcDeps {
  dialog: DialogLike;
  fs: FsLike;
  /** Folder the save dialog opens in (the user's Documents). */
  defaultSaveDir: string;
  appInfo: () => AppInfo;
  /** Default dialog titles in the current UI language (when the renderer gives none). */
  dialogTitles?: () => { open: string; save: string };
  /** The renderer reports its UI language (at start and on every switch). */
  onUiLanguage?: (lang: Lang) => void;
  /** Opens supporting documents; without it, openDocument fails (e.g. in tests of other handlers). */
  viewer?: ViewerLike;
}

/** Error thrown to the renderer; its message is a stable code, never a path or stack. */
export class BridgeError extends Error {
  constructor(code: 'untrusted-sender' | 'invalid-arguments' | 'file-too-large' | 'read-failed' | 'write-failed') {
    super(code);
    this.name = 'BridgeError';
  }
}

/** Names Windows reserves for devices, with or without an extension ("NUL.txt" is the NUL device too). */
const WINDOWS_DEVICE = /^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(?: *\..*)?$/i;

/**
 * A suggested file name from the renderer becomes a bare, safe base name on every system:
 * no folders, no characters Windows forbids, no control characters, no leading dots, no
 * trailing dots or spaces (Windows drops them, so "report.docx." would become another
 * name), and never a Windows device name such as CON, NUL.txt, COM1 or LPT1.docx.
 */
export function safeFileName(name: string): string {
  // Control characters are exactly what must not reach a file name.
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\\/]+/g, '_').replace(/[\0-\x1f\x7f<>:"|?*]/g, '_').trim();
  const cleaned = base.replace(/^\.+/, '').slice(0, 200).replace(/[. ]+$/, '');
  if (cleaned.length === 0) return 'untitled';
  return WINDOWS_DEVICE.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** At most this many large files are open for chunked reading or writing at once. */
const MAX_TRANSFERS = 32;

export function createBridgeHandlers(deps: IpcDeps) {
  function guard(event: SenderLike) {
    if (!isTrustedSender(event)) throw new BridgeError('untrusted-sender');
  }

  // Large files chosen or saved by the user, by random token: the renderer never sees a
  // path, and can only read or write the files the user picked in a dialog.
  const reads = new Map<string, { path: string; size: number }>();
  const writes = new Map<string, { target: string; temp: string; size: number; written: number }>();
  const newToken = () => randomBytes(16).toString('hex');
  function remember<T>(map: Map<string, T>, value: T): string {
    // The oldest transfer gives way (a renderer that never finishes cannot pile them up).
    if (map.size >= MAX_TRANSFERS) map.delete(map.keys().next().value as string);
    const t = newToken();
    map.set(t, value);
    return t;
  }
  /** The save dialog, suggesting a safe name in the default folder; undefined when cancelled. */
  async function chooseSaveTarget(args: { title?: string; suggestedName: string; filters?: Array<{ name: string; extensions: string[] }> }): Promise<string | undefined> {
    const title = args.title ?? deps.dialogTitles?.().save;
    const result = await deps.dialog.showSaveDialog({
      ...(title ? { title } : {}),
      defaultPath: path.join(deps.defaultSaveDir, safeFileName(args.suggestedName)),
      ...(args.filters ? { filters: args.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) } : {}),
    });
    return result.canceled || !result.filePath ? undefined : result.filePath;
  }

  async function abortWrite(t: string) {
    const w = writes.get(t);
    writes.delete(t);
    if (w) await deps.fs.unlink(w.temp).catch(() => undefined);
  }

  return {
    async [BridgeChannel.openFiles](event: SenderLike, raw: unknown): Promise<OpenedFileMessage[]> {
      guard(event);
      const parsed = openFilesArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      const args = parsed.data;
      const title = args.title ?? deps.dialogTitles?.().open;
      const result = await deps.dialog.showOpenDialog({
        ...(title ? { title } : {}),
        properties: args.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: args.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      });
      if (result.canceled) return [];
      const files: OpenedFileMessage[] = [];
      // Each file on its own: one too large or unreadable never stops the others.
      for (const filePath of result.filePaths) {
        const name = path.basename(filePath);
        const unreadable: OpenedFileMessage = { name, bytes: new Uint8Array(0), problem: { kind: 'unreadable' } };
        let stat;
        try {
          stat = await deps.fs.stat(filePath);
        } catch {
          files.push(unreadable);
          continue;
        }
        if (!stat.isFile()) {
          files.push(unreadable);
          continue;
        }
        if (stat.size > MAX_BLOB_BYTES) {
          files.push({ name, bytes: new Uint8Array(0), problem: { kind: 'tooLarge', size: stat.size } });
          continue;
        }
        if (stat.size > WHOLE_FILE_BYTES) {
          files.push({ name, bytes: new Uint8Array(0), chunked: { token: remember(reads, { path: filePath, size: stat.size }), size: stat.size } });
          continue;
        }
        try {
          files.push({ name, bytes: await deps.fs.readFile(filePath) });
        } catch {
          files.push(unreadable);
        }
      }
      return files;
    },

    async [BridgeChannel.saveFile](event: SenderLike, raw: unknown): Promise<SaveResult> {
      guard(event);
      const parsed = saveFileArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      const args = parsed.data;
      const filePath = await chooseSaveTarget(args);
      if (!filePath) return { saved: false };
      try {
        await deps.fs.writeFile(filePath, args.bytes);
      } catch {
        throw new BridgeError('write-failed');
      }
      return { saved: true, name: path.basename(filePath) };
    },

    async [BridgeChannel.readChunk](event: SenderLike, raw: unknown): Promise<Uint8Array> {
      guard(event);
      const parsed = readChunkArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      const { token: t, offset, length } = parsed.data;
      const file = reads.get(t);
      if (!file || offset + length > file.size) throw new BridgeError('invalid-arguments');
      let bytes: Uint8Array;
      try {
        bytes = await deps.fs.readRange(file.path, offset, length);
      } catch {
        reads.delete(t);
        throw new BridgeError('read-failed');
      }
      // A file that shrank since it was chosen is unreadable, not silently short.
      if (bytes.byteLength !== length) {
        reads.delete(t);
        throw new BridgeError('read-failed');
      }
      if (offset + length === file.size) reads.delete(t);
      return bytes;
    },

    async [BridgeChannel.saveBegin](event: SenderLike, raw: unknown): Promise<{ token: string } | { saved: false }> {
      guard(event);
      const parsed = saveBeginArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      const args = parsed.data;
      const filePath = await chooseSaveTarget(args);
      if (!filePath) return { saved: false };
      // Written next to the target and renamed at the end: a failed or abandoned save never
      // leaves a half-written file under the chosen name.
      const t = newToken();
      const temp = `${filePath}.${t.slice(0, 8)}.part`;
      try {
        await deps.fs.writeFile(temp, new Uint8Array(0));
      } catch {
        throw new BridgeError('write-failed');
      }
      if (writes.size >= MAX_TRANSFERS) await abortWrite(writes.keys().next().value as string);
      writes.set(t, { target: filePath, temp, size: args.size, written: 0 });
      return { token: t };
    },

    async [BridgeChannel.saveChunk](event: SenderLike, raw: unknown): Promise<void> {
      guard(event);
      const parsed = saveChunkArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      const w = writes.get(parsed.data.token);
      if (!w) throw new BridgeError('invalid-arguments');
      if (w.written + parsed.data.bytes.byteLength > w.size) {
        await abortWrite(parsed.data.token);
        throw new BridgeError('invalid-arguments');
      }
      try {
        await deps.fs.appendFile(w.temp, parsed.data.bytes);
      } catch {
        await abortWrite(parsed.data.token);
        throw new BridgeError('write-failed');
      }
      w.written += parsed.data.bytes.byteLength;
    },

    async [BridgeChannel.saveEnd](event: SenderLike, raw: unknown): Promise<SaveResult> {
      guard(event);
      const parsed = saveTokenArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      const w = writes.get(parsed.data.token);
      if (!w) throw new BridgeError('invalid-arguments');
      if (w.written !== w.size) {
        await abortWrite(parsed.data.token);
        throw new BridgeError('write-failed');
      }
      writes.delete(parsed.data.token);
      try {
        await deps.fs.rename(w.temp, w.target);
      } catch {
        await deps.fs.unlink(w.temp).catch(() => undefined);
        throw new BridgeError('write-failed');
      }
      return { saved: true, name: path.basename(w.target) };
    },

    async [BridgeChannel.saveAbort](event: SenderLike, raw: unknown): Promise<void> {
      guard(event);
      const parsed = saveTokenArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      await abortWrite(parsed.data.token);
    },

    async [BridgeChannel.appInfo](event: SenderLike, raw: unknown): Promise<AppInfo> {
      guard(event);
      if (raw !== undefined) throw new BridgeError('invalid-arguments');
      return deps.appInfo();
    },

    /**
     * A supporting document to the system viewer: only document and image types (never a
     * program or script, whatever the bytes claim), written under a fresh private temp
     * folder with a safe base name, then opened by the shell. Never loaded in a window.
     */
    async [BridgeChannel.openDocument](event: SenderLike, raw: unknown): Promise<OpenDocumentResult> {
      guard(event);
      const parsed = openDocumentArgs.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      const name = safeFileName(parsed.data.name);
      if (!isViewable(name)) return { opened: false, reason: 'typeNotAllowed' };
      if (!deps.viewer) return { opened: false, reason: 'failed' };
      try {
        const file = path.join(await deps.viewer.makeTempDir(), name);
        await deps.fs.writeFile(file, parsed.data.bytes);
        const error = await deps.viewer.openPath(file);
        return error === '' ? { opened: true } : { opened: false, reason: 'failed' };
      } catch {
        return { opened: false, reason: 'failed' };
      }
    },

    async [BridgeChannel.setUiLanguage](event: SenderLike, raw: unknown): Promise<void> {
      guard(event);
      const parsed = uiLanguageArg.safeParse(raw);
      if (!parsed.success) throw new BridgeError('invalid-arguments');
      deps.onUiLanguage?.(parsed.data);
    },
  };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderLike, arg: unknown) => unknown): void;
}

export function registerBridgeHandlers(ipcMain: IpcMainLike, deps: IpcDeps): void {
  const handlers = createBridgeHandlers(deps);
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, arg) => (handler as (e: SenderLike, a: unknown) => unknown)(event, arg));
  }
}
