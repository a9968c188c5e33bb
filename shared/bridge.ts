/**
 * The contract between the renderer and the platform it runs on. Electron implements it
 * in electron/preload.ts (window.api, backed by IPC handlers in the main process); the web
 * build implements it in renderer/platform/web.ts with <input type=file> and downloads.
 * Keep it small: every method is an attack surface in the desktop shell.
 */

import type { Lang } from './i18n';

export interface FileFilter {
  /** Human-readable name shown in the dialog, e.g. "Readiness bundles". */
  readonly name: string;
  /** Extensions without the dot, e.g. ["rsb"]. */
  readonly extensions: readonly string[];
}

export interface OpenFilesOptions {
  readonly title?: string;
  readonly multiple: boolean;
  readonly filters: readonly FileFilter[];
}

export interface OpenedFile {
  /** The file's base name only; never a path (a path must not leak into the renderer). */
  readonly name: string;
  /** The bytes, when the platform read them (desktop); empty when `blob` or `problem` is set. */
  readonly bytes: Uint8Array;
  /** Web: the File itself, read in ranges by whoever needs it (a container is never read whole). */
  readonly blob?: Blob;
  /**
   * Why the file was not read: each chosen file is reported on its own, so one file over
   * the limit (or unreadable) never stops the others from being read.
   */
  readonly problem?: { readonly kind: 'tooLarge'; readonly size: number } | { readonly kind: 'unreadable' };
}

export interface SaveFileOptions {
  readonly title?: string;
  readonly suggestedName: string;
  /** The content: bytes, or (large files, e.g. a bundle container) a Blob built chunk by chunk. */
  readonly bytes: Uint8Array | Blob;
  readonly filters?: readonly FileFilter[];
}

export type SaveResult = { readonly saved: true; readonly name: string } | { readonly saved: false };

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly catalogueVersion: string;
  readonly platform: 'electron' | 'web';
}

/** A supporting document to show in the system's viewer (desktop) or download (web). */
export interface OpenDocumentOptions {
  /** The original file name (display and extension only; never a path). */
  readonly name: string;
  readonly bytes: Uint8Array | Blob;
}

export type OpenDocumentResult = { readonly opened: true } | { readonly opened: false; readonly reason: 'typeNotAllowed' | 'failed' };

/**
 * Extensions the desktop shell hands to the system viewer. Anything else (programs,
 * scripts, shortcuts, unknown types) is never opened by the app: it can be saved instead.
 */
export const VIEWABLE_EXTENSIONS: readonly string[] = ['pdf', 'doc', 'docx', 'odt', 'rtf', 'txt', 'xls', 'xlsx', 'ods', 'csv', 'ppt', 'pptx', 'odp', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff'];

export interface Bridge {
  openFiles(options: OpenFilesOptions): Promise<OpenedFile[]>;
  saveFile(options: SaveFileOptions): Promise<SaveResult>;
  appInfo(): Promise<AppInfo>;
  /** The UI language, so the desktop shell's menu and dialogs speak it too. */
  setUiLanguage(lang: Lang): Promise<void>;
  /**
   * Opens a supporting document outside the app, never inside its origin: the desktop
   * writes it to a temporary file and asks the system to open it (after the renderer's
   * confirmation); the web app downloads it.
   */
  openDocument(options: OpenDocumentOptions): Promise<OpenDocumentResult>;
}

/** IPC channel names, one place for preload and main. */
export const BridgeChannel = {
  openFiles: 'bridge:open-files',
  saveFile: 'bridge:save-file',
  appInfo: 'bridge:app-info',
  setUiLanguage: 'bridge:set-ui-language',
  openDocument: 'bridge:open-document',
  // Large files cross the desktop bridge in chunks; only preload uses these.
  readChunk: 'bridge:read-chunk',
  saveBegin: 'bridge:save-begin',
  saveChunk: 'bridge:save-chunk',
  saveEnd: 'bridge:save-end',
  saveAbort: 'bridge:save-abort',
} as const;

/**
 * Desktop: a file up to this size crosses IPC in one message; a larger one (a bundle
 * container with attachments, up to MAX_BLOB_BYTES) in chunks of BRIDGE_CHUNK_BYTES, which
 * preload gathers into a Blob (opening) or reads from a Blob (saving). The renderer sees the
 * same `OpenedFile.blob` as in the web app, so one code path reads both.
 */
export const WHOLE_FILE_BYTES = 16 * 1024 * 1024;
export const BRIDGE_CHUNK_BYTES = 8 * 1024 * 1024;

/** What the main process answers for one opened file: bytes, or a handle to read it in chunks. */
export type OpenedFileMessage = OpenedFile & { readonly chunked?: { readonly token: string; readonly size: number } };

/** Upper bound for one file crossing the desktop bridge as bytes (the JSON bundle limit). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Upper bound for a file the web app opens as a Blob (a bundle container). */
export const MAX_BLOB_BYTES = 2 * 1024 * 1024 * 1024;
