/**
 * Electron main process: composition only. Policy lives in security.ts, serving in
 * protocol.ts, IPC in ipc.ts, window memory in windowState.ts, the menu in menu.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type WebContents } from 'electron';
import { promises as fsp } from 'node:fs';
import { nodeFileSystem } from './fileSystem';
import os from 'node:os';
import path from 'node:path';
import { catalogueVersionLabel } from '../shared/checklist/catalogue';
import { detectLanguage, type Lang } from '../shared/i18n';
import { createAppProtocolHandler } from './protocol';
import { registerBridgeHandlers } from './ipc';
import { aboutText, buildMenuTemplate } from './menu';
import { desktopStrings } from './strings';
import {
  APP_ENTRY,
  APP_SCHEME,
  permissionDecision,
  secureWebPreferences,
  shouldBlockNavigation,
  windowOpenDecision,
} from './security';
import { DEFAULT_STATE, parseWindowState, restoreBounds, type WindowState } from './windowState';

const rendererRoot = path.join(__dirname, '..', 'dist');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Must run before `ready`: app:// behaves like https (secure context, fetch, storage).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

function appInfo() {
  return {
    name: 'Readiness Studio',
    version: app.getVersion(),
    catalogueVersion: catalogueVersionLabel(),
    platform: 'electron' as const,
  };
}

/** Applied to every web contents the app ever creates, including ones we did not expect. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (shouldBlockNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (shouldBlockNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
}

const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');

async function loadWindowState(): Promise<WindowState> {
  try {
    return parseWindowState(await fsp.readFile(stateFile(), 'utf8'));
  } catch {
    return { ...DEFAULT_STATE };
  }
}

async function saveWindowState(win: BrowserWindow): Promise<void> {
  const b = win.getNormalBounds();
  const state: WindowState = { ...b, maximized: win.isMaximized() };
  await fsp.writeFile(stateFile(), JSON.stringify(state)).catch(() => undefined);
}

async function createMainWindow(): Promise<BrowserWindow> {
  const saved = await loadWindowState();
  const bounds = restoreBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Readiness Studio',
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(preloadPath),
  });
  if (saved.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => void saveWindowState(win));
  await win.loadURL(APP_ENTRY);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  // The UI language: the OS's until the renderer reports the one the user chose.
  let uiLang: Lang = 'en';

  const showAbout = () => {
    const s = desktopStrings(uiLang).about;
    const options = { type: 'info' as const, title: s.title, message: aboutText(appInfo(), s), buttons: [s.ok] };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  };
  const applyMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ isMac: process.platform === 'darwin', onAbout: showAbout, labels: desktopStrings(uiLang).menu }) as Parameters<
          typeof Menu.buildFromTemplate
        >[0],
      ),
    );

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(async () => {
    uiLang = detectLanguage([app.getLocale()]);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, { readFile: (p) => fsp.readFile(p) }));

    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
    ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
    // No remote content: any request that is not our own scheme (or devtools) is cancelled.
    ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
      callback({ cancel: true }),
    );

    registerBridgeHandlers(ipcMain, {
      dialog: {
        showOpenDialog: (o) => (mainWindow ? dialog.showOpenDialog(mainWindow, o) : dialog.showOpenDialog(o)),
        showSaveDialog: (o) => (mainWindow ? dialog.showSaveDialog(mainWindow, o) : dialog.showSaveDialog(o)),
      },
      fs: nodeFileSystem,
      defaultSaveDir: app.getPath('documents'),
      appInfo,
      viewer: {
        makeTempDir: () => fsp.mkdtemp(path.join(os.tmpdir(), 'readiness-document-')),
        openPath: (p) => shell.openPath(p),
      },
      dialogTitles: () => desktopStrings(uiLang).dialogs,
      onUiLanguage: (lang) => {
        if (lang === uiLang) return;
        uiLang = lang;
        applyMenu();
      },
    });

    applyMenu();

    mainWindow = await createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createMainWindow().then((w) => (mainWindow = w));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
