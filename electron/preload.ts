/**
 * The only code with both a DOM and IPC. It exposes the bridge, nothing else: no
 * ipcRenderer, no generic invoke, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BridgeChannel, type Bridge } from '../shared/bridge';

const api: Bridge = {
  openFiles: (options) => ipcRenderer.invoke(BridgeChannel.openFiles, options),
  saveFile: (options) => ipcRenderer.invoke(BridgeChannel.saveFile, options),
  appInfo: () => ipcRenderer.invoke(BridgeChannel.appInfo),
  setUiLanguage: (lang) => ipcRenderer.invoke(BridgeChannel.setUiLanguage, lang),
};

contextBridge.exposeInMainWorld('api', api);
