/**
 * The main process wired against a fake `electron`: checks that the composition applies
 * the policy (single-instance lock, secure webPreferences, handlers on every web contents,
 * permissions denied, remote requests cancelled, custom protocol, menu with About).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const state = vi.hoisted(() => ({
  appListeners: new Map<string, Listener[]>(),
  windows: [] as Array<{ options: Record<string, unknown>; url?: string }>,
  privileged: [] as unknown[],
  handled: new Map<string, unknown>(),
  ipc: new Map<string, Listener>(),
  permissionRequest: undefined as undefined | Listener,
  permissionCheck: undefined as undefined | Listener,
  beforeRequest: undefined as undefined | { filter: { urls: string[] }; fn: Listener },
  menu: undefined as undefined | Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }>,
  lock: true,
  quit: vi.fn(),
  messageBox: vi.fn(async () => ({ response: 0 })),
  ready: undefined as undefined | (() => void),
  /** Resolved when the main process registers its last listener ('activate'): start-up is done. */
  started: undefined as undefined | (() => void),
  locale: 'en-US',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    private listeners = new Map<string, Listener>();
    constructor(options: Record<string, unknown>) {
      state.windows.push({ options });
    }
    maximize() {}
    once(ev: string, fn: Listener) {
      this.listeners.set(ev, fn);
    }
    on(ev: string, fn: Listener) {
      this.listeners.set(ev, fn);
    }
    async loadURL(url: string) {
      state.windows[state.windows.length - 1]!.url = url;
    }
    isMinimized() {
      return false;
    }
    focus() {}
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: state.quit,
      on: (ev: string, fn: Listener) => {
        state.appListeners.set(ev, [...(state.appListeners.get(ev) ?? []), fn]);
        if (ev === 'activate') state.started?.();
      },
      getLocale: () => state.locale,
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      getVersion: () => '9.9.9',
      getPath: (name: string) => `/tmp/fake-${name}`,
    },
    BrowserWindow,
    dialog: { showMessageBox: state.messageBox, showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, fn: Listener) => state.ipc.set(channel, fn) },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: typeof state.menu) => (state.menu = m),
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.privileged.push(...s),
      handle: (scheme: string, fn: unknown) => state.handled.set(scheme, fn),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openPath: vi.fn(async () => '') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
        webRequest: { onBeforeRequest: (filter: { urls: string[] }, fn: Listener) => (state.beforeRequest = { filter, fn }) },
      },
    },
  };
});

/** Loads the main process and, unless it quits at once, waits until its start-up has run. */
async function boot(opts: { expectStart?: boolean } = {}) {
  vi.resetModules();
  const started = new Promise<void>((resolve) => (state.started = resolve));
  await import('../../../electron/main');
  state.ready?.();
  if (opts.expectStart !== false) await started;
}

type MenuItem = { label?: string; role?: string; submenu?: MenuItem[]; click?: () => void };
const labels = (items: readonly MenuItem[]): string[] => items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(i.submenu ?? [])]);
const trusted = { senderFrame: { url: 'app://readiness/index.html' } };

describe('electron main process', () => {
  beforeEach(() => {
    state.appListeners.clear();
    state.windows.length = 0;
    state.privileged.length = 0;
    state.handled.clear();
    state.ipc.clear();
    state.lock = true;
    state.locale = 'en-US';
    state.quit.mockClear();
    state.messageBox.mockClear();
  });

  it('quits when another instance holds the lock', async () => {
    state.lock = false;
    await boot({ expectStart: false });
    expect(state.quit).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
  });

  it('opens one secure window on app://readiness', async () => {
    await boot();
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    expect(win.url).toBe('app://readiness/index.html');
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true, standard: true }) })]);
    expect(state.handled.has('app')).toBe(true);
  });

  it('denies permissions and cancels every remote request', async () => {
    await boot();
    const decisions: boolean[] = [];
    state.permissionRequest?.({}, 'media', (ok: boolean) => decisions.push(ok));
    expect(decisions).toEqual([false]);
    expect(state.permissionCheck?.({}, 'geolocation')).toBe(false);
    const results: unknown[] = [];
    state.beforeRequest?.fn({ url: 'https://example.com' }, (r: unknown) => results.push(r));
    expect(results).toEqual([{ cancel: true }]);
    expect(state.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
  });

  it('hardens every web contents: navigation, redirects, webviews and new windows', async () => {
    await boot();
    const created = state.appListeners.get('web-contents-created')![0]!;
    const handlers = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    created({}, { on: (ev: string, fn: Listener) => handlers.set(ev, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) });
    for (const ev of ['will-navigate', 'will-redirect']) {
      const prevent = vi.fn();
      handlers.get(ev)!({ preventDefault: prevent }, 'https://example.com');
      expect(prevent).toHaveBeenCalled();
    }
    const prevent = vi.fn();
    handlers.get('will-attach-webview')!({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('registers the bridge handlers and a Help → About menu with the versions', async () => {
    await boot();
    expect([...state.ipc.keys()].sort()).toEqual([
      'bridge:app-info',
      'bridge:open-document',
      'bridge:open-files',
      'bridge:read-chunk',
      'bridge:save-abort',
      'bridge:save-begin',
      'bridge:save-chunk',
      'bridge:save-end',
      'bridge:save-file',
      'bridge:set-ui-language',
    ]);
    const help = state.menu!.find((m) => m.label === 'Help')!;
    const about = help.submenu!.find((i) => i.label?.startsWith('About'))!;
    about.click!();
    const options = state.messageBox.mock.calls.at(-1)!.at(-1) as unknown as { message: string; title: string; buttons: string[] };
    expect(options.message).toContain('9.9.9');
    expect(options.message).toContain('catalogue');
  });

  it('starts in the OS language and follows the UI language the renderer reports', async () => {
    state.locale = 'ru-RU';
    await boot();
    expect(state.menu!.map((m) => m.label)).toContain('Справка');
    const setLanguage = state.ipc.get('bridge:set-ui-language')!;
    await setLanguage(trusted, 'kk');
    const all = labels(state.menu as MenuItem[]);
    expect(all).toEqual(expect.arrayContaining(['Файл', 'Түзету', 'Көшіру', 'Анықтама', 'Readiness Studio туралы']));
    // Every item has a Kazakh label: none of Electron's English role labels is left.
    const items = (state.menu as MenuItem[]).flatMap((m) => m.submenu ?? []).filter((i) => i.role);
    expect(items.every((i) => typeof i.label === 'string' && i.label !== '')).toBe(true);
    expect(all.join(' ')).not.toMatch(/\b(File|Edit|Copy|Help|About)\b/);
    // The About box speaks Kazakh too.
    (state.menu as MenuItem[]).find((m) => m.label === 'Анықтама')!.submenu![0]!.click!();
    const options = state.messageBox.mock.calls.at(-1)!.at(-1) as unknown as { message: string; title: string; buttons: string[] };
    expect(options).toMatchObject({ title: 'Readiness Studio туралы', buttons: ['Жарайды'] });
    expect(options.message).toContain('Бақылау тізбелерінің каталогы');
    // A value that is not a UI language is refused and changes nothing.
    await expect(Promise.resolve(setLanguage(trusted, 'de'))).rejects.toThrow('invalid-arguments');
    await expect(Promise.resolve(setLanguage({ senderFrame: { url: 'https://example.com/' } }, 'ru'))).rejects.toThrow('untrusted-sender');
    expect(labels(state.menu as MenuItem[])).toContain('Анықтама');
  });
});
