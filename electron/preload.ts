/**
 * The only code with both a DOM and IPC. It exposes the bridge, nothing else: no
 * ipcRenderer, no generic invoke, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CHUNK_BYTES,
  BridgeChannel,
  WHOLE_FILE_BYTES,
  type Bridge,
  type OpenedFile,
  type OpenedFileMessage,
  type SaveFileOptions,
  type SaveResult,
} from '../shared/bridge';

/** Every 64 MiB the chunks read so far become a Blob: Chromium keeps Blob data out of the JS heap. */
const BLOB_PART_BYTES = 64 * 1024 * 1024;

/** A large file, read from the main process chunk by chunk into a Blob (as the web app's File). */
async function readChunked(name: string, handle: { token: string; size: number }): Promise<OpenedFile> {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  try {
    for (let offset = 0; offset < handle.size; offset += BRIDGE_CHUNK_BYTES) {
      const length = Math.min(BRIDGE_CHUNK_BYTES, handle.size - offset);
      const chunk = (await ipcRenderer.invoke(BridgeChannel.readChunk, { token: handle.token, offset, length })) as Uint8Array;
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= BLOB_PART_BYTES) {
        parts.push(new Blob(pending as BlobPart[]));
        pending = [];
        pendingBytes = 0;
      }
    }
  } catch {
    return { name, bytes: new Uint8Array(0), problem: { kind: 'unreadable' } };
  }
  if (pending.length > 0) parts.push(new Blob(pending as BlobPart[]));
  return { name, bytes: new Uint8Array(0), blob: new Blob(parts) };
}

/** A large Blob (an exported container) written through the main process chunk by chunk. */
async function saveChunked(options: SaveFileOptions & { bytes: Blob }): Promise<SaveResult> {
  const { bytes: blob, ...rest } = options;
  const begun = (await ipcRenderer.invoke(BridgeChannel.saveBegin, { ...rest, size: blob.size })) as { token: string } | { saved: false };
  if (!('token' in begun)) return { saved: false };
  try {
    for (let offset = 0; offset < blob.size; offset += BRIDGE_CHUNK_BYTES) {
      const chunk = new Uint8Array(await blob.slice(offset, offset + BRIDGE_CHUNK_BYTES).arrayBuffer());
      await ipcRenderer.invoke(BridgeChannel.saveChunk, { token: begun.token, bytes: chunk });
    }
    return (await ipcRenderer.invoke(BridgeChannel.saveEnd, { token: begun.token })) as SaveResult;
  } catch (err) {
    await ipcRenderer.invoke(BridgeChannel.saveAbort, { token: begun.token }).catch(() => undefined);
    throw err;
  }
}

const api: Bridge = {
  openFiles: async (options) => {
    const files = (await ipcRenderer.invoke(BridgeChannel.openFiles, options)) as OpenedFileMessage[];
    return Promise.all(files.map((f) => (f.chunked ? readChunked(f.name, f.chunked) : f)));
  },
  // IPC carries bytes, not Blobs: a small Blob is read here and sent whole, a large one
  // (a container with attachments) in chunks.
  saveFile: async (options) => {
    const b = options.bytes;
    if (b instanceof Blob && b.size > WHOLE_FILE_BYTES) return saveChunked({ ...options, bytes: b });
    return ipcRenderer.invoke(BridgeChannel.saveFile, b instanceof Blob ? { ...options, bytes: new Uint8Array(await b.arrayBuffer()) } : options);
  },
  appInfo: () => ipcRenderer.invoke(BridgeChannel.appInfo),
  setUiLanguage: (lang) => ipcRenderer.invoke(BridgeChannel.setUiLanguage, lang),
  openDocument: async (options) =>
    ipcRenderer.invoke(BridgeChannel.openDocument, { name: options.name, bytes: options.bytes instanceof Blob ? new Uint8Array(await options.bytes.arrayBuffer()) : options.bytes }),
};

contextBridge.exposeInMainWorld('api', api);
