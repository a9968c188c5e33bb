/**
 * The only code with both a DOM and IPC. It exposes the bridge, nothing else: no
 * ipcRenderer, no generic invoke, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BridgeChannel, type Bridge } from '../shared/bridge';

const api: Bridge = {
  openFiles: (options) => ipcRenderer.invoke(BridgeChannel.openFiles, options),
  // IPC carries bytes, not Blobs: a Blob (an exported container) is read here first. The
  // main process still caps one file at MAX_FILE_BYTES.
  saveFile: async (options) =>
    ipcRenderer.invoke(BridgeChannel.saveFile, options.bytes instanceof Blob ? { ...options, bytes: new Uint8Array(await options.bytes.arrayBuffer()) } : options),
  appInfo: () => ipcRenderer.invoke(BridgeChannel.appInfo),
  setUiLanguage: (lang) => ipcRenderer.invoke(BridgeChannel.setUiLanguage, lang),
  openDocument: async (options) =>
    ipcRenderer.invoke(BridgeChannel.openDocument, { name: options.name, bytes: options.bytes instanceof Blob ? new Uint8Array(await options.bytes.arrayBuffer()) : options.bytes }),
};

contextBridge.exposeInMainWorld('api', api);
